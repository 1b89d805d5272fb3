import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import type { Finding, RagSuggestion } from "../../commands/validateWorkbook";
import { fixCommand, setRagCommand, suggestionCommand, writeChecksCommand } from "../checks/checkCommands";
import type { CellSelection } from "../checks/selectionAddress";
import { todaySerial } from "../checks/today";
import { useChecks, type LiveMode, type LiveState } from "../checks/useChecks";
import type { PaneStateHandle } from "../workbook/usePaneState";
import { errorMessage, type SessionStatus, type WorkbookSession } from "../useWorkbookSession";
import { CheckSummary } from "./CheckSummary";
import { FindingGroups } from "./FindingGroups";
import { RagSuggestions } from "./RagSuggestions";
import { SetRagForm } from "./SetRagForm";
import { ProblemBar } from "./ProblemBar";
import { StatusMessage } from "./StatusMessage";
import { WriteChecks } from "./WriteChecks";
import { usePaneStyles } from "./paneStyles";

/** The parts of the section that run commands, each showing its own messages. */
export type ChecksPart = "checks" | "suggestions" | "write-checks" | "set-rag";

export interface PartStatus {
  claimStatus: () => void;
  status: SessionStatus | null;
  working: boolean;
}

export interface ChecksSectionProps {
  /** The workbook's state as the pane last read it, which the check is a part of. */
  workbookState: PaneStateHandle;
  session: WorkbookSession;
  liveMode: LiveMode;
  /** Shows a cell: selects it in Excel, or shows its tab and highlights it in the preview's grid. */
  goToCell: (sheet: string, cell: string) => Promise<void>;
  /** The cells "Set RAG" works on: Excel's selection, or the preview grid's. */
  readSelection: () => Promise<CellSelection>;
  /** What "Set RAG" will work on, in words. */
  selectionNote: string;
  part: (id: ChecksPart) => PartStatus;
}

/**
 * "Check the plans": check every plan (nothing written), go to each finding's cell and fix it, apply the
 * RAG ratings the dates suggest, write the checks into the workbook, and set a RAG on a selection.
 * Every change goes through the session, so "Undo last change" reverses it.
 */
export function ChecksSection({
  session,
  workbookState,
  liveMode,
  goToCell,
  readSelection,
  selectionNote,
  part,
}: ChecksSectionProps) {
  const pane = usePaneStyles();
  const ids = { detail: useId() };
  const checks = useChecks(session, liveMode, workbookState);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const findingsHeading = useRef<HTMLHeadingElement>(null);
  const suggestionsHeading = useRef<HTMLHeadingElement>(null);
  const checksPart = part("checks");
  const suggestionsPart = part("suggestions");
  const writePart = part("write-checks");
  const ragPart = part("set-rag");

  const goTo = async (sheet: string, cell: string) => {
    setProblem(null);
    try {
      await goToCell(sheet, cell);
    } catch (error) {
      setProblem({ title: `Could not go to ${sheet}!${cell}`, message: errorMessage(error) });
    }
  };

  const fix = async (findings: Finding[], groupLabel?: string) => {
    checksPart.claimStatus();
    // The fixed finding leaves the list: keep the keyboard in the findings, not on the page's body.
    if (await session.run(fixCommand(findings, todaySerial(), groupLabel))) findingsHeading.current?.focus();
  };

  const apply = async (suggestion: RagSuggestion) => {
    suggestionsPart.claimStatus();
    if (await session.run(suggestionCommand(suggestion, todaySerial()))) suggestionsHeading.current?.focus();
  };

  const write = () => {
    writePart.claimStatus();
    return session.run(writeChecksCommand(todaySerial()));
  };

  const setRag = async (status: string) => {
    setProblem(null);
    let selection: CellSelection;
    try {
      selection = await readSelection();
    } catch (error) {
      setProblem({ title: "Could not read the selection", message: errorMessage(error) });
      return;
    }
    ragPart.claimStatus();
    await session.run(setRagCommand(selection, status));
  };

  const result = checks.result;
  return (
    <>
      <Text id={ids.detail} className={pane.detail}>
        Looks for actions without a lead or a due date, overdue actions, RAG ratings not in the list, dates typed as
        text and more. Nothing in the workbook changes until you choose a fix.
      </Text>
      <div className={pane.actions}>
        <Button
          appearance="primary"
          onClick={checks.check}
          disabledFocusable={session.busy}
          aria-describedby={ids.detail}
        >
          Check now
        </Button>
        {checks.checking && <Spinner size="tiny" label="Checking…" labelPosition="after" />}
      </div>
      <LiveNote live={checks.live} />
      <ProblemBar title="The plans could not be checked" problem={checks.problem} testId="checks-problem" />
      <CheckSummary result={result} />
      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="checks-action-problem">
          <MessageBarBody>
            <MessageBarTitle>{problem.title}</MessageBarTitle>
            {problem.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={() => setProblem(null)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <StatusMessage status={checksPart.status} onDismiss={session.clearStatus} testId="status-checks" />
      {result && (
        <FindingGroups
          ref={findingsHeading}
          findings={result.report.findings}
          busy={session.busy}
          onGoTo={goTo}
          onFix={fix}
        />
      )}
      {result && (
        <RagSuggestions
          ref={suggestionsHeading}
          suggestions={result.report.suggestions}
          busy={session.busy}
          onGoTo={goTo}
          onApply={apply}
        />
      )}
      {result && (
        <StatusMessage status={suggestionsPart.status} onDismiss={session.clearStatus} testId="status-suggestions" />
      )}
      <WriteChecks busy={session.busy} working={writePart.working} onWrite={write} />
      <StatusMessage status={writePart.status} onDismiss={session.clearStatus} testId="status-write-checks" />
      <SetRagForm
        vocabulary={checks.vocabulary}
        selectionNote={selectionNote}
        busy={session.busy}
        working={ragPart.working}
        onSet={setRag}
      />
      <StatusMessage status={ragPart.status} onDismiss={session.clearStatus} testId="status-set-rag" />
    </>
  );
}

/** Whether the findings follow people's edits (Excel), and why not where it cannot. */
function LiveNote({ live }: { live: LiveState }) {
  const pane = usePaneStyles();
  switch (live.state) {
    case "off":
      return null;
    case "starting":
    case "on":
      return (
        <Text size={200} className={pane.detail} data-testid="live-note">
          Live checking is on: the plans are checked again whenever someone edits them.
        </Text>
      );
    case "unsupported":
      return (
        <MessageBar intent="info" layout="multiline" data-testid="live-note">
          <MessageBarBody>
            Live checking needs a newer version of Excel (one with ExcelApi 1.7). Choose “Check now” to check the plans
            after you edit them.
          </MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="warning" layout="multiline" data-testid="live-note">
          <MessageBarBody>
            <MessageBarTitle>Live checking could not start</MessageBarTitle>
            {live.message} Choose “Check now” to check the plans after you edit them.
          </MessageBarBody>
        </MessageBar>
      );
  }
}
