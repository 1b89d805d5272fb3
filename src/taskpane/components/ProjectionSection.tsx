import {
  Badge,
  Body1Strong,
  Button,
  Field,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Framework } from "../../domain/framework";
import { projectionSettings } from "../../domain/projection/project";
import { timeOfDay } from "../checks/today";
import { writeSummaryCommand } from "../projection/projectionCommands";
import { gradeTone, gradesBestFirst, scoreText } from "../projection/projectionWords";
import { useProjection } from "../projection/useProjection";
import { PlanAreas } from "./PlanAreas";
import type { SessionStatus, WorkbookSession } from "../useWorkbookSession";
import type { WorkbookFacts } from "../../commands/workbookFacts";
import type { PaneStateHandle } from "../workbook/usePaneState";
import { count } from "../wording";
import { GoToProblem, useGoTo } from "./GoToCell";
import { JudgementCard, Reasons, useCardStyles } from "./JudgementCard";
import { RagChart } from "./RagChart";
import { ProblemBar } from "./ProblemBar";
import { StatusMessage } from "./StatusMessage";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  controls: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  target: { minWidth: "12em", flexGrow: 1 },
  cards: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  projectedAt: { color: tokens.colorNeutralForeground2 },
});

export interface ProjectionSectionProps {
  session: WorkbookSession;
  /** Every framework the pane knows (built in and loaded), to find the self-evaluation's. */
  frameworks: readonly Framework[];
  /** The framework chosen under "Create a plan", for the target's grades before the workbook has one. */
  fallbackFramework: Framework | undefined;
  facts: WorkbookFacts;
  /** The workbook's state as the pane last read it, which the projection is a part of. */
  workbookState: PaneStateHandle;
  goToCell: (sheet: string, cell: string) => Promise<void>;
  onShowSheet: (sheet: string) => void;
  preview: boolean;
  claimStatus: () => void;
  status: SessionStatus | null;
  working: boolean;
}

/**
 * "Projected judgements": each judgement's projected grade from the self-evaluation's positions (nothing
 * written), why, and the fewest criteria to improve to reach the target; then the Summary sheet that
 * keeps the same projection in the workbook as formulas.
 */
export function ProjectionSection(props: ProjectionSectionProps) {
  const { session, frameworks, facts } = props;
  const styles = useStyles();
  const card = useCardStyles();
  const pane = usePaneStyles();
  const ids = { detail: useId(), write: useId(), overall: useId() };
  const [chosen, setChosen] = useState<{ framework: string; grade: string } | null>(null);
  const goTo = useGoTo(props.goToCell);

  const find = (id: string | null | undefined) => (id ? frameworks.find((f) => f.id === id) : undefined);
  // The framework whose grades the target picker offers: the last projection's, else the self-evaluation's.
  const [projectedFramework, setProjectedFramework] = useState<string | null>(null);
  const framework = find(projectedFramework) ?? find(facts.selfEvaluationFramework) ?? props.fallbackFramework;
  const target = framework && chosen?.framework === framework.id ? chosen.grade : null;
  const projection = useProjection(props.workbookState, target, setProjectedFramework);
  const result = projection.result;
  const view = result?.view;
  const shownFramework = find(view?.projection.framework.id) ?? framework;

  const write = async () => {
    props.claimStatus();
    const report = await session.run(
      writeSummaryCommand({
        resolve: (id) => frameworks.find((f) => f.id === id),
        ...(target ? { target } : {}),
      }),
    );
    if (report) props.onShowSheet(report.sheet);
  };

  const overallName = shownFramework?.judgements.find((j) => j.kind === "overall")?.name ?? "Overall judgement";
  return (
    <>
      <Text id={ids.detail} className={pane.detail}>
        Projects each judgement&apos;s grade from the positions in the self-evaluation (or, without one, the RAG ratings
        in the action plan), says why, and lists the fewest criteria to improve to reach the target. The method is ours,
        not the inspectorate&apos;s. Nothing in the workbook changes.
      </Text>
      <div className={styles.controls}>
        {framework && (
          <Field label="Target grade" className={styles.target}>
            <Select
              value={target ?? projectionSettings(framework).target}
              onChange={(_, data) => setChosen({ framework: framework.id, grade: data.value })}
              disabled={session.busy}
            >
              {gradesBestFirst(framework).map((grade) => (
                <option key={grade.id} value={grade.id}>
                  {grade.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <div className={pane.actions}>
          <Button
            appearance="primary"
            onClick={projection.project}
            disabledFocusable={session.busy}
            aria-describedby={ids.detail}
          >
            Project
          </Button>
          {projection.projecting && <Spinner size="tiny" label="Projecting…" labelPosition="after" />}
        </div>
      </div>
      <ProblemBar
        title="The judgements could not be projected"
        problem={projection.problem}
        testId="projection-problem"
      />
      <div role="status" aria-live="polite" data-testid="projection-summary">
        {view &&
          (view.projection.judgements.length > 0 ? (
            <Text weight="semibold">
              Projected {count(view.projection.judgements.length, "judgement")} against the target{" "}
              {view.projection.target}
              {view.projection.overall.applies
                ? `: overall ${view.projection.overall.grade ?? "insufficient evidence"}.`
                : "; no overall grade."}
            </Text>
          ) : (
            <Text weight="semibold">{view.projection.overall.reasons[0]?.text}</Text>
          ))}
      </div>
      {result && (
        <Text size={200} className={styles.projectedAt} data-testid="projected-at">
          Projected at {timeOfDay(result.projectedAt)} from{" "}
          {view!.projection.framework.id ? view!.projection.framework.name : "the plan's own themes"}
        </Text>
      )}
      <GoToProblem goTo={goTo} testId="projection-goto-problem" />
      {view && (
        <PlanAreas
          session={session}
          projection={view.projection}
          frameworks={frameworks}
          onGoTo={goTo.goTo}
          claimStatus={props.claimStatus}
        />
      )}
      {view && (
        <div className={styles.cards}>
          {view.projection.judgements.map((judgement) => (
            <JudgementCard
              key={judgement.id}
              judgement={judgement}
              framework={shownFramework}
              target={view.projection.target}
              refs={view.refs}
              onGoTo={goTo.goTo}
            />
          ))}
          {view.projection.overall.applies && (
            <article
              className={mergeClasses(card.card, card.overall)}
              aria-labelledby={ids.overall}
              data-testid="overall-card"
            >
              <Text size={200} className={card.kind}>
                Overall
              </Text>
              <h3 id={ids.overall} className={card.name}>
                {overallName}
              </h3>
              <div className={card.gradeLine}>
                <Badge
                  appearance="filled"
                  color={gradeTone(shownFramework, view.projection.overall.gradeId, view.projection.target)}
                  size="large"
                  className={card.grade}
                  data-testid="projected-grade"
                >
                  {view.projection.overall.grade ?? "Insufficient evidence"}
                </Badge>
              </div>
              <Text size={200} className={card.figures}>
                Score {scoreText(view.projection.overall.score)} (1 to 4)
              </Text>
              <Reasons reasons={view.projection.overall.reasons} refs={view.refs} onGoTo={goTo.goTo} />
            </article>
          )}
          <RagChart judgements={view.projection.judgements} vocabulary={view.vocabulary} />
        </div>
      )}
      <Body1Strong as="h3" className={pane.subheading}>
        Summary sheet in the workbook
      </Body1Strong>
      <Text size={200} id={ids.write} className={pane.detail}>
        Writes a Summary sheet whose formulas work out the same counts, scores and grades, so the projection moves when
        someone changes a position, with no add-in running; in Excel the sheet also has a chart of the counts.
        {props.preview && " The preview shows the formulas as written; Excel and LibreOffice work them out."}
      </Text>
      <div className={pane.actions}>
        <Button onClick={write} disabledFocusable={session.busy} aria-describedby={ids.write}>
          Write the Summary sheet
        </Button>
        {props.working && <Spinner size="tiny" label="Working…" labelPosition="after" />}
      </div>
      <StatusMessage status={props.status} onDismiss={session.clearStatus} testId="status-write-summary" />
    </>
  );
}
