import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isRollUp, readRollUpSnapshot, rollUpPatch, rollUpPlans, type DistrictFile } from "../commands/rollUpPlans";
import { serialDate } from "../domain/dates";
import { findFramework } from "../domain/frameworks";
import { NO_STATUS } from "../domain/progress/statusCounts";
import { count } from "../domain/words";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { UsageError } from "./args";
import { asOfOption } from "./asOf";
import { defineCommand } from "./command";
import { markingFrom, MARKING_OPTION, reportAsOfOption, withMarking } from "./marking";
import { FORCE_OPTION } from "./inputs";
import { checkOutFile } from "./outFile";
import { EXIT_FINDINGS, EXIT_OK } from "./output";

/** `inspection-ready rollup`: a county's district plans added up into one workbook. */
export const rollupCommand = defineCommand({
  name: "rollup",
  summary:
    "Roll up the district plans of a county into one workbook: each judgement or theme by district and RAG status, each district's RAG counts, exceptions and direction of travel, and the county's totals.",
  usage:
    "FILES.xlsx…|FOLDER --out COUNTY.xlsx [--previous LAST-COUNTY.xlsx] [--marking TEXT] [--as-of dd/mm/yyyy] [--force] [--json]",
  description:
    "A folder means every .xlsx file in it, except Excel's ~$ lock files, the --out and --previous files and earlier roll-ups. The plans must follow the same framework and version and use the same RAG scale; plans that do not are refused (exit 2) naming each file, and nothing is written. A file that cannot be read or holds no action plan is named and left out, the rest are rolled up, and the exit code is 1.\nEach district's name is the one its plan's District column gives every action, else its file name. Direction of travel is against --previous where given (the roll-up keeps a record of itself in a hidden sheet), else against a committee pack kept in the district's own workbook. The protective marking is printed in the header and footer of every page and added to the file name where --out does not already carry it.",
  positionals: [
    {
      name: "FILES.xlsx…|FOLDER",
      description: "The districts' plan workbooks, or a folder holding them; none is ever changed.",
    },
  ],
  options: {
    out: { type: "string", valueName: "COUNTY.xlsx", description: "The county workbook to write." },
    previous: {
      type: "string",
      valueName: "LAST-COUNTY.xlsx",
      description: "The last roll-up to compare each district with: its direction of travel.",
    },
    marking: MARKING_OPTION,
    "as-of": reportAsOfOption("roll-up"),
    force: FORCE_OPTION,
    json: {
      type: "boolean",
      description: "Print each district's counts, exceptions and direction, and the totals, as JSON.",
    },
  },
  async run(args, output, now) {
    if (args.positionals.length === 0) {
      throw new UsageError("rollup needs the district plans, or a folder of them: rollup FOLDER --out COUNTY.xlsx");
    }
    const asked = args.values.out;
    if (!asked) throw new UsageError("rollup needs --out COUNTY.xlsx: the county workbook to write");
    const marking = markingFrom(args.values.marking);
    const out = withMarking(asked, marking);
    checkOutFile(out, args.values.force === true);
    const asOf = asOfOption(args.values["as-of"], now);
    const previousFile = args.values.previous;
    const leaveOut = [asked, out, ...(previousFile ? [previousFile] : [])].map((f) => path.resolve(f));
    const { files, folders } = districtFiles(args.positionals, leaveOut);

    let previous = null;
    if (previousFile) {
      const last = await XlsxWorkbook.open(previousFile);
      previous = readRollUpSnapshot(await last.read({ sheets: "all" }), previousFile);
      if (!previous) {
        throw new UsageError(
          `${previousFile} holds no roll-up snapshot: give a county roll-up this product wrote as --previous`,
        );
      }
    }

    const unreadable: { file: string; reason: string }[] = [];
    const earlierRollUps: string[] = [];
    const read: DistrictFile[] = [];
    for (const file of files) {
      if (path.extname(file).toLowerCase() !== ".xlsx") {
        unreadable.push({ file, reason: "it is not an .xlsx workbook (save it from Excel as .xlsx)" });
        continue;
      }
      let snapshot;
      try {
        snapshot = await (await XlsxWorkbook.open(file)).read({ sheets: "all" });
      } catch {
        // Whatever stops one district's file being read (corrupt, not a workbook, locked) leaves the rest to roll up.
        unreadable.push({
          file,
          reason: "it is not a readable .xlsx workbook (it may be damaged, or not an Excel file)",
        });
        continue;
      }
      // A folder often holds last month's county file too: it is left out, not reported as a bad district.
      if (folders.has(file) && isRollUp(snapshot)) {
        earlierRollUps.push(file);
        continue;
      }
      read.push({ file, snapshot });
    }

    const rollUp = rollUpPlans(read, {
      asOf,
      previous,
      ...(previousFile ? { previousName: path.basename(previousFile) } : {}),
      skipped: unreadable,
      resolve: findFramework,
    });
    const allUnreadable = [...unreadable, ...rollUp.unreadable];

    const workbook = XlsxWorkbook.empty();
    await workbook.apply(rollUpPatch(rollUp, { title: rollUp.title, date: serialDate(asOf), marking }));
    await workbook.save(out);

    for (const u of allUnreadable) output.err(`inspection-ready: ${u.file} was not rolled up: ${u.reason}`);
    for (const note of rollUp.notes) output.err(`inspection-ready: ${note}`);
    const code = allUnreadable.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    if (args.values.json) {
      output.out(
        JSON.stringify(
          {
            framework: rollUp.framework,
            districts: rollUp.districts.map((d) => ({
              file: d.file,
              name: d.name,
              counts: d.counts,
              exceptions: d.exceptions,
              direction: d.direction,
            })),
            totals: rollUp.totals,
            out,
            asOf: serialDate(asOf),
            marking,
            unreadable: allUnreadable,
            earlierRollUps,
          },
          null,
          2,
        ),
      );
      return code;
    }
    const totals = Object.entries(rollUp.totals)
      .filter(([label, n]) => label !== NO_STATUS || n > 0)
      .map(([label, n]) => `${label} ${n}`)
      .join(", ");
    const framework = rollUp.framework
      ? `${rollUp.framework.name} (version ${rollUp.framework.version})`
      : "no framework";
    output.out(`Wrote ${out}: ${count(rollUp.districts.length, "district plan")} of ${framework} rolled up.`);
    output.out(`County totals: ${totals}.`);
    output.out(
      `${count(
        rollUp.districts.reduce((n, d) => n + d.exceptions, 0),
        "action",
      )} with exceptions; marked ${marking}.`,
    );
    if (earlierRollUps.length > 0) output.out(`Left out as earlier roll-ups: ${earlierRollUps.join(", ")}.`);
    if (allUnreadable.length > 0)
      output.out(`${count(allUnreadable.length, "file")} not rolled up: see the messages above.`);
    if (out !== asked) output.out(`The marking was added to the file name you gave (${asked}).`);
    return code;
  },
});

/**
 * The files to roll up, in the order given; a folder's .xlsx files in name order. Excel's "~$" lock
 * files and the files this run writes or compares with are never districts.
 */
function districtFiles(
  given: readonly string[],
  leaveOut: readonly string[],
): { files: string[]; folders: Set<string> } {
  const files: string[] = [];
  const folders = new Set<string>();
  for (const item of given) {
    if (existsSync(item) && statSync(item).isDirectory()) {
      const found = readdirSync(item)
        .filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$") && !n.startsWith("."))
        .sort((a, b) => a.localeCompare(b, "en-GB"))
        .map((n) => path.join(item, n))
        .filter((f) => !leaveOut.includes(path.resolve(f)));
      if (found.length === 0) throw new UsageError(`The folder ${item} holds no .xlsx workbooks to roll up`);
      for (const f of found) folders.add(f);
      files.push(...found);
    } else if (!existsSync(item)) {
      throw new UsageError(`${item} does not exist: give the districts' .xlsx workbooks, or a folder of them`);
    } else if (!leaveOut.includes(path.resolve(item))) {
      files.push(item);
    }
  }
  return { files, folders };
}
