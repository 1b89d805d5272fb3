import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { createWorkbook, createWorkbookQuery } from "../commands/createWorkbook";
import { runCommand } from "../commands/runCommand";
import { findFramework, frameworkIds } from "../domain/frameworks";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { EXIT_OK, type Output } from "./output";

/** `inspection-ready new --framework ID --out FILE [--force] [--json]`: a new plan workbook as a file. */
export async function newCommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "new", ["framework", "out", "force", "json"]);
  if (args.positionals.length > 0) throw new UsageError(`new takes no file name of its own; give the file as --out`);
  const frameworkId = stringFlag(args, "framework");
  const out = stringFlag(args, "out");
  if (!frameworkId) throw new UsageError(`new needs --framework ID; known ids: ${frameworkIds().join(", ")}`);
  if (!out) throw new UsageError("new needs --out FILE.xlsx, the workbook to write");
  const framework = findFramework(frameworkId);
  if (!framework)
    throw new UsageError(`there is no framework "${frameworkId}"; known ids: ${frameworkIds().join(", ")}`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file, not "${out}"`);
  const folder = path.dirname(path.resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`the folder ${folder} does not exist`);
  if (existsSync(out) && !args.flags.has("force")) {
    throw new UsageError(`${out} already exists; choose another --out, or add --force to replace it`);
  }

  const workbook = XlsxWorkbook.empty();
  const { report } = await runCommand(workbook, createWorkbookQuery, (snapshot) =>
    createWorkbook(snapshot, { framework, kind: "action-plan", now }),
  );
  await workbook.save(out);
  if (args.flags.has("json")) {
    output.out(JSON.stringify({ file: out, ...report }, null, 2));
  } else {
    output.out(`Wrote ${out}: sheet "${report.sheet}" with ${report.rows} rows from ${report.framework.name}.`);
  }
  return EXIT_OK;
}
