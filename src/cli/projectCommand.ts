import { projectQuery, projectWorkbook } from "../commands/projectWorkbook";
import { runCommand } from "../commands/runCommand";
import { findFramework } from "../domain/frameworks";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { FORCE_OPTION, oneWorkbook, writeToCopy } from "./inputs";
import { defineCommand } from "./command";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_OK } from "./output";

/** `inspection-ready project`: each judgement's projected grade from the self-evaluation, with reasons and the path to the target. */
export const projectCommand = defineCommand({
  name: "project",
  summary:
    "Project each judgement's grade from the self-evaluation, with the reasons and the criteria that must improve to reach the target (Good unless --target says).",
  usage: "FILE.xlsx [--json] [--target GRADE] [--framework ID|FILE.json] [--write --out OUT.xlsx [--force]]",
  description: "--write adds a Summary sheet of live formulas that move when a position changes.",
  positionals: [{ name: "FILE.xlsx", description: "The workbook with the self-evaluation; it is never changed." }],
  options: {
    json: { type: "boolean", description: "Print the projection as JSON." },
    target: {
      type: "string",
      valueName: "GRADE",
      description: "The grade to reach, by its name (Good) or id; the framework's own target when left out.",
    },
    framework: {
      type: "string",
      valueName: "ID|FILE.json",
      description:
        "Project with this framework rather than the one the self-evaluation follows: a built-in id or a council's own framework file.",
    },
    write: {
      type: "boolean",
      description: "Write a copy with a Summary sheet of live formulas; needs --out.",
    },
    out: {
      type: "string",
      valueName: "OUT.xlsx",
      description: "The copy to write the Summary sheet into (with --write).",
    },
    force: FORCE_OPTION,
  },
  async run(args, output) {
    const input = oneWorkbook("project", args.positionals, "project needs the workbook to read: project FILE.xlsx");
    const out = writeToCopy(args.values, "the Summary sheet");
    const write = out !== undefined;
    const frameworkValue = args.values.framework;
    const framework = frameworkValue ? frameworkFromOption(frameworkValue) : undefined;
    const target = args.values.target;

    const workbook = await XlsxWorkbook.open(input);
    const options = { framework, resolve: findFramework, target, write };
    const { report } = write
      ? await runCommand(workbook, projectQuery, (s) => projectWorkbook(s, options))
      : { report: projectWorkbook(await workbook.read(projectQuery), options).report };
    if (write && out) await workbook.save(out);

    if (args.values.json) {
      output.out(JSON.stringify({ file: input, ...(out ? { out } : {}), ...report }, null, 2));
      return EXIT_OK;
    }
    output.out(`${report.framework.name}: projected from the self-evaluation (target ${report.target}).`);
    for (const j of report.judgements) {
      output.out(`${j.name}: ${j.grade ?? "insufficient evidence"} (confidence ${j.confidence})`);
      for (const reason of j.reasons) output.out(`  - ${reason.text}`);
      if (j.pathToTarget.length > 0) {
        output.out(
          `  To reach ${report.target}: ${j.pathToTarget.map((s) => `${s.ref} ${s.from ?? "no position"} → ${s.to}`).join(", ")}`,
        );
      }
    }
    if (report.overall.applies) {
      output.out(`Overall: ${report.overall.grade ?? "insufficient evidence"}`);
      for (const reason of report.overall.reasons) output.out(`  - ${reason.text}`);
    } else {
      for (const reason of report.overall.reasons) output.out(reason.text);
    }
    if (out) output.out(`Summary sheet written to ${out}.`);
    return EXIT_OK;
  },
});
