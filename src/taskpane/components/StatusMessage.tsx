import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SessionStatus } from "../useWorkbookSession";

const useStyles = makeStyles({
  details: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
  },
});

export interface StatusMessageProps {
  status: SessionStatus | null;
  onDismiss: () => void;
  testId?: string;
}

/**
 * The result of the last command, or why it failed, in a live region so screen readers announce it.
 * The region is always there (empty when there is nothing to say), as screen readers only announce
 * changes to a live region they already know.
 */
export function StatusMessage({ status, onDismiss, testId = "status" }: StatusMessageProps) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" data-testid={testId}>
      {status && (
        <MessageBar intent={status.intent} layout="multiline">
          <MessageBarBody>
            {status.title && <MessageBarTitle>{status.title}</MessageBarTitle>}
            {status.message}
            {status.details && status.details.length > 0 && (
              <ul className={styles.details}>
                {status.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
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
