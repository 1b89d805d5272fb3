import {
  AUDIT_CASES,
  AUDIT_DEFAULT_FRAMEWORK,
  AUDITS_A_MONTH,
  caseAudit,
  caseAuditQuery,
  isAuditCases,
  monthsBefore,
  recentlyAudited,
} from "../commands/caseAudit";
import { openAnnexAInput } from "./annexAInput";
import path from "node:path";
import { runCommand } from "../commands/runCommand";
import { getFramework } from "../domain/frameworks";
import { XlsxWorkbook } from "../workbook/xlsx/xlsxFile";
import { checkOutFile } from "./outFile";
import { UsageError } from "./args";
import { FORCE_OPTION, oneWorkbook } from "./inputs";
import { asOfOption } from "./asOf";
import { defineCommand } from "./command";
import { frameworkFromOption } from "./frameworkOption";
import { EXIT_OK } from "./output";

/** `inspection-ready audit-sample`: cases chosen from the Annex A lists for the authority's own audit, with a QA compliance sheet. */
export const auditSampleCommand = defineCommand({
  name: "audit-sample",
  summary: `Choose children for your own audit from the Annex A lists, spread across lists, teams and workers, into a new workbook with a Case audit sheet (team, worker, auditor, due date, grade, themes, follow-up), a QA compliance sheet (${AUDITS_A_MONTH} audits a month each) and a Sample sheet recording how it was drawn.`,
  usage: `LISTS.xlsx --out OUT.xlsx [--cases ${AUDIT_CASES.default}] [--seed N] [--previous AUDIT.xlsx [--months 6]] [--framework ID] [--due dd/mm/yyyy]`,
  description:
    "Only children are drawn (never List 11's adopters). The seed is printed and recorded in the Sample sheet: the same lists and seed draw the same sample again. The new workbook holds only the columns auditors need, not copies of the lists.",
  positionals: [{ name: "LISTS.xlsx", description: "The workbook that holds the Annex A lists; it is never changed." }],
  options: {
    out: { type: "string", valueName: "OUT.xlsx", description: "The workbook to write the sample into." },
    cases: {
      type: "string",
      valueName: "N",
      description: `How many cases to choose, a whole number from ${AUDIT_CASES.min} to ${AUDIT_CASES.max}; ${AUDIT_CASES.default} when left out.`,
    },
    framework: {
      type: "string",
      valueName: "ID|FILE.json",
      description: `The framework whose grades the audits use; ${AUDIT_DEFAULT_FRAMEWORK} when left out.`,
    },
    due: {
      type: "string",
      valueName: "dd/mm/yyyy",
      description: "The date the audits are due; left blank when left out.",
    },
    "as-of": {
      type: "string",
      valueName: "dd/mm/yyyy",
      description: "A day in the month the QA compliance sheet counts audits for; today when left out.",
    },
    seed: {
      type: "string",
      valueName: "N",
      description:
        "Draw with this seed (a whole number) to draw a sample again; one is made and printed when left out.",
    },
    previous: {
      type: "string",
      valueName: "AUDIT.xlsx",
      description: "A previous audit workbook: children it shows completed in the last --months are left out.",
    },
    months: {
      type: "string",
      valueName: "N",
      description: "With --previous: how many months back an audit counts as recent; 6 when left out.",
    },
    force: FORCE_OPTION,
    json: { type: "boolean", description: "Print the chosen cases, the seed and the children left out as JSON." },
  },
  async run(args, output, now) {
    const input = oneWorkbook(
      "audit-sample",
      args.positionals,
      "audit-sample needs the workbook that holds the Annex A lists",
    );
    const out = args.values.out;
    if (!out) throw new UsageError("audit-sample needs --out OUT.xlsx: the lists workbook is never changed in place");
    checkOutFile(out, args.values.force === true);
    const casesText = args.values.cases ?? String(AUDIT_CASES.default);
    const cases = Number(casesText);
    if (!isAuditCases(cases))
      throw new UsageError(
        `--cases takes a whole number from ${AUDIT_CASES.min} to ${AUDIT_CASES.max}, not "${casesText}"`,
      );
    const frameworkValue = args.values.framework;
    const framework = frameworkValue ? frameworkFromOption(frameworkValue) : getFramework(AUDIT_DEFAULT_FRAMEWORK);
    const dueText = args.values.due;
    const due = dueText === undefined ? null : asOfOption(dueText, now, "--due");
    const asOf = asOfOption(args.values["as-of"], now);

    const seedText = args.values.seed;
    const seed = seedText === undefined ? undefined : Number(seedText);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295))
      throw new UsageError(`--seed takes a whole number of 0 or more, not "${seedText}"`);
    const monthsText = args.values.months;
    if (monthsText !== undefined && args.values.previous === undefined)
      throw new UsageError("--months goes with --previous AUDIT.xlsx, the audit it counts back through");
    const months = Number(monthsText ?? "6");
    if (!(Number.isInteger(months) && months >= 1 && months <= 36))
      throw new UsageError(`--months takes a whole number from 1 to 36, not "${monthsText}"`);
    let exclude: Set<string> | undefined;
    let excludeSince: number | undefined;
    if (args.values.previous !== undefined) {
      excludeSince = monthsBefore(asOf, months);
      exclude = recentlyAudited(
        await (await XlsxWorkbook.open(args.values.previous)).read({ sheets: "all" }),
        excludeSince,
      );
    }

    // The lists are read; the sample goes into a new workbook, so it never carries copies of them.
    const lists = await (await openAnnexAInput(input)).workbook.read(caseAuditQuery);
    const workbook = XlsxWorkbook.empty();
    const { report } = await runCommand(workbook, { sheets: "all" }, (target) =>
      caseAudit(
        lists,
        {
          framework,
          cases,
          due,
          asOf,
          now,
          ...(seed !== undefined ? { seed } : {}),
          ...(exclude ? { exclude, excludeSince: excludeSince! } : {}),
          source: path.basename(input),
        },
        target,
      ),
    );
    await workbook.save(out);
    if (args.values.json) {
      output.out(JSON.stringify({ file: input, out, ...report }, null, 2));
    } else {
      const byList = new Map<string, number>();
      for (const c of report.cases) byList.set(`List ${c.list}`, (byList.get(`List ${c.list}`) ?? 0) + 1);
      const teams = new Set(report.cases.map((c) => c.team.toLowerCase()).filter(Boolean)).size;
      const workers = new Set(report.cases.map((c) => c.worker.toLowerCase()).filter(Boolean)).size;
      output.out(
        `Chose ${report.cases.length} cases (${[...byList].map(([l, n]) => `${l}: ${n}`).join(", ")}; ${teams} teams, ${workers} workers); wrote ${out} with the Case audit, QA compliance and Sample sheets.`,
      );
      if (report.leftOut.since)
        output.out(`Left out ${report.leftOut.children} children audited since ${report.leftOut.since} (--previous).`);
      output.out(`Seed ${report.seed}: --seed ${report.seed} draws the same sample from the same lists again.`);
    }
    return EXIT_OK;
  },
});
