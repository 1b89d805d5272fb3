import { runCommand } from "../commands/runCommand";
import { validateQuery, validateWorkbook } from "../commands/validateWorkbook";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { asOfOption } from "./asOf";
import { EXIT_FINDINGS, EXIT_OK, type Output } from "./output";

/**
 * `inspection-ready validate FILE.xlsx [--json] [--as-of dd/mm/yyyy] [--stale-days N] [--write --out OUT.xlsx [--force]]`:
 * every managed plan checked against the rules. Exit 0 when there is no error, 1 when there are errors.
 * With --write, the checks are also written into a copy of the workbook (a Checks column of formulas and
 * conditional formats), so it keeps checking itself without the add-in.
 */
export async function validateCommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "validate", ["json", "write", "out", "force", "as-of", "stale-days"]);
  const [input, ...extra] = args.positionals;
  if (!input) throw new UsageError("validate needs the workbook to check: validate FILE.xlsx");
  if (extra.length > 0) throw new UsageError(`validate takes one workbook, not ${args.positionals.length}`);
  const write = args.flags.has("write");
  const out = stringFlag(args, "out");
  if (write && !out) throw new UsageError("--write needs --out OUT.xlsx, the copy to write the checks into");
  if (out && !write) throw new UsageError("--out goes with --write");
  if (out) checkOutFile(args, out);
  const asOf = asOfOption(stringFlag(args, "as-of"), now);
  const staleText = stringFlag(args, "stale-days");
  const staleDays = staleText === undefined ? undefined : Number(staleText);
  if (staleDays !== undefined && (!Number.isInteger(staleDays) || staleDays < 1)) {
    throw new UsageError(`--stale-days takes a whole number of days, not "${staleText}"`);
  }

  const workbook = await XlsxWorkbook.open(input);
  const { report } = write
    ? await runCommand(workbook, validateQuery, (s) => validateWorkbook(s, { asOf, staleDays, write }))
    : { report: validateWorkbook(await workbook.read(validateQuery), { asOf, staleDays }).report };
  if (write && out) await workbook.save(out);

  if (args.flags.has("json")) {
    const { findings, summary, suggestions, plans } = report;
    output.out(
      JSON.stringify({ file: input, ...(out ? { out } : {}), findings, summary, suggestions, plans }, null, 2),
    );
  } else {
    for (const f of report.findings)
      output.out(`${f.severity.padEnd(7)}  ${f.message}${f.fix ? ` (fix: ${f.fix.label})` : ""}`);
    for (const s of report.suggestions)
      output.out(`suggest  ${s.sheet}!${s.cell} could be ${s.suggested}: ${s.reason}`);
    const { errors, warnings, info } = report.summary;
    output.out(
      `${errors} errors, ${warnings} warnings, ${info} for information, in ${report.plans.length} plans.${out ? ` Checks written to ${out}.` : ""}`,
    );
  }
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
