import {
  Badge,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { InspectionSheetsReport } from "../../commands/createInspectionSheets";
import type { Confidence } from "../../domain/framework";
import type { Milestone } from "../../domain/timeline";
import { serialDate, serialTime, serialWeekday } from "../../domain/dates";
import { isoDateTime } from "../inspection/dateFields";
import { onsiteMilestone } from "../../commands/inspectionForm";

const useStyles = makeStyles({
  heading: { ...typographyStyles.body1Strong, margin: 0, marginTop: tokens.spacingVerticalXS },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  /** A milestone whose rule nobody has confirmed against the published framework. */
  unconfirmed: { borderLeftColor: tokens.colorPaletteMarigoldBorderActive },
  when: { ...typographyStyles.body1Strong, fontVariantNumeric: "tabular-nums" },
  weekday: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  label: { overflowWrap: "anywhere" },
  flagLine: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

const FLAGS: Record<Confidence, string | null> = {
  confirmed: null,
  "partly-confirmed": "Partly confirmed",
  unconfirmed: "Not confirmed",
};

/** The inspection's milestones in date order, each flagged where its rule is not confirmed. */
export function MilestoneList({ report }: { report: InspectionSheetsReport }) {
  const styles = useStyles();
  const onsite = onsiteMilestone(report.milestones);
  const milestones = [...report.milestones].sort((a, b) => a.when - b.when);
  return (
    <>
      <h3 className={styles.heading}>Milestones</h3>
      {report.onsiteEstimated && onsite && (
        <MessageBar intent="warning" layout="multiline" data-testid="onsite-estimate">
          <MessageBarBody>
            <MessageBarTitle>The on-site start is an estimate</MessageBarTitle>
            {estimateText(onsite)} When inspectors give you the date, enter it as the on-site start and create the
            sheets again.
          </MessageBarBody>
        </MessageBar>
      )}
      <ol className={styles.list} data-testid="milestones">
        {milestones.map((milestone, i) => {
          const flag = FLAGS[milestone.confidence];
          const estimate = report.onsiteEstimated && milestone === onsite;
          return (
            <li
              key={i}
              className={mergeClasses(styles.item, (flag !== null || estimate) && styles.unconfirmed)}
              data-testid="milestone"
              data-confidence={milestone.confidence}
            >
              <span className={styles.when}>
                <time dateTime={isoDateTime(milestone.when, milestone.timed)}>
                  {serialDate(milestone.when)}
                  {milestone.timed ? ` ${serialTime(milestone.when)}` : ""}
                </time>{" "}
                <span className={styles.weekday}>{serialWeekday(milestone.when)}</span>
              </span>
              <Text className={styles.label}>{milestone.label}</Text>
              <span className={styles.flagLine}>
                {estimate && (
                  <Badge appearance="tint" color="warning" shape="rounded" data-testid="estimate-flag">
                    Estimate
                  </Badge>
                )}
                {flag && (
                  <Badge appearance="tint" color="warning" shape="rounded">
                    {flag}
                  </Badge>
                )}
                <Text size={200} className={styles.note}>
                  {milestone.note}
                </Text>
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** "Inspectors arrive on site on Tuesday 03/12/2026 at 09:00, by our estimate (5 working days after notification)." */
function estimateText(onsite: Milestone): string {
  const rule = onsite.note
    .replace(/^estimate:\s*/, "")
    .split(";")[0]!
    .trim();
  return `Inspectors arrive on site on ${serialWeekday(onsite.when)} ${serialDate(onsite.when)} at ${serialTime(onsite.when)}, by our estimate${rule ? ` (${rule})` : ""}.`;
}
