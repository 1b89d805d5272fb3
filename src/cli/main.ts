import { UserError } from "../domain/userError";
import { UsageError, parseArgs } from "./args";
import { frameworksCommand } from "./frameworksCommand";
import { annexACommand } from "./annexACommand";
import { auditSampleCommand } from "./auditSampleCommand";
import { newCommand } from "./newCommand";
import { projectCommand } from "./projectCommand";
import { refreshCommand } from "./refreshCommand";
import { structureCommand } from "./structureCommand";
import { validateCommand } from "./validateCommand";
import { EXIT_OK, EXIT_USAGE, consoleOutput, type Output } from "./output";

const VALUED_FLAGS = new Set([
  "framework",
  "out",
  "kind",
  "rag-scale",
  "notified",
  "onsite",
  "inspection",
  "sheet",
  "as",
  "as-of",
  "stale-days",
  "target",
  "cases",
  "due",
]);

const HELP = `Inspection Ready: inspection preparation workbooks for children's services.

Usage:
  inspection-ready frameworks [--json]
      List the inspection frameworks this version carries.
  inspection-ready new --framework ID|FILE.json --out FILE.xlsx [--kind KINDS] [--rag-scale standard|four-colour]
                       [--notified "dd/mm/yyyy hh:mm" [--onsite …] [--inspection TYPE]] [--force] [--json]
      Write a new workbook for a framework: a self-evaluation, an action plan and an evidence tracker
      (--kind self-evaluation,action-plan,evidence picks some). FILE.json is a council's own framework.
      --notified "dd/mm/yyyy hh:mm" [--onsite "dd/mm/yyyy hh:mm"] [--inspection standard|short|focused]
      also adds the inspection's Timeline and an Annex A checklist with due dates on working days.
      RAG statuses: standard is Blue, Complete – awaiting sign-off, Green, Amber, Red, Not started;
      four-colour is Red, Amber, Amber/Green, Green. A framework file may carry its own ("rag").
      An existing file is kept unless --force is given.
  inspection-ready structure IN.xlsx --sheet NAME --as action-plan|evidence|self-evaluation --out OUT.xlsx
                   [--normalise] [--force] [--json]
      Make a sheet you already have into a managed plan table, keeping every value. Values not in the
      plan's form (RAG initials, dates typed as text) are reported; --normalise fixes them.
  inspection-ready refresh FILE.xlsx [--framework ID|FILE.json] --out OUT.xlsx [--force] [--json]
      Bring plans made from an older framework version up to date: new wording, new criteria as new rows.
      No cell you own (action, lead, dates, RAG, progress, evidence, notes) is changed.
  inspection-ready validate FILE.xlsx [--json] [--as-of dd/mm/yyyy] [--stale-days N]
                  [--write --out OUT.xlsx [--force]]
      Check every plan: missing leads and dates, overdue actions, Green without evidence, RAG outside
      the list, duplicate or unknown refs, Excel errors. --write adds a Checks column of formulas and
      conditional formats to a copy, so the workbook keeps checking itself without the add-in.
  inspection-ready project FILE.xlsx [--json] [--target GRADE] [--framework ID|FILE.json]
                 [--write --out OUT.xlsx [--force]]
      Project each judgement's grade from the self-evaluation, with the reasons and the criteria that
      must improve to reach the target (Good unless --target says). --write adds a Summary sheet of live
      formulas that move when a position changes.
  inspection-ready annex-a FILE.xlsx [--json] [--as-of dd/mm/yyyy] [--write | --fix] [--out OUT.xlsx [--force]]
      Check the eleven Annex A lists against Ofsted's template: every column, required values, dates,
      codes (with or without the "a)" prefix), ages against dates of birth, one row per child where the
      list says so. --write copies the workbook with a findings sheet and the cells highlighted; --fix
      also puts codes and dates it can read into the template's form. Nothing leaves the machine.
  inspection-ready audit-sample LISTS.xlsx --out OUT.xlsx [--cases 30] [--framework ID] [--due dd/mm/yyyy]
      Choose cases for your own audit from the Annex A lists, spread across them, with a Case audit sheet
      (auditor, due date, grade, themes, follow-up) and a QA compliance sheet (5 audits a month each).

Exit codes: 0 success; 1 the command ran and found problems; 2 usage error or unreadable input.`;

/** Runs one CLI invocation and returns its exit code; never calls process.exit, so tests can call it. */
export async function main(argv: string[], output: Output = consoleOutput, now: Date = new Date()): Promise<number> {
  try {
    const args = parseArgs(argv, VALUED_FLAGS);
    switch (args.command) {
      case undefined:
      case "help":
        if (args.command === undefined && !args.flags.has("help")) {
          output.err(HELP);
          return EXIT_USAGE;
        }
        output.out(HELP);
        return EXIT_OK;
      case "frameworks":
        return frameworksCommand(args, output);
      case "new":
        return await newCommand(args, output, now);
      case "structure":
        return await structureCommand(args, output, now);
      case "refresh":
        return await refreshCommand(args, output, now);
      case "validate":
        return await validateCommand(args, output, now);
      case "project":
        return await projectCommand(args, output);
      case "annex-a":
        return await annexACommand(args, output, now);
      case "audit-sample":
        return await auditSampleCommand(args, output, now);
      default:
        throw new UsageError(`"${args.command}" is not a command; run inspection-ready --help for the list`);
    }
  } catch (error) {
    // Every error a user can act on extends UserError; anything else is a bug, for the bin to report.
    if (error instanceof UserError) {
      output.err(`inspection-ready: ${error.message}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
