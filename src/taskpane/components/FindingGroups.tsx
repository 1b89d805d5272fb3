import { Badge, Button, Link, Text, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { forwardRef, useId, useState } from "react";
import type { Finding } from "../../commands/validateWorkbook";
import type { Severity } from "../../domain/validation/rules";
import { cellName } from "../wording";
import {
  SEVERITY_LABELS,
  findingText,
  groupFindings,
  type FindingGroup,
  type ListedFinding,
} from "../checks/findingGroups";

/** Findings listed per group before "Show all": enough to act on, short enough for a narrow pane. */
const FIRST_SHOWN = 10;

const BADGE_COLOURS: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export const useFindingStyles = makeStyles({
  /** A heading the pane moves focus to when the row the user acted on has gone from the list. */
  subheading: { ...typographyStyles.body1Strong, margin: 0, marginTop: tokens.spacingVerticalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // The label wraps beside its badge rather than dropping under it in a narrow pane.
  groupHeading: {
    ...typographyStyles.body1Strong,
    margin: 0,
  },
  badge: { marginRight: tokens.spacingHorizontalS, verticalAlign: "text-bottom" },
  count: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  row: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  cell: { fontWeight: tokens.fontWeightSemibold, textAlign: "left", overflowWrap: "anywhere" },
  text: { overflowWrap: "anywhere", maxWidth: "100%" },
  groupActions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  fixNote: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface FindingGroupsProps {
  findings: readonly Finding[];
  busy: boolean;
  onGoTo: (sheet: string, cell: string) => void;
  onFix: (findings: Finding[], groupLabel?: string) => void;
}

/** The findings under the label of their rule, errors first; each one goes to its cell, and may be fixed. */
export const FindingGroups = forwardRef<HTMLHeadingElement, FindingGroupsProps>(function FindingGroups(props, heading) {
  const styles = useFindingStyles();
  const groups = groupFindings(props.findings);
  return (
    <>
      <h3 className={styles.subheading} ref={heading} tabIndex={-1}>
        Findings
      </h3>
      {groups.length === 0 ? (
        <Text size={200}>None: every plan passes every check.</Text>
      ) : (
        groups.map((group) => (
          <FindingGroupView
            key={group.rule}
            group={group}
            busy={props.busy}
            onGoTo={props.onGoTo}
            onFix={props.onFix}
          />
        ))
      )}
    </>
  );
});

export interface FindingGroupViewProps<F extends ListedFinding> {
  group: FindingGroup<F>;
  busy: boolean;
  onGoTo: (sheet: string, cell: string) => void;
  /** Applies fixes one at a time or a group at once; without it, each fix is only described. */
  onFix?: (findings: F[], groupLabel?: string) => void;
}

/** One rule's findings under its label and severity, each going to its cell; the first ten, then all on request. */
export function FindingGroupView<F extends ListedFinding>({ group, busy, onGoTo, onFix }: FindingGroupViewProps<F>) {
  const styles = useFindingStyles();
  const headingId = useId();
  const [all, setAll] = useState(false);
  const shown = all ? group.findings : group.findings.slice(0, FIRST_SHOWN);
  const hidden = group.findings.length - shown.length;
  return (
    <section
      className={styles.group}
      aria-labelledby={headingId}
      data-testid="finding-group"
      data-rule={group.rule}
      data-count={group.findings.length}
    >
      <h4 id={headingId} className={styles.groupHeading}>
        <Badge appearance="tint" color={BADGE_COLOURS[group.severity]} shape="rounded" className={styles.badge}>
          {SEVERITY_LABELS[group.severity]}
        </Badge>
        {group.label} <span className={styles.count}>({group.findings.length})</span>
      </h4>
      <ul className={styles.list}>
        {shown.map((finding, i) => (
          <FindingRow key={`${cellName(finding)}-${i}`} finding={finding} busy={busy} onGoTo={onGoTo} onFix={onFix} />
        ))}
      </ul>
      {(hidden > 0 || (onFix && group.fixable.length > 1)) && (
        <div className={styles.groupActions}>
          {hidden > 0 && (
            <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
              Show all {group.findings.length}
            </Button>
          )}
          {onFix && group.fixable.length > 1 && (
            <Button
              size="small"
              onClick={() => onFix(group.fixable, group.label)}
              disabledFocusable={busy}
              aria-label={`Fix all that have a suggestion (${group.fixable.length}) under “${group.label}”`}
            >
              Fix all that have a suggestion ({group.fixable.length})
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function FindingRow<F extends ListedFinding>({
  finding,
  busy,
  onGoTo,
  onFix,
}: { finding: F } & Omit<FindingGroupViewProps<F>, "group">) {
  const styles = useFindingStyles();
  const messageId = useId();
  const where = cellName(finding);
  return (
    <li className={styles.row} data-testid="finding" data-cell={where}>
      <Link
        as="button"
        className={styles.cell}
        onClick={() => onGoTo(finding.sheet, finding.cell)}
        aria-describedby={messageId}
        title="Go to the cell"
      >
        {where}
      </Link>
      <Text size={200} id={messageId} className={styles.text}>
        {findingText(finding)}
      </Text>
      {finding.fix &&
        (onFix ? (
          <Button
            size="small"
            onClick={() => onFix([finding])}
            disabledFocusable={busy}
            aria-label={`${finding.fix.label} (${where})`}
          >
            {finding.fix.label}
          </Button>
        ) : (
          <Text size={200} className={styles.fixNote}>
            Can be fixed: {lowerFirst(finding.fix.label)}
          </Text>
        ))}
    </li>
  );
}

/** "Change to a) Male" → "change to a) Male", after a colon. */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
