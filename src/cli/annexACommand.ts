import { annexAInPlace } from "../commands/annexAInPlace";
import { annexAQuery, checkAnnexA, NoAnnexAListsError } from "../commands/checkAnnexA";
import { runCommand } from "../commands/runCommand";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError } from "./args";
import { FORCE_OPTION, oneWorkbook } from "./inputs";
import { defineCommand } from "./command";
import { EXIT_FINDINGS, EXIT_OK } from "./output";
import { asOfOption } from "./asOf";

/**
 * `inspection-ready annex-a`: the Annex A lists checked against Ofsted's template. Exit 1 when any list
 * has an error. --write puts the findings into a copy (a findings sheet, cells highlighted); --fix also
 * puts the values it can read in the template's form. The input is never changed; nothing leaves the machine.
 */
export const annexACommand = defineCommand({
  name: "annex-a",
  summary:
    'Check the eleven Annex A lists against Ofsted\'s template: every column, required values, dates, codes (with or without the "a)" prefix), ages against dates of birth, one row per child where the list says so.',
  usage: "FILE.xlsx [--json] [--as-of dd/mm/yyyy] [--write | --fix] [--out OUT.xlsx [--force]]",
  description:
    "--write copies the workbook with a findings sheet and the cells highlighted; --fix also puts codes and dates it can read into the template's form. Nothing leaves the machine.",
  positionals: [{ name: "FILE.xlsx", description: "The workbook that holds the lists; it is never changed." }],
  options: {
    json: {
      type: "boolean",
      description: "Print each list's findings, the template version it follows and a summary as JSON.",
    },
    "as-of": {
      type: "string",
      valueName: "dd/mm/yyyy",
      description: "Check ages and dates as on this date; today when left out.",
    },
    write: {
      type: "boolean",
      description: "Write a copy with a findings sheet and the cells with findings highlighted; needs --out.",
    },
    fix: {
      type: "boolean",
      description: "As --write, and also put the codes and dates it can read into the template's form.",
    },
    out: { type: "string", valueName: "OUT.xlsx", description: "The copy to write (with --write or --fix)." },
    force: FORCE_OPTION,
  },
  async run(args, output, now) {
    const input = oneWorkbook(
      "annex-a",
      args.positionals,
      "annex-a needs the workbook that holds the lists: annex-a FILE.xlsx",
    );
    const asOf = asOfOption(args.values["as-of"], now);
    const fix = args.values.fix === true;
    const write = args.values.write === true || fix;
    const out = args.values.out;
    if (write && !out) throw new UsageError("--write and --fix need --out OUT.xlsx, the copy to write into");
    if (out && !write) throw new UsageError("--out goes with --write or --fix");
    if (out) checkOutFile(out, args.values.force === true);
    const workbook = await XlsxWorkbook.open(input);
    const report = write
      ? (await runCommand(workbook, annexAQuery, (s) => annexAInPlace(s, { asOf, fix }))).report
      : checkAnnexA(await workbook.read(annexAQuery), asOf);
    if (report.summary.lists === 0) {
      throw new NoAnnexAListsError(input);
    }
    if (out) await workbook.save(out);
    if (args.values.json) {
      output.out(JSON.stringify({ file: input, ...(out ? { out } : {}), ...report }, null, 2));
    } else {
      output.out(report.template.description);
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
  },
});
