import { Button, Field, ProgressBar, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SessionProgress } from "../useWorkbookSession";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    alignItems: "flex-end",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
  },
  // Over the top of the pane, in view while the user scrolls it so Cancel is always at hand, and taking no
  // room: the pane under it never moves when the bar comes and goes, so a click meant for a button there
  // cannot land on another one.
  floatingAnchor: {
    position: "sticky",
    top: 0,
    height: 0,
    zIndex: 1,
  },
  floating: {
    position: "absolute",
    top: 0,
    left: 0,
    right: 0,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  field: { flexGrow: 1, minWidth: "12em" },
});

export interface ProgressWithCancelProps {
  label: string;
  /** What is being done now, in words. */
  text: string;
  /** How far it has got, 0–1; absent while that cannot be known. */
  fraction?: number | null;
  onCancel?: () => void;
  testId: string;
  /** Over the top of the pane rather than in its flow (see `floating`). */
  floating?: boolean;
}

/** Long work with what it is doing, how far it has got where that is known, and a Cancel. */
export function ProgressWithCancel({ label, text, fraction, onCancel, testId, floating }: ProgressWithCancelProps) {
  const styles = useStyles();
  const bar = (
    <div className={mergeClasses(styles.bar, floating && styles.floating)} data-testid={testId}>
      <Field label={label} validationState="none" validationMessage={text} className={styles.field}>
        <ProgressBar value={fraction ?? undefined} />
      </Field>
      {onCancel && <Button onClick={onCancel}>Cancel</Button>}
    </div>
  );
  return floating ? <div className={styles.floatingAnchor}>{bar}</div> : bar;
}

/**
 * Long work on the workbook (checking a 100,000-row list, writing its findings), which runs off the page's
 * main thread: what it is doing, and a Cancel that stops it with nothing changed.
 */
export function WorkProgress({ progress, onCancel }: { progress: SessionProgress | null; onCancel: () => void }) {
  if (!progress) return null;
  return (
    <ProgressWithCancel
      label="Working on the workbook"
      text={progress.text}
      onCancel={onCancel}
      testId="work-progress"
      floating
    />
  );
}
