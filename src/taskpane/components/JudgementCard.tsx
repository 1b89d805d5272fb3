import { Badge, Text, makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { useId } from "react";
import type { Framework } from "../../domain/framework";
import type { JudgementProjection, PathStep, Reason } from "../../domain/projection/project";
import { CONFIDENCE_WORDS, KIND_WORDS, gradeTone, percent, readReason, scoreText } from "../projection/projectionWords";
import { CellLink } from "./GoToCell";

export const useCardStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    minWidth: 0,
  },
  overall: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  kind: { color: tokens.colorNeutralForeground2 },
  name: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: "anywhere" },
  gradeLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  grade: { maxWidth: "100%", height: "auto", minHeight: "24px", whiteSpace: "normal", textAlign: "left" },
  figures: { color: tokens.colorNeutralForeground2 },
  subheading: { ...typographyStyles.caption1Strong, margin: 0, marginTop: tokens.spacingVerticalXS },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  /** A reason that rests on a rule nobody has confirmed against the published framework. */
  caution: {
    listStyleType: "none",
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalL})`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
  },
  cautionBadge: { marginRight: tokens.spacingHorizontalXS },
  cells: {
    display: "inline-flex",
    flexWrap: "wrap",
    gap: `0 ${tokens.spacingHorizontalS}`,
    marginLeft: tokens.spacingHorizontalXS,
  },
  step: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS },
  link: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  none: { color: tokens.colorNeutralForeground2 },
});

export interface JudgementCardProps {
  judgement: JudgementProjection;
  framework: Framework | undefined;
  /** The target's label: "Good". */
  target: string;
  refs: Readonly<Record<string, string>>;
  onGoTo: (sheet: string, cell: string) => void;
}

/** One judgement's projection: its grade, how sure, why, and what must improve to reach the target. */
export function JudgementCard({ judgement, framework, target, refs, onGoTo }: JudgementCardProps) {
  const styles = useCardStyles();
  const nameId = useId();
  const tone = gradeTone(framework, judgement.gradeId, target);
  return (
    <article
      className={styles.card}
      aria-labelledby={nameId}
      data-testid="judgement-card"
      data-judgement={judgement.id}
    >
      <Text size={200} className={styles.kind}>
        {KIND_WORDS[judgement.kind]}
      </Text>
      <h3 id={nameId} className={styles.name}>
        {judgement.name}
      </h3>
      <div className={styles.gradeLine}>
        <Badge appearance="filled" color={tone} size="large" className={styles.grade} data-testid="projected-grade">
          {judgement.grade ?? "Insufficient evidence"}
        </Badge>
        <Text size={200} data-testid="projected-confidence">
          {CONFIDENCE_WORDS[judgement.confidence]}
        </Text>
      </div>
      <Text size={200} className={styles.figures} data-testid="projected-figures">
        Score {scoreText(judgement.score)} (1 to 4) · Coverage {percent(judgement.coverage)}
      </Text>
      <Reasons reasons={judgement.reasons} refs={refs} onGoTo={onGoTo} />
      <h4 className={styles.subheading}>To reach {target}</h4>
      <Path steps={judgement.pathToTarget} reached={tone === "success"} target={target} onGoTo={onGoTo} />
    </article>
  );
}

export function Reasons({
  reasons,
  refs,
  onGoTo,
}: {
  reasons: readonly Reason[];
  refs: Readonly<Record<string, string>>;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const styles = useCardStyles();
  return (
    <>
      <h4 className={styles.subheading}>Why</h4>
      <ul className={styles.list}>
        {reasons.map((reason, i) => {
          const { text, unconfirmed } = readReason(reason);
          return (
            <li
              key={i}
              className={mergeClasses(unconfirmed && styles.caution)}
              data-testid="reason"
              data-unconfirmed={unconfirmed || undefined}
            >
              {unconfirmed && (
                <Badge appearance="tint" color="warning" shape="rounded" className={styles.cautionBadge}>
                  Unconfirmed rule
                </Badge>
              )}
              {text}
              {reason.cells.length > 0 && (
                <span className={styles.cells}>
                  {reason.cells.map((cell) => (
                    <CellLink key={cell} cell={cell} text={refs[cell]} onGoTo={onGoTo} className={styles.link} />
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function Path({
  steps,
  reached,
  target,
  onGoTo,
}: {
  steps: readonly PathStep[];
  reached: boolean;
  target: string;
  onGoTo: (sheet: string, cell: string) => void;
}) {
  const styles = useCardStyles();
  if (steps.length === 0) {
    return (
      <Text size={200} className={styles.none} data-testid="path-none">
        {reached
          ? `Already projected at ${target} or better.`
          : "No steps found: the workbook's RAG scale has no status that means on track."}
      </Text>
    );
  }
  return (
    <ol className={styles.list} data-testid="path">
      {steps.map((step) => (
        <li key={step.ref} data-testid="path-step" data-ref={step.ref}>
          <span className={styles.step}>
            {step.cell ? (
              <CellLink cell={step.cell} text={step.ref} onGoTo={onGoTo} className={styles.link} />
            ) : (
              <strong>{step.ref}</strong>
            )}
            <span>
              {step.from ?? "no position"} → {step.to}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
