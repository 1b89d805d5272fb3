import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { summarySentence } from "../checks/findingGroups";
import { timeOfDay } from "../checks/today";
import type { CheckResult } from "../checks/useChecks";

const useStyles = makeStyles({
  counts: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  tile: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThicker} solid`,
    backgroundColor: tokens.colorNeutralBackground3,
    minWidth: 0,
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  number: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  word: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, overflowWrap: "anywhere" },
  checkedAt: { color: tokens.colorNeutralForeground2 },
});

/**
 * The check's result: one sentence in a live region (announced whenever a check finishes, including the
 * re-checks after a command and live checks), the three counts to scan, and when it was checked.
 */
export function CheckSummary({ result }: { result: CheckResult | null }) {
  const styles = useStyles();
  return (
    <div>
      <div role="status" aria-live="polite" data-testid="checks-summary">
        {result && <Text weight="semibold">{summarySentence(result.report)}</Text>}
      </div>
      {result && (
        <>
          <div className={styles.counts} aria-hidden="true">
            <Tile
              n={result.report.summary.errors}
              word={result.report.summary.errors === 1 ? "error" : "errors"}
              kind="error"
            />
            <Tile
              n={result.report.summary.warnings}
              word={result.report.summary.warnings === 1 ? "warning" : "warnings"}
              kind="warning"
            />
            <Tile n={result.report.summary.info} word="for information" kind="info" />
          </div>
          <Text size={200} className={styles.checkedAt} data-testid="checked-at">
            Checked at {timeOfDay(result.checkedAt)}
          </Text>
        </>
      )}
    </div>
  );
}

function Tile({ n, word, kind }: { n: number; word: string; kind: "error" | "warning" | "info" }) {
  const styles = useStyles();
  return (
    <span className={mergeClasses(styles.tile, styles[kind])}>
      <span className={styles.number}>{n}</span>
      <span className={styles.word}>{word}</span>
    </span>
  );
}
