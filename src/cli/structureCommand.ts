import { PLAN_KINDS, type PlanKind } from "../domain/plan";
import { runCommand } from "../commands/runCommand";
import { structureQuery, structureSheet } from "../commands/structureSheet";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError, allowOnly, stringFlag, type ParsedArgs } from "./args";
import { EXIT_FINDINGS, EXIT_OK, type Output } from "./output";

/**
 * `inspection-ready structure IN.xlsx --sheet NAME --as KIND --out OUT.xlsx [--normalise] [--force] [--json]`:
 * a sheet the user already has, made into a managed plan table in a new file. Exit 1 when values remain
 * that are not in the plan's form (reported in "normalisable"), 0 when there are none.
 */
export async function structureCommand(args: ParsedArgs, output: Output, now: Date): Promise<number> {
  allowOnly(args, "structure", ["sheet", "as", "out", "normalise", "force", "json"]);
  const [input, ...extra] = args.positionals;
  if (!input)
    throw new UsageError(
      "structure needs the workbook to read: structure IN.xlsx --sheet NAME --as KIND --out OUT.xlsx",
    );
  if (extra.length > 0) throw new UsageError(`structure takes one workbook, not ${args.positionals.length}`);
  const sheet = stringFlag(args, "sheet");
  if (!sheet) throw new UsageError("structure needs --sheet NAME, the sheet that holds the plan");
  const kind = stringFlag(args, "as");
  if (!kind || !(PLAN_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`structure needs --as ${PLAN_KINDS.join("|")}`);
  }
  const out = stringFlag(args, "out");
  if (!out)
    throw new UsageError(
      "structure needs --out OUT.xlsx; the input workbook is never changed in place unless --out names it and --force is given",
    );
  checkOutFile(args, out);

  const workbook = await XlsxWorkbook.open(input);
  const { report } = await runCommand(workbook, structureQuery(sheet), (snapshot) =>
    structureSheet(snapshot, { sheet, as: kind as PlanKind, now, normalise: args.flags.has("normalise") }),
  );
  await workbook.save(out);
  const remaining = report.normalisable.length - report.normalised;

  if (args.flags.has("json")) {
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
    if (report.unmapped.length > 0)
      output.out(`Kept as they are (not mapped): ${report.unmapped.map((h) => `"${h}"`).join(", ")}.`);
    for (const change of report.changes)
      output.out(
        `Changed ${report.sheet}!${change.cell}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)} (${change.why}).`,
      );
    for (const item of report.normalisable) {
      const fix = item.suggestion ? `suggest ${item.suggestion}` : "not recognised: check it";
      output.out(
        `${report.normalised && item.fix !== undefined ? "Fixed" : "To check"} ${report.sheet}!${item.cell} (${item.field}): ${JSON.stringify(item.value)} — ${fix}.`,
      );
    }
    if (remaining > 0 && !args.flags.has("normalise"))
      output.out("Run again with --normalise to apply the suggestions.");
  }
  return remaining > 0 ? EXIT_FINDINGS : EXIT_OK;
}
