import { annexAInPlace, type AnnexAInPlaceReport } from "../commands/annexAInPlace";
import { annexAQuery, checkAnnexA, NoAnnexAListsError, type AnnexAReport } from "../commands/checkAnnexA";
import { runCommand } from "../commands/runCommand";
import { todaySerial } from "../domain/dates";
import { checkOutFile } from "./outFile";
import { UsageError } from "./args";
import { FORCE_OPTION, oneWorkbook } from "./inputs";
import { defineCommand } from "./command";
import { EXIT_FINDINGS, EXIT_OK, type Output } from "./output";
import { asOfOption } from "./asOf";
import { openAnnexAInput, readAnnexAInput } from "./annexAInput";
import { count } from "../domain/words";

/** Rule ids as a person reads them in the fix summary. */
const FIXED_AS: Record<string, string> = {
  "code-form": "codes put in the template's form",
  date: "dates written as dates",
};

/** --list "Contacts=1,CIN export=6": sheet names (as the workbook spells them) and list numbers. */
export function listMapping(text: string | undefined): Map<string, number> {
  const mapping = new Map<string, number>();
  if (text === undefined) return mapping;
  // Split at commas that start another "name=", so a sheet name may itself hold a comma.
  for (const part of text.split(/,(?=[^,]*=\s*\d+\s*(?:,|$))/)) {
    const match = /^\s*(.+?)\s*=\s*(\d{1,2})\s*$/.exec(part);
    const list = match ? Number(match[2]) : NaN;
    if (!match || list < 1 || list > 11)
      throw new UsageError(
        `--list takes SHEET=N pairs, N a list from 1 to 11, separated by commas (e.g. --list "Contacts=1"), not "${part.trim()}"`,
      );
    mapping.set(match[1]!, list);
  }
  return mapping;
}

/**
 * `inspection-ready annex-a`: the Annex A lists checked against Ofsted's template. Exit 1 when any list
 * has an error. --write puts the findings into a copy (a findings sheet, cells highlighted); --fix also
 * puts the values it can read in the template's form. The input is never changed; nothing leaves the machine.
 */
export const annexACommand = defineCommand({
  name: "annex-a",
  summary:
    "Check the eleven Annex A lists against Ofsted's template: every column (under the headers councils' systems export too), required values, dates and their order, codes (with or without the \"a)\" prefix, as short codes or words), ages against dates of birth, the period each list covers, one row per child where the list says so, and the same child across lists.",
  usage:
    'FILE.xlsx|FOLDER|FILE.xls [--json] [--as-of dd/mm/yyyy] [--list "SHEET=N,…"] [--write | --fix] [--out OUT.xlsx [--force]]',
  description:
    "The lists may be an .xlsx workbook, a folder of .csv files (one list each, recognised by their headers), or an .xls or .ods workbook (converted by LibreOffice when it is installed). --write copies the workbook with a findings sheet and the cells highlighted; --fix also puts codes and dates it can read into the template's form, and says what it changed. Nothing leaves the machine.",
  positionals: [
    {
      name: "FILE.xlsx",
      description: "The workbook (or folder of .csv files) that holds the lists; it is never changed.",
    },
  ],
  options: {
    json: {
      type: "boolean",
      description:
        "Print each list's findings, the headers matched, the template version, the as-of date and a summary as JSON.",
    },
    "as-of": {
      type: "string",
      valueName: "dd/mm/yyyy",
      description:
        "Check ages and the period as on this date; when left out, the latest date in the lists (the report says which).",
    },
    list: {
      type: "string",
      valueName: "SHEET=N,…",
      description: 'Which list a sheet holds, where its name and headers do not say: --list "Contacts=1".',
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
    const asOfText = args.values["as-of"];
    const asOf = asOfText === undefined ? null : asOfOption(asOfText, now);
    const lists = listMapping(args.values.list);
    const fix = args.values.fix === true;
    const write = args.values.write === true || fix;
    const out = args.values.out;
    if (write && !out) throw new UsageError("--write and --fix need --out OUT.xlsx, the copy to write into");
    if (out && !write) throw new UsageError("--out goes with --write or --fix");
    if (out) checkOutFile(out, args.values.force === true);
    const options = { asOf, today: todaySerial(now), lists };
    let report: AnnexAReport & Partial<AnnexAInPlaceReport>;
    let readFrom: string | undefined;
    if (write) {
      const opened = await openAnnexAInput(input);
      readFrom = opened.readFrom;
      report = (await runCommand(opened.workbook, annexAQuery, (s) => annexAInPlace(s, { ...options, fix }))).report;
      if (report.summary.lists === 0) throw new NoAnnexAListsError(input, report.unrecognised);
      if (out) await opened.workbook.save(out);
    } else {
      // Only read: the lean reader, not ExcelJS's model of every cell of every list.
      const read = await readAnnexAInput(input, annexAQuery);
      readFrom = read.readFrom;
      report = checkAnnexA(read.snapshot, options);
      if (report.summary.lists === 0) throw new NoAnnexAListsError(input, report.unrecognised);
    }
    // After --fix, what is left is what the user still has to do: that is what is printed and judged.
    const left = (f: { fix?: unknown }) => !fix || !f.fix;
    const remaining = report.lists.flatMap((l) => l.findings.filter(left));
    const errors = remaining.filter((f) => f.severity === "error").length;
    if (args.values.json) {
      output.out(
        JSON.stringify({ file: input, ...(readFrom ? { readFrom } : {}), ...(out ? { out } : {}), ...report }, null, 2),
      );
    } else {
      printReport(output, report, { readFrom, out, fix, left });
    }
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});

function printReport(
  output: Output,
  report: AnnexAReport & Partial<AnnexAInPlaceReport>,
  {
    readFrom,
    out,
    fix,
    left,
  }: { readFrom?: string; out?: string; fix: boolean; left: (f: { fix?: unknown }) => boolean },
): void {
  if (readFrom) output.out(`Read from ${readFrom}.`);
  output.out(report.asOf.description);
  output.out(report.template.description);
  for (const list of report.lists) {
    const findings = list.findings.filter(left);
    const problems = findings.length === 0 ? "no problems" : `${findings.length} to look at`;
    output.out(
      `List ${list.list} (${list.title}) on "${list.sheet}": ${list.rows} rows, ${list.columns.matched} columns matched; ${problems}.`,
    );
    const other = list.headers.filter((h) => h.how !== "name" || h.header.trim() !== h.column.trim());
    for (const header of other.slice(0, 40)) output.out(`  header  ${header.cell}: ${header.explanation}`);
    for (const finding of findings.slice(0, 50)) output.out(`  ${finding.severity.padEnd(7)} ${finding.message}`);
    if (findings.length > 50) output.out(`  … and ${findings.length - 50} more (use --json for all)`);
  }
  for (const sheet of report.unrecognised) output.out(`Not checked: ${sheet.reason}.`);
  if (fix && report.fixes) {
    const parts = report.fixes.map(
      (f) => `${f.count} ${FIXED_AS[f.rule] ?? f.rule} (${f.rule}; first ${f.cells.join(", ")})`,
    );
    output.out(
      report.fixed === 0
        ? `Nothing could be fixed for you; the findings are listed in ${out}.`
        : `Fixed ${report.fixed} cell${report.fixed === 1 ? "" : "s"} in ${out}: ${parts.join("; ")}.`,
    );
    for (const { rule, count } of report.notFixed ?? [])
      output.out(
        `Could not fix ${count} ${rule === "code" ? "codes it could not place (each finding gives the allowed values)" : "dates it could not read"}; they are listed on "${report.findingsSheet?.sheet}" in ${out}.`,
      );
  } else if (out) output.out(`Wrote the findings into ${out} ("${report.findingsSheet?.sheet}").`);
  const remaining = report.lists.flatMap((l) => l.findings.filter(left));
  const errors = remaining.filter((f) => f.severity === "error").length;
  const { lists, rows } = report.summary;
  output.out(
    `${count(lists, "list")}, ${count(rows, "row")}: ${count(errors, "error")}, ${count(remaining.length - errors, "warning")}${fix ? " left after fixing" : ""}.`,
  );
}
