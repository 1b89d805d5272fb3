import { runCommand } from "../commands/runCommand";
import { validateQuery, validateWorkbook } from "../commands/validateWorkbook";
import { XlsxWorkbook, readXlsxSnapshot } from "../workbook/xlsx/xlsxFile";
import { UsageError } from "./args";
import { FORCE_OPTION, oneWorkbook, writeToCopy } from "./inputs";
import { asOfOption } from "./asOf";
import { defineCommand } from "./command";
import { EXIT_FINDINGS, EXIT_OK } from "./output";
import { count, thousands } from "../domain/words";

/**
 * `inspection-ready validate`: every managed plan checked against the rules. Exit 0 when there is no
 * error, 1 when there are errors. With --write, the checks are also written into a copy of the workbook
 * (a Checks column of formulas and conditional formats), so it keeps checking itself without the add-in.
 */
export const validateCommand = defineCommand({
  name: "validate",
  summary:
    "Check every plan: missing leads and dates, overdue actions, Green without evidence, RAG outside the list, duplicate or unknown refs, Excel errors.",
  usage: "FILE.xlsx [--json] [--as-of dd/mm/yyyy] [--stale-days N] [--write --out OUT.xlsx [--force]]",
  description:
    "--write adds a Checks column of formulas and conditional formats to a copy, so the workbook keeps checking itself without the add-in.",
  positionals: [{ name: "FILE.xlsx", description: "The workbook to check; it is never changed." }],
  options: {
    json: { type: "boolean", description: "Print the findings, a summary and the suggestions as JSON." },
    write: {
      type: "boolean",
      description: "Also write the checks into a copy: a Checks column of formulas and conditional formats.",
    },
    out: { type: "string", valueName: "OUT.xlsx", description: "The copy to write the checks into (with --write)." },
    force: FORCE_OPTION,
    "as-of": { type: "string", valueName: "dd/mm/yyyy", description: "Check as on this date; today when left out." },
    "stale-days": {
      type: "string",
      valueName: "N",
      description:
        "An action due within 14 days with no update in this many days is flagged; the workbook's own setting, or 30, when left out.",
    },
  },
  async run(args, output, now) {
    const input = oneWorkbook("validate", args.positionals, "validate needs the workbook to check: validate FILE.xlsx");
    const out = writeToCopy(args.values, "the checks");
    const write = out !== undefined;
    const asOf = asOfOption(args.values["as-of"], now);
    const staleText = args.values["stale-days"];
    const staleDays = staleText === undefined ? undefined : Number(staleText);
    if (staleDays !== undefined && (!Number.isInteger(staleDays) || staleDays < 1)) {
      throw new UsageError(`--stale-days takes a whole number of days, not "${staleText}"`);
    }

    let report: ReturnType<typeof validateWorkbook>["report"];
    if (write) {
      const workbook = await XlsxWorkbook.open(input);
      report = (await runCommand(workbook, validateQuery, (s) => validateWorkbook(s, { asOf, staleDays, write })))
        .report;
      if (out) await workbook.save(out);
    } else {
      // Only read: the lean reader, not ExcelJS's whole model of every cell.
      report = validateWorkbook(await readXlsxSnapshot(input, validateQuery), { asOf, staleDays }).report;
    }

    if (args.values.json) {
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
        `${count(errors, "error")}, ${count(warnings, "warning")}, ${thousands(info)} for information, in ${count(report.plans.length, "plan")}.${out ? ` Checks written to ${out}.` : ""}`,
      );
    }
    return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});
