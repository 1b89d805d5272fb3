import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef } from "react";
import type { SessionStatus, WorkbookSession } from "../useWorkbookSession";
import { StatusMessage } from "./StatusMessage";
import { usePaneStyles } from "./paneStyles";

export interface UndoSectionProps {
  session: WorkbookSession;
  claimStatus: () => void;
  status: SessionStatus | null;
}

const useStyles = makeStyles({
  steps: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  step: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  description: { overflowWrap: "anywhere", minWidth: 0 },
  confirmActions: { flexWrap: "wrap" },
});

/**
 * Excel's own Undo cannot reverse an add-in's changes: this reverses the last one, or each of the last few
 * down to one the user chooses. Where someone has typed over what a change wrote, it asks first.
 */
export function UndoSection({ session, claimStatus, status }: UndoSectionProps) {
  const pane = usePaneStyles();
  const styles = useStyles();
  const ids = { heading: useId(), detail: useId(), steps: useId(), confirm: useId() };
  const steps = session.undoSteps;
  const confirmation = session.undoConfirmation;
  const confirmRef = useRef<HTMLDivElement>(null);
  const disabled = session.busy || steps.length === 0 || confirmation !== null;

  // The question needs an answer before anything else is undone: take the keyboard to it.
  useEffect(() => {
    if (confirmation) confirmRef.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, [confirmation]);

  return (
    <section className={pane.section} aria-labelledby={ids.heading} data-testid="undo-section">
      <Subtitle2 as="h2" id={ids.heading} className={pane.heading}>
        Undo
      </Subtitle2>
      <Text id={ids.detail} className={pane.detail}>
        {session.undoDescription
          ? `Last change: ${session.undoDescription}. Undo puts back what it changed and removes what it added; if anyone has typed in those cells since, you are asked first.`
          : "Nothing to undo yet. Excel’s own Undo cannot reverse the add-in’s changes; this button can."}
      </Text>
      <div className={pane.actions}>
        <Button
          onClick={() => {
            claimStatus();
            return session.undo();
          }}
          disabledFocusable={disabled}
          aria-describedby={ids.detail}
        >
          Undo last change
        </Button>
      </div>
      {confirmation && (
        <MessageBar intent="warning" layout="multiline" data-testid="undo-confirm" ref={confirmRef}>
          <MessageBarBody>
            <MessageBarTitle>Someone has changed these cells since</MessageBarTitle>
            <span id={ids.confirm}>
              Since “{confirmation.step.description}”, {confirmation.where}{" "}
              {confirmation.cells.length === 1 ? "has" : "have"} been changed. Undoing it puts back what was there
              before, and what was typed there is lost.
            </span>
          </MessageBarBody>
          <MessageBarActions className={styles.confirmActions}>
            <Button
              appearance="primary"
              aria-describedby={ids.confirm}
              onClick={() => {
                claimStatus();
                return session.confirmUndo();
              }}
            >
              Undo anyway
            </Button>
            <Button
              onClick={() => {
                claimStatus();
                session.keepChanges();
              }}
            >
              Keep my changes
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {steps.length > 0 && (
        <>
          <Text id={ids.steps} className={pane.detail}>
            Changes you can undo, newest first (the last {session.undoLimit} are kept). Undoing to a change undoes it
            and every change after it, newest first.
          </Text>
          <ol className={styles.steps} aria-labelledby={ids.steps} data-testid="undo-steps">
            {steps.map((step, index) => (
              <li key={step.id} className={styles.step}>
                <Text className={styles.description} id={`${ids.steps}-${step.id}`}>
                  {step.description}
                </Text>
                <Button
                  size="small"
                  appearance="subtle"
                  disabledFocusable={disabled}
                  // The name says how many changes go; the description (not in the name, so it never matches another
                  // button's) says down to which.
                  aria-label={`Undo to here: ${index + 1} ${index === 0 ? "change" : "changes"}`}
                  aria-describedby={`${ids.steps}-${step.id}`}
                  onClick={() => {
                    claimStatus();
                    return session.undoTo(step.id);
                  }}
                >
                  Undo to here
                </Button>
              </li>
            ))}
          </ol>
        </>
      )}
      <StatusMessage status={status} onDismiss={session.clearStatus} testId="status-undo" />
    </section>
  );
}
