import {
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { chooseArea, choosePlanFramework, planChoicesQuery } from "../../commands/planChoices";
import type { ProjectReport } from "../../commands/projectWorkbook";
import type { Framework } from "../../domain/framework";
import type { WorkbookSession } from "../useWorkbookSession";
import { count, quoted } from "../wording";
import { CellLink } from "./GoToCell";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  areas: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  unmatched: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  table: { tableLayout: "auto" },
});

export interface PlanAreasProps {
  session: WorkbookSession;
  projection: ProjectReport;
  frameworks: readonly Framework[];
  onGoTo: (sheet: string, cell: string) => void;
  claimStatus: () => void;
}

/**
 * For a projection from an action plan: which judgement each of the plan's areas was matched to (and a
 * way to correct it, kept with the plan), the actions that match none, and — for a plan that answers no
 * framework — its themes' RAG counts and a way to say which framework it answers.
 */
export function PlanAreas({ session, projection, frameworks, onGoTo, claimStatus }: PlanAreasProps) {
  const styles = useStyles();
  const pane = usePaneStyles();
  const frameworkFieldId = useId();
  const { source } = projection;
  if (source.kind !== "action-plan") return null;
  const framework = frameworks.find((f) => f.id === projection.framework.id);
  const graded = framework?.judgements.filter((j) => j.kind !== "overall") ?? [];

  const choose = (area: string, judgement: string) => {
    claimStatus();
    void session.run({
      query: planChoicesQuery,
      plan: (snapshot) => chooseArea(snapshot, source.table, area, judgement === "" ? null : judgement),
      describe: () =>
        `${quoted(area)} now stands for ${graded.find((j) => j.id === judgement)?.name ?? "no judgement"} in ${quoted(source.sheet)}.`,
      failure: `Could not match ${quoted(area)}`,
    });
  };

  const answer = (id: string) => {
    const chosen = frameworks.find((f) => f.id === id);
    if (!chosen) return;
    claimStatus();
    void session.run({
      query: planChoicesQuery,
      plan: (snapshot) => choosePlanFramework(snapshot, source.table, chosen),
      describe: () => `${quoted(source.sheet)} is projected against ${chosen.name} from now on.`,
      failure: "Could not choose the framework",
    });
  };

  return (
    <section className={styles.areas} data-testid="plan-areas">
      <Text size={200} className={pane.detail}>
        From the action plan {quoted(source.sheet)}. {projection.method ?? ""}
      </Text>
      {!framework && (
        <Field
          label="The framework this plan answers"
          hint="Its areas are then matched to that framework's judgements, and grades projected."
          id={frameworkFieldId}
        >
          <Select value="" onChange={(_, data) => answer(data.value)} disabled={session.busy}>
            <option value="">Choose a framework…</option>
            {frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {(projection.matches ?? []).length > 0 && (
        <Table size="small" aria-label="The plan's areas and the judgements they stand for" className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Area in the plan</TableHeaderCell>
              <TableHeaderCell>Stands for</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(projection.matches ?? []).map((match) => (
              <TableRow key={match.area} data-testid="area-match">
                <TableCell>
                  {match.area} ({count(match.rows, "row")})
                </TableCell>
                <TableCell>
                  <Select
                    aria-label={`Judgement for ${match.area}`}
                    value={match.judgement ?? ""}
                    onChange={(_, data) => choose(match.area, data.value)}
                    disabled={session.busy}
                  >
                    <option value="">No judgement</option>
                    {graded.map((j) => (
                      <option key={j.id} value={j.id}>
                        {j.name}
                      </option>
                    ))}
                  </Select>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {(projection.unmatched ?? []).length > 0 && (
        <div data-testid="unmatched-actions">
          <Text size={200}>
            {count(projection.unmatched!.length, "action")}{" "}
            {projection.unmatched!.length === 1 ? "matches no judgement and is" : "match no judgement and are"} not in
            the grades:
          </Text>
          <div className={styles.unmatched}>
            {projection.unmatched!.map((u) => (
              <CellLink key={u.cell} cell={u.cell} text={u.ref ?? undefined} onGoTo={onGoTo} />
            ))}
          </div>
        </div>
      )}
      {projection.judgements.length === 0 && (projection.themes ?? []).length > 0 && (
        <Table size="small" aria-label="The plan's themes by RAG" data-testid="plan-themes">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Theme</TableHeaderCell>
              <TableHeaderCell>RAG</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {projection.themes!.map((theme) => (
              <TableRow key={theme.name}>
                <TableCell>{theme.name}</TableCell>
                <TableCell>
                  {Object.entries(theme.counts)
                    .filter(([, n]) => n > 0)
                    .map(([label, n]) => `${label} ${n}`)
                    .join(", ")}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
