import { PLAN_KINDS, type PlanKind } from "../domain/plan";
import { listInWords } from "../domain/words";
import { PLAN_KIND_LIST } from "../sheets/planKinds";
import { createWorkbook, createWorkbookQuery } from "../commands/createWorkbook";
import { runCommand } from "../commands/runCommand";
import { createInspectionSheets, inspectionSheetsQuery } from "../commands/createInspectionSheets";
import { dateFromSerial, formatUkDate, serialTime } from "../domain/dates";
import { frameworkIds, frameworkInForce, isInForce, isoDay, pastFrameworkNote } from "../domain/frameworks";
import type { Framework } from "../domain/framework";
import { DEFAULT_INSPECTION_TYPE, INSPECTION_TYPES, isInspectionType, type InspectionDates } from "../domain/timeline";
import { dateTimeOption } from "./asOf";
import { RAG_SCALES } from "../domain/rag";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError } from "./args";
import { FORCE_OPTION } from "./inputs";
import { defineCommand } from "./command";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_OK } from "./output";

const DATE_TIME = '"dd/mm/yyyy hh:mm"';

/** `inspection-ready new`: a new plan workbook as a file, with the inspection's dates when given. */
export const newCommand = defineCommand({
  name: "new",
  summary: `Write a new workbook for a framework: ${listInWords(PLAN_KIND_LIST.map((k) => k.inSentence))}.`,
  usage:
    '--framework ID|FILE.json --out FILE.xlsx [--kind KINDS] [--rag-scale standard|four-colour] [--notified "dd/mm/yyyy hh:mm" [--onsite …] [--inspection TYPE]] [--force] [--json]',
  description: [
    `--kind ${PLAN_KINDS.join(",")} picks some. FILE.json is a council's own framework.`,
    '--notified "dd/mm/yyyy hh:mm" [--onsite "dd/mm/yyyy hh:mm"] [--inspection standard|short|focused] also adds the inspection\'s Timeline and a checklist (Annex A\'s in England) with due dates on working days.',
    `RAG statuses: ${ragScalesInWords()}. A framework file may carry its own ("rag").`,
    "An existing file is kept unless --force is given.",
  ].join("\n"),
  options: {
    framework: {
      type: "string",
      valueName: "ID|FILE.json",
      description:
        "The framework: a built-in id (inspection-ready frameworks lists them) or a council's own framework file. The framework in force today for --country when left out.",
    },
    country: {
      type: "string",
      valueName: "England|Scotland",
      description: "Without --framework, the nation whose framework in force today to use; England when left out.",
    },
    out: { type: "string", valueName: "FILE.xlsx", description: "The workbook to write." },
    kind: {
      type: "string",
      valueName: "KINDS",
      description: `The sheets to make, comma-separated: ${PLAN_KINDS.join(", ")}; all of them when left out.`,
    },
    "rag-scale": {
      type: "string",
      valueName: Object.keys(RAG_SCALES).join("|"),
      description: `The RAG statuses: ${ragScalesInWords()}. The framework's own, or standard, when left out.`,
    },
    notified: {
      type: "string",
      valueName: DATE_TIME,
      description:
        "When the inspection was notified; adds the Timeline and the checklist (Annex A's in England). The time is 09:00 when left off.",
    },
    onsite: {
      type: "string",
      valueName: DATE_TIME,
      description: "When inspectors arrive on site; estimated from --notified when left out.",
    },
    inspection: {
      type: "string",
      valueName: INSPECTION_TYPES.map((t) => t.id).join("|"),
      description: `The kind of inspection; ${DEFAULT_INSPECTION_TYPE} when left out.`,
    },
    force: FORCE_OPTION,
    json: { type: "boolean", description: "Print the sheets written (and the inspection's milestones) as JSON." },
  },
  async run(args, output, now) {
    if (args.positionals.length > 0) throw new UsageError(`new takes no file name of its own; give the file as --out`);
    const out = args.values.out;
    if (!out) throw new UsageError("new needs --out FILE.xlsx, the workbook to write");
    const framework = chosenFramework(args.values.framework, args.values.country, now);
    const kinds = kindsFromOption(args.values.kind);
    const scale = args.values["rag-scale"];
    const vocabulary = scale === undefined ? undefined : RAG_SCALES[scale];
    if (scale !== undefined && !vocabulary) {
      throw new UsageError(`--rag-scale takes ${Object.keys(RAG_SCALES).join(" or ")}, not "${scale}"`);
    }
    const inspection = inspectionOptions(args.values.notified, args.values.onsite, args.values.inspection);
    checkOutFile(out, args.values.force === true);

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
      time: m.timed ? serialTime(m.when) : null,
      confidence: m.confidence,
      note: m.note,
    }));
    const note = isInForce(framework, isoDay(now)) ? null : pastFrameworkNote(framework);
    if (args.values.json) {
      const all = { ...report, sheets: [...report.sheets, ...(dated?.sheets ?? [])] };
      output.out(
        JSON.stringify(
          { file: out, ...all, ...(milestones ? { milestones } : {}), ...(note ? { note } : {}) },
          null,
          2,
        ),
      );
    } else {
      const sheets = report.sheets.map((s) => `"${s.sheet}" (${s.rows} rows)`).join(", ");
      output.out(`Wrote ${out}: ${sheets} from ${report.framework.name}.`);
      if (note) output.out(`  Note: ${note}`);
      for (const m of milestones ?? []) {
        const flag = m.confidence === "confirmed" ? "" : ` [${m.confidence}]`;
        output.out(`  ${m.date}${m.time ? ` ${m.time}` : ""}  ${m.label}${flag}`);
      }
      if (dated?.onsiteEstimated)
        output.out("  The on-site start is an estimate: give --onsite when inspectors tell you.");
    }
    return EXIT_OK;
  },
});

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

/** --framework, or else the framework in force today for --country (England unless it says). */
function chosenFramework(value: string | undefined, country: string | undefined, now: Date): Framework {
  if (value !== undefined) {
    if (country !== undefined) throw new UsageError("--country goes without --framework: the framework names its own");
    return frameworkFromOption(value);
  }
  const nation = country ?? "England";
  if (nation !== "England" && nation !== "Scotland")
    throw new UsageError(`--country takes England or Scotland, not "${nation}"`);
  const framework = frameworkInForce(nation, isoDay(now));
  if (!framework) {
    throw new UsageError(
      `no framework for ${nation} is in force today; give --framework ID (${frameworkIds().join(", ")})`,
    );
  }
  return framework;
}

/** "standard is Blue, …; four-colour is Red, …": each scale and its statuses, as the help states them. */
function ragScalesInWords(): string {
  return Object.entries(RAG_SCALES)
    .map(([name, statuses]) => `${name} is ${statuses.map((s) => s.label).join(", ")}`)
    .join("; ");
}

/** --notified "dd/mm/yyyy hh:mm" [--onsite …] [--inspection standard|short|focused]; none without --notified. */
function inspectionOptions(
  notified: string | undefined,
  onsite: string | undefined,
  inspection: string | undefined,
): InspectionDates | null {
  const type = inspection ?? DEFAULT_INSPECTION_TYPE;
  if (!notified) {
    if (onsite || inspection !== undefined) throw new UsageError("--onsite and --inspection go with --notified");
    return null;
  }
  if (!isInspectionType(type)) {
    const ids = INSPECTION_TYPES.map((t) => t.id);
    throw new UsageError(`--inspection takes ${ids.slice(0, -1).join(", ")} or ${ids.at(-1)}, not "${type}"`);
  }
  const dates = {
    notified: dateTimeOption("--notified", notified),
    onsite: onsite ? dateTimeOption("--onsite", onsite) : null,
  };
  if (dates.onsite !== null && dates.onsite < dates.notified) throw new UsageError("--onsite is before --notified");
  return { ...dates, type };
}
