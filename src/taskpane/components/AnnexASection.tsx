import {
  Body1Strong,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { ListReport } from "../../domain/annexA/checkList";
import { dateFromSerial, formatUkDate } from "../../domain/dates";
import type { Framework } from "../../domain/framework";
import { ANNEX_RULES, annexInPlaceCommand, annexSummary } from "../annexA/annexACommands";
import { caseAuditCommand } from "../annexA/caseAuditCommand";
import { useAnnexA } from "../annexA/useAnnexA";
import { HeaderMatches, UnrecognisedSheets } from "../annexA/UnrecognisedSheets";
import type { PaneStateHandle } from "../workbook/usePaneState";
import { groupFindings } from "../checks/findingGroups";
import { timeOfDay, todaySerial } from "../checks/today";
import { readDate } from "../../commands/inspectionForm";
import { AUDIT_CASES, isAuditCases } from "../../commands/caseAudit";
import type { SessionStatus, WorkbookSession } from "../useWorkbookSession";
import { count, listInWords, quoted, thousands } from "../wording";
import { FindingGroupView } from "./FindingGroups";
import { GoToProblem, useGoTo } from "./GoToCell";
import { useCardStyles } from "./JudgementCard";
import { ProblemBar } from "./ProblemBar";
import { StatusMessage } from "./StatusMessage";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  privacy: { overflowWrap: "anywhere" },
  controls: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  asOf: { minWidth: "10em", flexGrow: 1 },
  input: { width: "100%", minWidth: 0 },
  inputElement: { width: "100%" },
  lists: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  facts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    gap: `0 ${tokens.spacingHorizontalS}`,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: "anywhere" },
  clean: { color: tokens.colorNeutralForeground2 },
  checkedAt: { color: tokens.colorNeutralForeground2 },
  emptyLists: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
});

export interface AnnexASectionProps {
  session: WorkbookSession;
  /** The workbook's state as the pane last read it, which the lists' check is a part of. */
  workbookState: PaneStateHandle;
  goToCell: (sheet: string, cell: string) => Promise<void>;
  onShowSheet: (sheet: string) => void;
  preview: boolean;
  /** Frameworks loaded this session, besides the built-in ones: a plan may follow one of them. */
  frameworks: readonly Framework[];
  /** The section's writes, each showing its own messages. */
  part: (id: "annexa-write" | "annexa-fix" | "annexa-audit") => {
    claimStatus: () => void;
    status: SessionStatus | null;
    working: boolean;
  };
}

/**
 * "Annex A lists": checks the lists against Ofsted's template (nothing written), shows each list's columns
 * and findings with the way to each cell, and on request writes the findings in or fixes what can be fixed.
 * The lists hold children's personal data: they are read here, and nothing is sent anywhere.
 */
export function AnnexASection({
  session,
  workbookState,
  goToCell,
  onShowSheet,
  preview,
  part,
  frameworks,
}: AnnexASectionProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const ids = { detail: useId(), privacy: useId(), write: useId(), audit: useId() };
  const annex = useAnnexA(workbookState);
  const goTo = useGoTo(goToCell);
  const [asOfText, setAsOfText] = useState("");
  const [asOfError, setAsOfError] = useState<string | null>(null);
  const writePart = part("annexa-write");
  const fixPart = part("annexa-fix");
  const auditPart = part("annexa-audit");
  const [casesText, setCasesText] = useState(String(AUDIT_CASES.default));
  const [dueText, setDueText] = useState("");
  const [auditError, setAuditError] = useState<string | null>(null);

  const chooseCases = async () => {
    const cases = Number(casesText.trim());
    if (!isAuditCases(cases)) {
      setAuditError(`Enter a whole number of cases from ${AUDIT_CASES.min} to ${AUDIT_CASES.max}`);
      return;
    }
    const due = readDate(dueText);
    if (!due.ok) {
      setAuditError(due.message);
      return;
    }
    const day = asOf();
    if (day === undefined) return;
    setAuditError(null);
    auditPart.claimStatus();
    const report = await session.run(caseAuditCommand(cases, due.value ?? null, day ?? todaySerial(), frameworks));
    if (report) onShowSheet(report.sheets[0]!.sheet);
  };

  /**
   * The as-of day typed; null when blank (the lists' latest date is used, never today); undefined (with
   * the message shown) when what is typed is not a date.
   */
  const asOf = (): number | null | undefined => {
    const read = readDate(asOfText);
    if (!read.ok) {
      setAsOfError(read.message);
      return undefined;
    }
    setAsOfError(null);
    return read.value ?? null;
  };
  /** The sheets the user has said hold which list, kept while the pane checks this workbook. */
  const mapping = annex.request?.lists ?? [];
  const request = (day: number | null, lists = mapping) => ({ asOf: day, today: todaySerial(), lists });

  const check = () => {
    const day = asOf();
    if (day !== undefined) void annex.check(request(day));
  };

  const takeAsList = (sheet: string, list: number) => {
    const day = asOf();
    if (day !== undefined)
      void annex.check(request(day, [...mapping.filter(([name]) => name !== sheet), [sheet, list] as const]));
  };

  const inPlace = async (fix: boolean) => {
    const day = asOf();
    if (day === undefined) return;
    const which = fix ? fixPart : writePart;
    which.claimStatus();
    const report = await session.run(annexInPlaceCommand(request(day), fix));
    if (report && !fix) onShowSheet(report.sheet);
  };

  const result = annex.result;
  const fixable = result?.report.lists.reduce((n, l) => n + l.findings.filter((f) => f.fix).length, 0) ?? null;
  return (
    <>
      <MessageBar intent="info" layout="multiline" data-testid="annexa-privacy">
        <MessageBarBody id={ids.privacy} className={styles.privacy}>
          <MessageBarTitle>Children&apos;s personal data</MessageBarTitle>
          The Annex A lists name children. They are read and checked here, on this computer, and never leave it: nothing
          is sent anywhere.
          {preview && " Open your lists workbook with “Open .xlsx…” above the grid."}
        </MessageBarBody>
      </MessageBar>
      <Text id={ids.detail} className={pane.detail}>
        Checks each list against Ofsted&apos;s template: which sheet holds it, whether every column is there, and every
        cell (codes, dates, ages, duplicates). Nothing in the workbook changes until you write the findings in or fix
        them.
      </Text>
      <div className={styles.controls}>
        <Field
          label="Check as of (optional)"
          hint="dd/mm/yyyy; blank for the latest date in the lists"
          className={styles.asOf}
          validationState={asOfError ? "error" : "none"}
          validationMessage={asOfError ?? undefined}
        >
          <Input
            className={styles.input}
            input={{ className: styles.inputElement }}
            value={asOfText}
            onChange={(_, data) => {
              setAsOfText(data.value);
              setAsOfError(null);
            }}
            placeholder="dd/mm/yyyy"
            autoComplete="off"
          />
        </Field>
        <div className={pane.actions}>
          <Button
            appearance="primary"
            onClick={check}
            disabledFocusable={session.busy}
            aria-describedby={`${ids.detail} ${ids.privacy}`}
          >
            Check the lists
          </Button>
          {annex.checking && <Spinner size="tiny" label="Checking…" labelPosition="after" />}
        </div>
      </div>
      <ProblemBar title="The lists could not be checked" problem={annex.problem} testId="annexa-problem" />
      <div role="status" aria-live="polite" data-testid="annexa-summary">
        {result && <Text weight="semibold">{annexSummary(result.report)}</Text>}
      </div>
      {result && (
        <Text size={200} className={styles.checkedAt} data-testid="annexa-checked-at">
          Checked at {timeOfDay(result.checkedAt)}, as of {formatUkDate(dateFromSerial(result.asOf))}
          {result.report.asOf.source === "latest date in the lists" &&
            `, the latest date in the lists (${result.report.asOf.cell})`}
        </Text>
      )}
      {result && (
        <Text size={200} data-testid="annexa-template">
          {result.report.template.description}
        </Text>
      )}
      {result && <UnrecognisedSheets sheets={result.report.unrecognised} busy={session.busy} onChoose={takeAsList} />}
      <GoToProblem goTo={goTo} testId="annexa-goto-problem" />
      {result && <Lists lists={result.report.lists} busy={session.busy} onGoTo={goTo.goTo} />}
      <Body1Strong as="h3" className={pane.subheading}>
        Findings in the workbook
      </Body1Strong>
      <Text size={200} id={ids.write} className={pane.detail}>
        Writing the findings adds an “Annex A findings” sheet and highlights each cell it names on the lists. Fixing
        puts the values the checks could read in the template&apos;s form (codes with their letter, dates as dates) and
        lists what is left.
      </Text>
      <div className={pane.actions}>
        <Button onClick={() => inPlace(false)} disabledFocusable={session.busy} aria-describedby={ids.write}>
          Write findings into the workbook
        </Button>
        {writePart.working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
      <StatusMessage status={writePart.status} onDismiss={session.clearStatus} testId="status-annexa-write" />
      <div className={pane.actions}>
        <Button
          onClick={() => inPlace(true)}
          disabledFocusable={session.busy || fixable === 0}
          aria-describedby={ids.write}
        >
          {fixable === null ? "Fix what can be fixed" : `Fix what can be fixed (${thousands(fixable)})`}
        </Button>
        {fixPart.working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
      <StatusMessage status={fixPart.status} onDismiss={session.clearStatus} testId="status-annexa-fix" />
      <Body1Strong as="h3" className={pane.subheading}>
        Cases for your own audit
      </Body1Strong>
      <Text size={200} id={ids.audit} className={pane.detail}>
        Chooses cases from the lists, spread across them and never the same child twice, and adds a Case audit sheet
        (auditor, due date, grade, themes, follow-up) and a QA compliance sheet that counts each manager&apos;s audits
        in a month against 5.
      </Text>
      <div className={styles.controls}>
        <Field
          label="Number of cases"
          className={styles.asOf}
          validationState={auditError ? "error" : "none"}
          validationMessage={auditError ?? undefined}
        >
          <Input
            className={styles.input}
            input={{ className: styles.inputElement }}
            value={casesText}
            onChange={(_, data) => setCasesText(data.value)}
            inputMode="numeric"
            autoComplete="off"
          />
        </Field>
        <Field label="Audits due (optional)" hint="dd/mm/yyyy" className={styles.asOf}>
          <Input
            className={styles.input}
            input={{ className: styles.inputElement }}
            value={dueText}
            onChange={(_, data) => setDueText(data.value)}
            placeholder="dd/mm/yyyy"
            autoComplete="off"
          />
        </Field>
      </div>
      <div className={pane.actions}>
        <Button onClick={chooseCases} disabledFocusable={session.busy} aria-describedby={ids.audit}>
          Choose cases for audit
        </Button>
        {auditPart.working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
      <StatusMessage status={auditPart.status} onDismiss={session.clearStatus} testId="status-annexa-audit" />
    </>
  );
}

/** A list with nothing to show but where it is: no rows yet, no findings, its columns as the template's. */
const quiet = (list: ListReport) =>
  list.rows === 0 && list.findings.length === 0 && list.columns.missing.length === 0 && list.columns.extra.length === 0;

/** The lists with rows or findings as cards; the empty ones, which are most of a template, in one short list. */
function Lists({
  lists,
  busy,
  onGoTo,
}: {
  lists: readonly ListReport[];
  busy: boolean;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const empty = lists.filter(quiet);
  return (
    <div className={styles.lists}>
      {lists
        .filter((list) => !quiet(list))
        .map((list) => (
          <ListCard key={list.list} list={list} busy={busy} onGoTo={onGoTo} />
        ))}
      {empty.length > 0 && (
        <div>
          <Body1Strong as="h3" className={pane.subheading}>
            Lists with no rows yet
          </Body1Strong>
          <ul className={styles.emptyLists} data-testid="annexa-empty-lists">
            {empty.map((list) => (
              <li key={list.list} data-testid="annexa-empty-list" data-list={list.list}>
                List {list.list}: {list.title}{" "}
                <span className={styles.term}>({quoted(list.sheet)}, every column there)</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** One list: where it is, its columns against the template's, and its findings by rule. */
function ListCard({
  list,
  busy,
  onGoTo,
}: {
  list: ListReport;
  busy: boolean;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  const card = useCardStyles();
  const headingId = useId();
  const groups = groupFindings(list.findings, ANNEX_RULES);
  const { matched, missing, extra } = list.columns;
  return (
    <article className={card.card} aria-labelledby={headingId} data-testid="annexa-list" data-list={list.list}>
      <h3 id={headingId} className={card.name}>
        List {list.list}: {list.title}
      </h3>
      <dl className={styles.facts}>
        <dt className={styles.term}>Sheet</dt>
        <dd className={styles.value}>
          {quoted(list.sheet)}, headers on row {list.headerRow}
        </dd>
        <dt className={styles.term}>Rows</dt>
        <dd className={styles.value} data-testid="annexa-rows">
          {list.rows}
        </dd>
        <dt className={styles.term}>Columns</dt>
        <dd className={styles.value} data-testid="annexa-columns">
          {matched} matched
          {missing.length > 0 && `; missing: ${listInWords(missing.map((m) => quoted(m.trim())))}`}
          {extra.length > 0 && `; not in the template: ${listInWords(extra.map(quoted))}`}
        </dd>
      </dl>
      <HeaderMatches list={list} />
      {groups.length === 0 ? (
        <Text size={200} className={styles.clean}>
          No findings{list.rows === 0 ? ": the list has no rows yet." : ": every cell is as the template asks."}
        </Text>
      ) : (
        <>
          <Text size={200}>{count(list.findings.length, "finding")}:</Text>
          {groups.map((group) => (
            <FindingGroupView key={group.rule} group={group} busy={busy} onGoTo={onGoTo} />
          ))}
        </>
      )}
    </article>
  );
}
