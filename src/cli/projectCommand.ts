import { projectQuery, projectWorkbook } from "../commands/projectWorkbook";
import { runCommand } from "../commands/runCommand";
import { findFramework } from "../domain/frameworks";
import { XlsxWorkbook, readXlsxSnapshot } from "../workbook/xlsx/xlsxFile";
import { count } from "../domain/words";
import { UsageError } from "./args";
import { FORCE_OPTION, oneWorkbook, writeToCopy } from "./inputs";
import { defineCommand } from "./command";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_FINDINGS, EXIT_OK } from "./output";

/** `inspection-ready project`: each judgement's projected grade from the self-evaluation, with reasons and the path to the target. */
export const projectCommand = defineCommand({
  name: "project",
  summary:
    "Project each judgement's grade from the self-evaluation (or, where there is none, the action plan), with the reasons and the criteria that must improve to reach the target (Good unless --target says).",
  usage:
    'FILE.xlsx [--json] [--target GRADE] [--framework ID|FILE.json] [--areas "AREA=JUDGEMENT;…"] [--write --out OUT.xlsx [--force]]',
  description:
    "--write adds a Summary sheet of live formulas that move when a position changes. An action plan's areas are matched to the framework's judgements by their names and the words councils use (CP, LAC, Leadership…); --areas corrects a match, and --write keeps the correction with the plan. Exit 1 when a plan the workbook records has lost its sheet or table (each is named).",
  positionals: [
    { name: "FILE.xlsx", description: "The workbook with the self-evaluation or action plan; it is never changed." },
  ],
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
    areas: {
      type: "string",
      valueName: '"AREA=JUDGEMENT;…"',
      description:
        'Which judgement (by id, as frameworks --json lists them) each of an action plan\'s areas stands for, e.g. "Front door=help-and-protection;Capacity=leaders"; "none" for an area that stands for no judgement.',
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
  async run(args, output, now) {
    const input = oneWorkbook("project", args.positionals, "project needs the workbook to read: project FILE.xlsx");
    const out = writeToCopy(args.values, "the Summary sheet");
    const write = out !== undefined;
    const frameworkValue = args.values.framework;
    const framework = frameworkValue ? frameworkFromOption(frameworkValue) : undefined;
    const target = args.values.target;

    const areas = args.values.areas === undefined ? undefined : areasOption(args.values.areas);
    const options = { framework, resolve: findFramework, target, write, now, ...(areas ? { areas } : {}) };
    let report: ReturnType<typeof projectWorkbook>["report"];
    if (write) {
      const workbook = await XlsxWorkbook.open(input);
      report = (await runCommand(workbook, projectQuery, (s) => projectWorkbook(s, options))).report;
      if (out) await workbook.save(out);
    } else {
      // Only read: the lean reader, not ExcelJS's whole model of every cell.
      report = projectWorkbook(await readXlsxSnapshot(input, projectQuery), options).report;
    }

    // A plan whose table has gone is an error: the projection may rest on less than the workbook holds.
    const exit = (report.missing ?? []).length > 0 ? EXIT_FINDINGS : EXIT_OK;
    if (args.values.json) {
      output.out(JSON.stringify({ file: input, ...(out ? { out } : {}), ...report }, null, 2));
      return exit;
    }
    for (const gone of report.missing ?? []) output.out(`error    ${gone.message}.`);
    const from =
      report.source.kind === "action-plan" ? `the action plan "${report.source.sheet}"` : "the self-evaluation";
    if (report.judgements.length > 0) {
      output.out(`${report.framework.name}: projected from ${from} (target ${report.target}).`);
    }
    for (const m of report.matches ?? []) {
      output.out(
        m.judgement
          ? `Area "${m.area}" (${count(m.rows, "row")}) → ${m.name} [${m.how === "chosen" ? "as chosen" : `matched by ${m.how}`}]`
          : `Area "${m.area}" (${count(m.rows, "row")}) matches no judgement: give --areas "${m.area}=JUDGEMENT" to place it`,
      );
    }
    if ((report.unmatched ?? []).length > 0) {
      output.out(`Not projected, matching no judgement: ${report.unmatched!.map((u) => u.cell).join(", ")}.`);
    }
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
    if (report.judgements.length === 0) {
      for (const theme of report.themes ?? []) {
        const counts = Object.entries(theme.counts)
          .filter(([, n]) => n > 0)
          .map(([label, n]) => `${label} ${n}`)
          .join(", ");
        output.out(`${theme.name}: ${counts}`);
      }
    }
    if (out) output.out(`Summary sheet written to ${out}.`);
    return exit;
  },
});

/** --areas "Front door=help-and-protection;Capacity=none": each area and the judgement id it stands for. */
function areasOption(text: string): Record<string, string | null> {
  const choices: Record<string, string | null> = {};
  for (const pair of text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.lastIndexOf("=");
    if (at <= 0 || at === pair.length - 1) {
      throw new UsageError(`--areas takes "AREA=JUDGEMENT" pairs separated by ";", not "${pair}"`);
    }
    const id = pair.slice(at + 1).trim();
    choices[pair.slice(0, at).trim()] = id.toLowerCase() === "none" ? null : id;
  }
  return choices;
}
