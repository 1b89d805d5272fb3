import { annexAInPlace } from "../commands/annexAInPlace";
import { annexAQuery, checkAnnexA } from "../commands/checkAnnexA";
import { runCommand } from "../commands/runCommand";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { EXIT_FINDINGS, EXIT_OK, type Output } from "./output";
import { asOfOption } from "./asOf";

/**
 * `inspection-ready annex-a FILE.xlsx [--json] [--as-of dd/mm/yyyy] [--write|--fix --out OUT.xlsx]`: the
 * Annex A lists checked against Ofsted's template. Exit 1 when any list has an error. --write puts the
 * findings into a copy (a findings sheet, cells highlighted); --fix also puts the values it can read in
 * the template's form. The input is never changed; nothing leaves the machine.
 */
export async function annexACommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "annex-a", ["json", "as-of", "write", "fix", "out", "force"]);
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError("annex-a needs the workbook that holds the lists: annex-a FILE.xlsx");
  if (extra.length > 0) throw new UsageError(`annex-a takes one workbook, not ${args.positionals.length}`);
  const asOf = asOfOption(stringFlag(args, "as-of"), now);
  const write = args.flags.has("write") || args.flags.has("fix");
  const out = stringFlag(args, "out");
  if (write && !out) throw new UsageError("--write and --fix need --out OUT.xlsx, the copy to write into");
  if (out && !write) throw new UsageError("--out goes with --write or --fix");
  if (out) checkOutFile(args, out);
  const workbook = await XlsxWorkbook.open(input);
  const report = write
    ? (await runCommand(workbook, annexAQuery, (s) => annexAInPlace(s, { asOf, fix: args.flags.has("fix") }))).report
    : checkAnnexA(await workbook.read(annexAQuery), asOf);
  if (report.summary.lists === 0) {
    throw new UsageError(
      `${input} holds no Annex A list: name the sheets "List 1" to "List 11", or keep the template's headers`,
    );
  }
  if (out) await workbook.save(out);
  if (args.flags.has("json")) {
    output.out(JSON.stringify({ file: input, ...(out ? { out } : {}), ...report }, null, 2));
  } else {
    for (const list of report.lists) {
      const problems = list.findings.length === 0 ? "no problems" : `${list.findings.length} to look at`;
      output.out(
        `List ${list.list} (${list.title}) on "${list.sheet}": ${list.rows} rows, ${list.columns.matched} columns matched; ${problems}.`,
      );
      for (const finding of list.findings.slice(0, 50))
        output.out(`  ${finding.severity.padEnd(7)} ${finding.message}`);
      if (list.findings.length > 50) output.out(`  … and ${list.findings.length - 50} more (use --json for all)`);
    }
    const { lists, rows, errors, warnings } = report.summary;
    output.out(`${lists} lists, ${rows} rows: ${errors} errors, ${warnings} warnings.`);
  }
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
