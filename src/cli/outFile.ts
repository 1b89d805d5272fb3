import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./args";

/**
 * Checks an --out file before any work is done: an .xlsx name, a folder that exists and can be written
 * to, not a folder itself, and no file there unless --force says to replace it. No command ever writes
 * over a user's file without being asked. What only the write itself can find (a full disk) is the save's
 * to report.
 */
export function checkOutFile(out: string, force: boolean, extensions: readonly string[] = [".xlsx"]): void {
  if (!extensions.includes(path.extname(out).toLowerCase())) {
    const names = extensions.map((e) => `${/^\.[aeioux]/.test(e) ? "an" : "a"} ${e}`);
    throw new UsageError(`--out must name ${names.join(", ").replace(/, ([^,]*)$/, " or $1")} file, not "${out}"`);
  }
  const folder = path.dirname(path.resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`the folder ${folder} does not exist; create it first, or give --out in a folder that exists`);
  if (existsSync(out) && statSync(out).isDirectory())
    throw new UsageError(`--out ${out} is a folder; name a file, e.g. --out ${path.join(out, "plan.xlsx")}`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(
      `you do not have permission to write in ${folder}; give --out in a folder you can write to, or ask whoever manages it for access`,
    );
  }
  if (existsSync(out) && !force) {
    throw new UsageError(`${out} already exists; choose another --out, or add --force to replace it`);
  }
}
