import { annexAQuery, checkAnnexA } from "../commands/checkAnnexA";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { EXIT_FINDINGS, EXIT_OK, type Output } from "./output";
import { asOfOption } from "./asOf";

/**
 * `inspection-ready annex-a FILE.xlsx [--json] [--as-of dd/mm/yyyy]`: the Annex A lists checked against
 * Ofsted's template. Exit 1 when any list has an error. Nothing is written: the lists hold child-level data.
 */
export async function annexACommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "annex-a", ["json", "as-of"]);
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError("annex-a needs the workbook that holds the lists: annex-a FILE.xlsx");
  if (extra.length > 0) throw new UsageError(`annex-a takes one workbook, not ${args.positionals.length}`);
  const asOf = asOfOption(stringFlag(args, "as-of"), now);
  const workbook = await XlsxWorkbook.open(input);
  const report = checkAnnexA(await workbook.read(annexAQuery), asOf);
  if (report.summary.lists === 0) {
    throw new UsageError(
      `${input} holds no Annex A list: name the sheets "List 1" to "List 11", or keep the template's headers`,
    );
  }
  if (args.flags.has("json")) {
    output.out(JSON.stringify({ file: input, ...report }, null, 2));
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
