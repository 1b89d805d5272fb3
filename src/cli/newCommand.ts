import { PLAN_KINDS, type PlanKind } from "../domain/plan";
import { createWorkbook, createWorkbookQuery } from "../commands/createWorkbook";
import { runCommand } from "../commands/runCommand";
import { createInspectionSheets, inspectionSheetsQuery } from "../commands/createInspectionSheets";
import { dateFromSerial, formatUkDate } from "../domain/dates";
import { frameworkIds } from "../domain/frameworks";
import type { InspectionDates, InspectionType } from "../domain/timeline";
import { dateTimeOption } from "./asOf";
import { RAG_SCALES } from "../domain/rag";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_OK, type Output } from "./output";

/** `inspection-ready new --framework ID --out FILE [--force] [--json]`: a new plan workbook as a file. */
export async function newCommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "new", [
    "framework",
    "out",
    "kind",
    "rag-scale",
    "notified",
    "onsite",
    "inspection",
    "force",
    "json",
  ]);
  if (args.positionals.length > 0) throw new UsageError(`new takes no file name of its own; give the file as --out`);
  const frameworkId = stringFlag(args, "framework");
  const out = stringFlag(args, "out");
  if (!frameworkId) throw new UsageError(`new needs --framework ID; known ids: ${frameworkIds().join(", ")}`);
  if (!out) throw new UsageError("new needs --out FILE.xlsx, the workbook to write");
  const framework = frameworkFromOption(frameworkId);
  const kinds = kindsFromOption(stringFlag(args, "kind"));
  const scale = stringFlag(args, "rag-scale");
  const vocabulary = scale === undefined ? undefined : RAG_SCALES[scale];
  if (scale !== undefined && !vocabulary) {
    throw new UsageError(`--rag-scale takes ${Object.keys(RAG_SCALES).join(" or ")}, not "${scale}"`);
  }
  const inspection = inspectionOptions(args);
  checkOutFile(args, out);

  const workbook = XlsxWorkbook.empty();
  const { report } = await runCommand(workbook, createWorkbookQuery, (snapshot) =>
    createWorkbook(snapshot, { framework, kinds, now, vocabulary }),
  );
  const dated = inspection
    ? (
        await runCommand(workbook, inspectionSheetsQuery, (snapshot) =>
          createInspectionSheets(snapshot, { framework, dates: inspection, now }),
        )
      ).report
    : null;
  await workbook.save(out);
  const milestones = dated?.milestones.map((m) => ({
    label: m.label,
    date: formatUkDate(dateFromSerial(Math.floor(m.when))),
    time: m.timed ? timeText(m.when) : null,
    confidence: m.confidence,
    note: m.note,
  }));
  if (args.flags.has("json")) {
    const all = { ...report, sheets: [...report.sheets, ...(dated?.sheets ?? [])] };
    output.out(JSON.stringify({ file: out, ...all, ...(milestones ? { milestones } : {}) }, null, 2));
  } else {
    const sheets = report.sheets.map((s) => `"${s.sheet}" (${s.rows} rows)`).join(", ");
    output.out(`Wrote ${out}: ${sheets} from ${report.framework.name}.`);
    for (const m of milestones ?? []) {
      const flag = m.confidence === "confirmed" ? "" : ` [${m.confidence}]`;
      output.out(`  ${m.date}${m.time ? ` ${m.time}` : ""}  ${m.label}${flag}`);
    }
    if (dated?.onsiteEstimated)
      output.out("  The on-site start is an estimate: give --onsite when inspectors tell you.");
  }
  return EXIT_OK;
}

/** --kind self-evaluation,action-plan: which sheets to make; all of them when absent. */
function kindsFromOption(value: string | undefined): PlanKind[] {
  if (value === undefined) return [...PLAN_KINDS];
  const kinds = value.split(",").map((k) => k.trim());
  const unknown = kinds.filter((k) => !(PLAN_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new UsageError(`--kind takes ${PLAN_KINDS.join(", ")} (or several, comma-separated), not "${value}"`);
  }
  return kinds as PlanKind[];
}

/** --notified "dd/mm/yyyy hh:mm" [--onsite …] [--inspection standard|short|focused]; none without --notified. */
function inspectionOptions(args: ParsedArgs): InspectionDates | null {
  const notified = stringFlag(args, "notified");
  const onsite = stringFlag(args, "onsite");
  const type = stringFlag(args, "inspection") ?? "standard";
  if (!notified) {
    if (onsite || args.flags.has("inspection")) throw new UsageError("--onsite and --inspection go with --notified");
    return null;
  }
  if (!["standard", "short", "focused"].includes(type)) {
    throw new UsageError(`--inspection takes standard, short or focused, not "${type}"`);
  }
  const dates = {
    notified: dateTimeOption("--notified", notified),
    onsite: onsite ? dateTimeOption("--onsite", onsite) : null,
  };
  if (dates.onsite !== null && dates.onsite < dates.notified) throw new UsageError("--onsite is before --notified");
  return { ...dates, type: type as InspectionType };
}

function timeText(serial: number): string {
  const minutes = Math.round((serial % 1) * 1440);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
