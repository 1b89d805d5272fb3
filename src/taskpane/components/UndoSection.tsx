import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { useId } from "react";
import type { SessionStatus, WorkbookSession } from "../useWorkbookSession";
import { StatusMessage } from "./StatusMessage";
import { usePaneStyles } from "./paneStyles";

export interface UndoSectionProps {
  session: WorkbookSession;
  claimStatus: () => void;
  status: SessionStatus | null;
}

/** Excel's own Undo cannot reverse an add-in's changes: this reverses the last one. */
export function UndoSection({ session, claimStatus, status }: UndoSectionProps) {
  const pane = usePaneStyles();
  const ids = { heading: useId(), detail: useId() };
  return (
    <section className={pane.section} aria-labelledby={ids.heading}>
      <Subtitle2 as="h2" id={ids.heading} className={pane.heading}>
        Undo
      </Subtitle2>
      <Text id={ids.detail} className={pane.detail}>
        {session.undoDescription
          ? `Last change: ${session.undoDescription}. Undo puts back what it changed and removes what it added, including anything typed in those cells since.`
          : "Nothing to undo yet. Excel’s own Undo cannot reverse the add-in’s changes; this button can."}
      </Text>
      <div className={pane.actions}>
        <Button
          onClick={() => {
            claimStatus();
            return session.undo();
          }}
          disabledFocusable={session.busy || !session.undoDescription}
          aria-describedby={ids.detail}
        >
          Undo last change
        </Button>
      </div>
      <StatusMessage status={status} onDismiss={session.clearStatus} testId="status-undo" />
    </section>
  );
}
