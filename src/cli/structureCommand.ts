import { PLAN_KINDS, type PlanKind } from "../domain/plan";
import { runCommand } from "../commands/runCommand";
import { structureQuery, structureSheet } from "../commands/structureSheet";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError } from "./args";
import { FORCE_OPTION, oneWorkbook } from "./inputs";
import { defineCommand } from "./command";
import { EXIT_FINDINGS, EXIT_OK } from "./output";
import type { StructureScale } from "../commands/structureSheet";

const SCALE_SOURCE = {
  values: "the sheet's values",
  key: "the sheet's key",
  both: "the sheet's key and values",
} as const;

/** One line: the sheet's RAG scale, where it came from, and whether the workbook keeps it. */
function scaleLine(scale: StructureScale): string {
  const statuses = scale.statuses.map((s) => (s.meaning ? `${s.label} (${s.meaning})` : s.label)).join(", ");
  const where = scale.keyCells.length > 0 ? ` at ${scale.keyCells[0]}` : "";
  const unread =
    scale.unrecognised.length > 0 ? `; not read: ${scale.unrecognised.map((l) => `"${l}"`).join(", ")}` : "";
  const kept = scale.kept ? "kept as the workbook's RAG scale" : `not kept: ${scale.note}`;
  return `RAG scale from ${SCALE_SOURCE[scale.from]}${where}: ${statuses}${unread} — ${kept}.`;
}

/**
 * `inspection-ready structure`: a sheet the user already has, made into a managed plan table in a new
 * file. Exit 1 when values remain that are not in the plan's form (reported in "normalisable"), 0 when
 * there are none.
 */
export const structureCommand = defineCommand({
  name: "structure",
  summary: "Make a sheet you already have into a managed plan table, keeping every value.",
  usage:
    "IN.xlsx --sheet NAME --as action-plan|evidence|self-evaluation --out OUT.xlsx [--normalise] [--force] [--json]",
  description:
    "Values not in the plan's form (RAG initials, dates typed as text) are reported; --normalise fixes them.",
  positionals: [{ name: "IN.xlsx", description: "The workbook with the sheet; it is never changed in place." }],
  options: {
    sheet: { type: "string", valueName: "NAME", description: "The sheet that holds the plan." },
    as: {
      type: "string",
      valueName: "KIND",
      description: `What the plan is: ${PLAN_KINDS.join(", ")}.`,
    },
    out: {
      type: "string",
      valueName: "OUT.xlsx",
      description: "The workbook to write; to replace IN.xlsx itself, name it here and add --force.",
    },
    normalise: {
      type: "boolean",
      description:
        "Put the values not in the plan's form (RAG initials, dates typed as text) into it where they can be read.",
    },
    force: FORCE_OPTION,
    json: { type: "boolean", description: "Print the table, the column mapping and the values to check as JSON." },
  },
  async run(args, output, now) {
    const input = oneWorkbook(
      "structure",
      args.positionals,
      "structure needs the workbook to read: structure IN.xlsx --sheet NAME --as KIND --out OUT.xlsx",
    );
    const sheet = args.values.sheet;
    if (!sheet) throw new UsageError("structure needs --sheet NAME, the sheet that holds the plan");
    const kind = args.values.as;
    if (!kind || !(PLAN_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`structure needs --as ${PLAN_KINDS.join("|")}`);
    }
    const out = args.values.out;
    if (!out)
      throw new UsageError(
        "structure needs --out OUT.xlsx; the input workbook is never changed in place unless --out names it and --force is given",
      );
    checkOutFile(out, args.values.force === true);
    const normalise = args.values.normalise === true;

    const workbook = await XlsxWorkbook.open(input);
    const { report } = await runCommand(workbook, structureQuery(sheet), (snapshot) =>
      structureSheet(snapshot, { sheet, as: kind as PlanKind, now, normalise }),
    );
    await workbook.save(out);
    const remaining = report.normalisable.length - report.normalised;

    if (args.values.json) {
      output.out(JSON.stringify({ file: input, out, ...report }, null, 2));
    } else {
      output.out(
        `Structured "${report.sheet}" as ${report.kind} in ${out}: table ${report.table} over ${report.range}, header on row ${report.headerRow}, ${report.dataRows} rows.`,
      );
      output.out(
        `Columns: ${Object.entries(report.mapping)
          .map(([field, header]) => `${field} = "${header}"`)
          .join(", ")}.`,
      );
      if (report.scale) output.out(scaleLine(report.scale));
      if (report.unmapped.length > 0)
        output.out(`Kept as they are (not mapped): ${report.unmapped.map((h) => `"${h}"`).join(", ")}.`);
      for (const change of report.changes)
        output.out(
          `Changed ${report.sheet}!${change.cell}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)} (${change.why}).`,
        );
      for (const item of report.normalisable) {
        const fix = !item.suggestion
          ? "not recognised: check it"
          : item.fix === undefined
            ? item.suggestion
            : `suggest ${item.suggestion}`;
        output.out(
          `${report.normalised && item.fix !== undefined ? "Fixed" : "To check"} ${report.sheet}!${item.cell} (${item.field}): ${JSON.stringify(item.value)} — ${fix}.`,
        );
      }
      if (remaining > 0 && !normalise) output.out("Run again with --normalise to apply the suggestions.");
    }
    return remaining > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});
