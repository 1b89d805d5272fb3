import { refreshQuery, refreshNotes, refreshWorkbook } from "../commands/refreshWorkbook";
import { runCommand } from "../commands/runCommand";
import { findFramework } from "../domain/frameworks";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError } from "./args";
import { FORCE_OPTION, oneWorkbook } from "./inputs";
import { defineCommand } from "./command";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_FINDINGS, EXIT_OK } from "./output";

/**
 * `inspection-ready refresh`: plans brought up to the current (or the given) framework version, written
 * to a new file. Exit 1 when a plan could not be refreshed (each is named with the reason), 0 otherwise.
 */
export const refreshCommand = defineCommand({
  name: "refresh",
  summary: "Bring plans made from an older framework version up to date: new wording, new criteria as new rows.",
  usage: "FILE.xlsx [--framework ID|FILE.json] --out OUT.xlsx [--force] [--json]",
  description: "No cell you own (action, lead, dates, RAG, progress, evidence, notes) is changed.",
  positionals: [{ name: "FILE.xlsx", description: "The workbook with the plans; it is never changed in place." }],
  options: {
    framework: {
      type: "string",
      valueName: "ID|FILE.json",
      description:
        "Refresh every plan to this framework: a built-in id or a council's own framework file. Each plan's own framework, at its current version, when left out.",
    },
    out: {
      type: "string",
      valueName: "OUT.xlsx",
      description: "The workbook to write; to replace FILE.xlsx itself, name it here and add --force.",
    },
    force: FORCE_OPTION,
    json: { type: "boolean", description: "Print what changed in each plan as JSON." },
  },
  async run(args, output, now) {
    const input = oneWorkbook(
      "refresh",
      args.positionals,
      "refresh needs the workbook to read: refresh FILE.xlsx --out OUT.xlsx",
    );
    const out = args.values.out;
    if (!out)
      throw new UsageError(
        "refresh needs --out OUT.xlsx; to replace the workbook itself, name it with --out and add --force",
      );
    checkOutFile(out, args.values.force === true);
    const frameworkValue = args.values.framework;
    const framework = frameworkValue ? frameworkFromOption(frameworkValue) : undefined;

    const workbook = await XlsxWorkbook.open(input);
    const { report } = await runCommand(workbook, refreshQuery, (snapshot) =>
      refreshWorkbook(snapshot, { framework, resolve: findFramework, now }),
    );
    await workbook.save(out);

    if (args.values.json) {
      output.out(JSON.stringify({ file: input, out, ...report }, null, 2));
    } else {
      for (const plan of report.plans) {
        output.out(
          `Refreshed "${plan.sheet}" to ${plan.framework.id} ${plan.framework.to}: ${plan.updatedCells.length} cells reworded, ${plan.added.length} criteria added${plan.added.length ? ` (${plan.added.join(", ")})` : ""}.`,
        );
        if (plan.retired.length > 0) {
          output.out(`  No longer in the framework, rows kept: ${plan.retired.join(", ")}.`);
        }
        const name = (framework ?? findFramework(plan.framework.id))?.name ?? plan.framework.id;
        for (const note of refreshNotes(plan, name)) output.out(`  ${note}.`);
        if (plan.supersededBy) {
          output.out(`  To move the plan to it: refresh ${input} --framework ${plan.supersededBy.id} --out OUT.xlsx`);
        }
      }
      for (const skipped of report.skipped) output.out(`Not refreshed: "${skipped.sheet}": ${skipped.reason}.`);
      output.out(`Wrote ${out}.`);
    }
    return report.skipped.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
});
