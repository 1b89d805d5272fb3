import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { SessionProgress } from "../useWorkbookSession";

const useStyles = makeStyles({
  bar: {
    // Stays in view while the user scrolls the pane, so Cancel is always at hand.
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  field: { flexGrow: 1 },
});

/**
 * Long work on the workbook (checking a 100,000-row list, writing its findings), which runs off the page's
 * main thread: what it is doing, and a Cancel that stops it with nothing changed.
 */
export function WorkProgress({ progress, onCancel }: { progress: SessionProgress | null; onCancel: () => void }) {
  const styles = useStyles();
  if (!progress) return null;
  return (
    <div className={styles.bar} data-testid="work-progress">
      <Field
        label="Working on the workbook"
        validationState="none"
        validationMessage={progress.text}
        className={styles.field}
      >
        <ProgressBar />
      </Field>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}
