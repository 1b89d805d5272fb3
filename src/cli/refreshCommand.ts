import { refreshQuery, refreshWorkbook } from "../commands/refreshWorkbook";
import { runCommand } from "../commands/runCommand";
import { findFramework } from "../domain/frameworks";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_FINDINGS, EXIT_OK, type Output } from "./output";

/**
 * `inspection-ready refresh FILE.xlsx [--framework ID|FILE.json] --out OUT.xlsx [--force] [--json]`:
 * plans brought up to the current (or the given) framework version, written to a new file. Exit 1 when a
 * plan could not be refreshed (each is named with the reason), 0 otherwise.
 */
export async function refreshCommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "refresh", ["framework", "out", "force", "json"]);
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError("refresh needs the workbook to read: refresh FILE.xlsx --out OUT.xlsx");
  if (extra.length > 0) throw new UsageError(`refresh takes one workbook, not ${args.positionals.length}`);
  const out = stringFlag(args, "out");
  if (!out)
    throw new UsageError(
      "refresh needs --out OUT.xlsx; to replace the workbook itself, name it with --out and add --force",
    );
  checkOutFile(args, out);
  const frameworkValue = stringFlag(args, "framework");
  const framework = frameworkValue ? frameworkFromOption(frameworkValue) : undefined;

  const workbook = await XlsxWorkbook.open(input);
  const { report } = await runCommand(workbook, refreshQuery, (snapshot) =>
    refreshWorkbook(snapshot, { framework, resolve: findFramework, now }),
  );
  await workbook.save(out);

  if (args.flags.has("json")) {
    output.out(JSON.stringify({ file: input, out, ...report }, null, 2));
  } else {
    for (const plan of report.plans) {
      output.out(
        `Refreshed "${plan.sheet}" to ${plan.framework.id} ${plan.framework.to}: ${plan.updatedCells.length} cells reworded, ${plan.added.length} criteria added${plan.added.length ? ` (${plan.added.join(", ")})` : ""}.`,
      );
      if (plan.retired.length > 0) {
        output.out(`  No longer in the framework, rows kept: ${plan.retired.join(", ")}.`);
      }
    }
    for (const skipped of report.skipped) output.out(`Not refreshed: "${skipped.sheet}": ${skipped.reason}.`);
    output.out(`Wrote ${out}.`);
  }
  return report.skipped.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
