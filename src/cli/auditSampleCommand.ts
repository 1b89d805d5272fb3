import { caseAudit, caseAuditQuery } from "../commands/caseAudit";
import { runCommand } from "../commands/runCommand";
import { getFramework } from "../domain/frameworks";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { asOfOption } from "./asOf";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_OK, type Output } from "./output";

/**
 * `inspection-ready audit-sample LISTS.xlsx --out OUT.xlsx [--cases 30] [--framework ID] [--due dd/mm/yyyy] [--as-of dd/mm/yyyy] [--force] [--json]`:
 * cases chosen from the Annex A lists for the authority's own audit, with a QA compliance sheet.
 */
export async function auditSampleCommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "audit-sample", ["out", "cases", "framework", "due", "as-of", "force", "json"]);
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError("audit-sample needs the workbook that holds the Annex A lists");
  if (extra.length > 0) throw new UsageError(`audit-sample takes one workbook, not ${args.positionals.length}`);
  const out = stringFlag(args, "out");
  if (!out) throw new UsageError("audit-sample needs --out OUT.xlsx: the lists workbook is never changed in place");
  checkOutFile(args, out);
  const casesText = stringFlag(args, "cases") ?? "30";
  const cases = Number(casesText);
  if (!Number.isInteger(cases) || cases < 1 || cases > 500)
    throw new UsageError(`--cases takes a whole number from 1 to 500, not "${casesText}"`);
  const frameworkValue = stringFlag(args, "framework");
  const framework = frameworkValue ? frameworkFromOption(frameworkValue) : getFramework("ofsted-ilacs-2024");
  const dueText = stringFlag(args, "due");
  const due = dueText === undefined ? null : asOfOption(dueText, now, "--due");
  const asOf = asOfOption(stringFlag(args, "as-of"), now);

  const workbook = await XlsxWorkbook.open(input);
  const { report } = await runCommand(workbook, caseAuditQuery, (s) =>
    caseAudit(s, { framework, cases, due, asOf, now }),
  );
  await workbook.save(out);
  if (args.flags.has("json")) {
    output.out(JSON.stringify({ file: input, out, ...report }, null, 2));
  } else {
    const byList = new Map<string, number>();
    for (const c of report.cases) byList.set(`List ${c.list}`, (byList.get(`List ${c.list}`) ?? 0) + 1);
    output.out(
      `Chose ${report.cases.length} cases (${[...byList].map(([l, n]) => `${l}: ${n}`).join(", ")}); wrote ${out} with the Case audit and QA compliance sheets.`,
    );
  }
  return EXIT_OK;
}
