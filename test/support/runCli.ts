import { main } from "../../src/cli/main";

/** Runs the CLI in-process, as `inspection-ready ARGS` would, and gathers what it printed. */
export async function runCli(argv: string[], now = new Date("2026-11-25T09:00:00Z")) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, now);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
