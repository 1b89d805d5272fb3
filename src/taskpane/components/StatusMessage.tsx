import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { SessionStatus } from "../useWorkbookSession";

export interface StatusMessageProps {
  status: SessionStatus | null;
  onDismiss: () => void;
}

/** The result of the last command, or why it failed, in a live region so screen readers announce it. */
export function StatusMessage({ status, onDismiss }: StatusMessageProps) {
  return (
    <div role="status" aria-live="polite" data-testid="status">
      {status && (
        <MessageBar intent={status.intent} layout="multiline">
          <MessageBarBody>
            {status.title && <MessageBarTitle>{status.title}</MessageBarTitle>}
            {status.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={onDismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
