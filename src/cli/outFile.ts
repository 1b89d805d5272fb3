import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./args";

/**
 * Checks an --out file before any work is done: an .xlsx name, a folder that exists, and no file there
 * unless --force says to replace it. No command ever writes over a user's file without being asked.
 */
export function checkOutFile(out: string, force: boolean, extensions: readonly string[] = [".xlsx"]): void {
  if (!extensions.includes(path.extname(out).toLowerCase())) {
    const names = extensions.map((e) => `${/^\.[aeiou]/.test(e) ? "an" : "a"} ${e}`);
    throw new UsageError(`--out must name ${names.join(", ").replace(/, ([^,]*)$/, " or $1")} file, not "${out}"`);
  }
  const folder = path.dirname(path.resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`the folder ${folder} does not exist`);
  if (existsSync(out) && !force) {
    throw new UsageError(`${out} already exists; choose another --out, or add --force to replace it`);
  }
}
