import { UsageError } from "./args";
import type { OptionSpec } from "./command";
import { checkOutFile } from "./outFile";

/** --force, as every command that writes a file takes it. */
export const FORCE_OPTION: OptionSpec = { type: "boolean", description: "Replace --out if it already exists." };

/** The one workbook a command reads, or a usage error saying what it needs (`missing`) or that it takes one. */
export function oneWorkbook(command: string, positionals: readonly string[], missing: string): string {
  const [input, ...extra] = positionals;
  if (!input) throw new UsageError(missing);
  if (extra.length > 0) throw new UsageError(`${command} takes one workbook, not ${positionals.length}`);
  return input;
}

/**
 * --write with --out: a command that reads by default and writes a copy only when asked. Returns the
 * copy to write, or undefined when only reading; `copyOf` says what the copy receives, for the message.
 */
export function writeToCopy(values: { write?: true; out?: string; force?: true }, copyOf: string): string | undefined {
  const write = values.write === true;
  const out = values.out;
  if (write && !out) throw new UsageError(`--write needs --out OUT.xlsx, the copy to write ${copyOf} into`);
  if (out && !write) throw new UsageError("--out goes with --write");
  if (out) checkOutFile(out, values.force === true);
  return out;
}
