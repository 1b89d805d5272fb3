import {
  AUDIT_CASES,
  AUDIT_DEFAULT_FRAMEWORK,
  AUDITS_A_MONTH,
  caseAudit,
  caseAuditQuery,
  isAuditCases,
} from "../commands/caseAudit";
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
  summary: `Choose cases for your own audit from the Annex A lists, spread across them, with a Case audit sheet (auditor, due date, grade, themes, follow-up) and a QA compliance sheet (${AUDITS_A_MONTH} audits a month each).`,
  usage: `LISTS.xlsx --out OUT.xlsx [--cases ${AUDIT_CASES.default}] [--framework ID] [--due dd/mm/yyyy]`,
  description: "",
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
    force: FORCE_OPTION,
    json: { type: "boolean", description: "Print the chosen cases as JSON." },
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

    const workbook = await XlsxWorkbook.open(input);
    const { report } = await runCommand(workbook, caseAuditQuery, (s) =>
      caseAudit(s, { framework, cases, due, asOf, now }),
    );
    await workbook.save(out);
    if (args.values.json) {
      output.out(JSON.stringify({ file: input, out, ...report }, null, 2));
    } else {
      const byList = new Map<string, number>();
      for (const c of report.cases) byList.set(`List ${c.list}`, (byList.get(`List ${c.list}`) ?? 0) + 1);
      output.out(
        `Chose ${report.cases.length} cases (${[...byList].map(([l, n]) => `${l}: ${n}`).join(", ")}); wrote ${out} with the Case audit and QA compliance sheets.`,
      );
    }
    return EXIT_OK;
  },
});
