import { projectQuery, projectWorkbook } from "../commands/projectWorkbook";
import { runCommand } from "../commands/runCommand";
import { findFramework } from "../domain/frameworks";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_OK, type Output } from "./output";

/**
 * `inspection-ready project FILE.xlsx [--json] [--target GRADE] [--framework ID|FILE.json] [--write --out OUT.xlsx [--force]]`:
 * each judgement's projected grade from the self-evaluation, with reasons and the path to the target.
 */
export async function projectCommand(args: ParsedArgs, output: Output): Promise<number> {
  allowOnly(args, "project", ["json", "target", "framework", "write", "out", "force"]);
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError("project needs the workbook to read: project FILE.xlsx");
  if (extra.length > 0) throw new UsageError(`project takes one workbook, not ${args.positionals.length}`);
  const write = args.flags.has("write");
  const out = stringFlag(args, "out");
  if (write && !out) throw new UsageError("--write needs --out OUT.xlsx, the copy to write the Summary sheet into");
  if (out && !write) throw new UsageError("--out goes with --write");
  if (out) checkOutFile(args, out);
  const frameworkValue = stringFlag(args, "framework");
  const framework = frameworkValue ? frameworkFromOption(frameworkValue) : undefined;
  const target = stringFlag(args, "target");

  const workbook = await XlsxWorkbook.open(input);
  const options = { framework, resolve: findFramework, target, write };
  const { report } = write
    ? await runCommand(workbook, projectQuery, (s) => projectWorkbook(s, options))
    : { report: projectWorkbook(await workbook.read(projectQuery), options).report };
  if (write && out) await workbook.save(out);

  if (args.flags.has("json")) {
    output.out(JSON.stringify({ file: input, ...(out ? { out } : {}), ...report }, null, 2));
    return EXIT_OK;
  }
  output.out(`${report.framework.name}: projected from the self-evaluation (target ${report.target}).`);
  for (const j of report.judgements) {
    output.out(`${j.name}: ${j.grade ?? "insufficient evidence"} (confidence ${j.confidence})`);
    for (const reason of j.reasons) output.out(`  - ${reason.text}`);
    if (j.pathToTarget.length > 0) {
      output.out(
        `  To reach ${report.target}: ${j.pathToTarget.map((s) => `${s.ref} ${s.from ?? "no position"} → ${s.to}`).join(", ")}`,
      );
    }
  }
  if (report.overall) {
    output.out(`Overall: ${report.overall.grade ?? "insufficient evidence"}`);
    for (const reason of report.overall.reasons) output.out(`  - ${reason.text}`);
  }
  if (out) output.out(`Summary sheet written to ${out}.`);
  return EXIT_OK;
}
