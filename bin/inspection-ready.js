#!/usr/bin/env node
// The CLI is compiled from src/cli by `npm run build:cli`, which `npm ci` runs through the prepare script.
let cli;
try {
  cli = require("../build/cli/cli/main.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND") {
    console.error(
      "inspection-ready: the CLI is not built yet; run `npm ci` (or `npm run build:cli`) in the project folder first.",
    );
    process.exit(2);
  }
  throw error;
}
// Output piped into a reader that stops early (`| head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on("error", (error) => {
  if (error && error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
cli
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    // Every expected failure is reported by the command itself; this is a fault of ours.
    console.error(
      `inspection-ready: unexpected error: ${error && error.message ? error.message : error}. Please report it.`,
    );
    process.exitCode = 2;
  });
