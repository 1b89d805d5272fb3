import type { Criterion, Framework, Judgement, ProjectionSettings } from "../framework";
import { statusOf, type RagConcept, type RagStatus } from "../rag";
import type { CellValue } from "../validation/planRow";

/**
 * Projecting a judgement's grade from the self-evaluation. Our method (the inspectorates publish none),
 * stated here and in each framework's data so a council can see and change it:
 * - each criterion's position scores 1–4: RAG by what it means (complete 4, on track 3, amber/green 2.5,
 *   at risk 2, off track 1; not started counts as no position), or a grade on the framework's scale,
 *   spread evenly from 1 (lowest grade) to 4 (highest);
 * - a judgement's score is the weighted mean of its criteria's scores; below the coverage threshold it
 *   has no grade ("insufficient evidence");
 * - the score picks a grade: rank = 1 + floor((score − 1) × (grades − 1) / 3 + 0.25), so on Ofsted's
 *   four-point scale 3.75+ is Outstanding, 2.75+ Good, 1.75+ Requires improvement;
 * - a critical criterion off track caps its judgement at the framework's critical cap;
 * - the overall judgement is the mean of its key judgements' scores, then the framework's linking rules
 *   that always apply; rules that only may apply are given as reasons.
 */

/** A position scores from the lowest grade's 1 to the highest grade's 4. */
export const LOWEST_SCORE = 1;
export const HIGHEST_SCORE = 4;
/** Added before a score is floored to a rank, so a score a quarter-step below a grade still reaches it. */
export const RANK_OFFSET = 0.25;
/** Scores are rounded to 6 decimal places (the workbook's ROUND(…, 6)) so both pick the same grade. */
export const SCORE_DECIMALS = 6;

export const CONCEPT_SCORES: Record<RagConcept, number | null> = {
  complete: HIGHEST_SCORE,
  "awaiting-sign-off": HIGHEST_SCORE,
  "on-track": 3,
  "amber-green": 2.5,
  "at-risk": 2,
  "off-track": LOWEST_SCORE,
  "not-started": null,
};

export interface Position {
  value: CellValue;
  /** Where the position is, e.g. "Self-evaluation!D5", for reasons. */
  cell: string;
}

export interface Reason {
  text: string;
  cells: string[];
  /** The reason rests on a linking rule no source confirms (its text ends "(unconfirmed rule)"). */
  unconfirmed?: boolean;
}

export interface PathStep {
  ref: string;
  cell: string | null;
  from: string | null;
  to: string;
}

export interface JudgementProjection {
  id: string;
  name: string;
  kind: Judgement["kind"];
  grade: string | null;
  gradeId: string | null;
  confidence: "high" | "medium" | "low" | "insufficient";
  score: number | null;
  coverage: number;
  counts: Record<string, number>;
  reasons: Reason[];
  pathToTarget: PathStep[];
}

export interface Projection {
  framework: { id: string; version: string; name: string };
  target: string;
  judgements: JudgementProjection[];
  /**
   * The overall judgement. `applies` is false where the framework has none (ILACS from April 2026, the
   * Care Inspectorate's quality indicators): then there is never a grade, and the reason says why.
   */
  overall: {
    applies: boolean;
    grade: string | null;
    gradeId: string | null;
    score: number | null;
    reasons: Reason[];
  };
}

/** The scale's grades from lowest to highest: rank 1 first, as scores and the Summary sheet's INDEX count them. */
export function gradesByRank(framework: Framework): Framework["scale"]["grades"] {
  return [...framework.scale.grades].sort((a, b) => a.rank - b.rank);
}

/** The projection settings a framework states, or ours for a framework that states none. */
export function projectionSettings(framework: Framework): ProjectionSettings {
  if (framework.projection) return framework.projection;
  const byRank = gradesByRank(framework);
  const good = byRank.find((g) => g.id === "good") ?? byRank[Math.ceil(byRank.length * 0.75) - 1]!;
  return {
    coverageThreshold: 0.5,
    criticalCap: byRank[Math.floor(byRank.length / 2) - 1]!.id,
    target: good.id,
    confidence: "unconfirmed",
    sources: framework.scale.sources,
  };
}

export function roundScore(score: number): number {
  const scale = 10 ** SCORE_DECIMALS;
  return Math.round(score * scale) / scale;
}

/** The rank (1 = lowest grade) a score picks on a scale of `grades` grades. */
export function rankFromScore(score: number, grades: number): number {
  const span = HIGHEST_SCORE - LOWEST_SCORE;
  const rank = 1 + Math.floor(roundScore(((score - LOWEST_SCORE) * (grades - 1)) / span + RANK_OFFSET));
  return Math.min(grades, Math.max(1, rank));
}

/** The score of a grade given as a position: the scale's grades spread evenly over the score range. */
export function gradeScore(index: number, grades: number): number {
  return grades === 1 ? HIGHEST_SCORE : LOWEST_SCORE + ((HIGHEST_SCORE - LOWEST_SCORE) * index) / (grades - 1);
}

interface Scale {
  byRank: Framework["scale"]["grades"];
  rankOf: (id: string) => number;
  labelOfRank: (rank: number) => string;
  idOfRank: (rank: number) => string;
}

function scaleOf(framework: Framework): Scale {
  const byRank = gradesByRank(framework);
  return {
    byRank,
    rankOf: (id) => byRank.findIndex((g) => g.id === id) + 1,
    labelOfRank: (rank) => byRank[rank - 1]!.label,
    idOfRank: (rank) => byRank[rank - 1]!.id,
  };
}

/** A position's score, or null for no position (blank, not started, or text we do not recognise). */
export function positionScore(value: CellValue, vocabulary: readonly RagStatus[], framework: Framework): number | null {
  const status = statusOf(value, vocabulary);
  if (status) return CONCEPT_SCORES[status.concept];
  if (typeof value !== "string") return null;
  const scale = scaleOf(framework);
  const index = scale.byRank.findIndex((g) => g.label.toLowerCase() === value.toLowerCase());
  if (index < 0) return null;
  return gradeScore(index, scale.byRank.length);
}

interface Scored {
  criterion: Criterion;
  position: Position | undefined;
  score: number | null;
  weight: number;
}

export function project(
  framework: Framework,
  positions: Map<string, Position>,
  vocabulary: readonly RagStatus[],
  targetGradeId?: string,
): Projection {
  const settings = projectionSettings(framework);
  const scale = scaleOf(framework);
  const target = targetGradeId ?? settings.target;
  if (scale.rankOf(target) === 0) throw new RangeError(`The scale has no grade "${target}"`);
  const offTrack = vocabulary.find((s) => s.concept === "off-track");
  const onTrack = vocabulary.find((s) => s.concept === "on-track");
  const complete = vocabulary.find((s) => s.concept === "complete");

  const judgements = framework.judgements
    .filter((j) => j.kind !== "overall")
    .map((judgement) => {
      const scored: Scored[] = judgement.criteria.map((criterion) => {
        const position = positions.get(criterion.ref.toLowerCase());
        return {
          criterion,
          position,
          score: position ? positionScore(position.value, vocabulary, framework) : null,
          weight: criterion.weight ?? 1,
        };
      });
      const result = gradeJudgement(scored, settings, scale, vocabulary);
      const projection: JudgementProjection = {
        id: judgement.id,
        name: judgement.name,
        kind: judgement.kind,
        ...result,
        counts: countPositions(scored, vocabulary, scale),
        pathToTarget: pathTo(scale.rankOf(target), scored, settings, scale, vocabulary, {
          offTrack,
          onTrack,
          complete,
        }),
      };
      return projection;
    });

  // Linking rules between judgements other than the overall one: always-rules cap, may-rules explain.
  for (const rule of framework.linkingRules) {
    if (!rule.effect) continue;
    const triggered = triggeredBy(rule, judgements, scale);
    const capped = judgements.find((j) => j.id === rule.effect!.cap.judgement);
    if (triggered.length === 0 || !capped) continue;
    const names = triggered.map((j) => `${j.name} is ${j.grade}`).join("; ");
    if (
      rule.effect.certainty === "always" &&
      capped.gradeId &&
      scale.rankOf(capped.gradeId) > scale.rankOf(rule.effect.cap.grade)
    ) {
      capped.gradeId = rule.effect.cap.grade;
      capped.grade = scale.labelOfRank(scale.rankOf(rule.effect.cap.grade));
      capped.reasons.push(ruleReason(`${names}: ${rule.description}`, rule));
    } else if (rule.effect.certainty === "may") {
      capped.reasons.push(ruleReason(`${names}: this may limit the judgement. ${rule.description}`, rule));
    }
  }

  return {
    framework: { id: framework.id, version: framework.version, name: framework.name },
    target: scale.labelOfRank(scale.rankOf(target)),
    judgements,
    overall: projectOverall(framework, judgements, scale),
  };
}

function gradeJudgement(
  scored: Scored[],
  settings: ProjectionSettings,
  scale: Scale,
  vocabulary: readonly RagStatus[],
) {
  const totalWeight = scored.reduce((sum, s) => sum + s.weight, 0);
  const withPosition = scored.filter((s) => s.score !== null);
  const positionWeight = withPosition.reduce((sum, s) => sum + s.weight, 0);
  const coverage = totalWeight === 0 ? 0 : positionWeight / totalWeight;
  const reasons: Reason[] = [];
  // The score is shown whenever any criterion has a position; the grade needs enough of them.
  const score =
    withPosition.length === 0
      ? null
      : roundScore(withPosition.reduce((sum, s) => sum + s.score! * s.weight, 0) / positionWeight);
  if (score === null || coverage < settings.coverageThreshold) {
    reasons.push({
      text: `Insufficient evidence: ${withPosition.length} of ${scored.length} criteria have a position (${Math.round(coverage * 100)}%; ${Math.round(settings.coverageThreshold * 100)}% needed)`,
      cells: [],
    });
    return { grade: null, gradeId: null, confidence: "insufficient" as const, score, coverage, reasons };
  }
  let rank = rankFromScore(score, scale.byRank.length);
  reasons.push({
    text: `Score ${score.toFixed(2)} from ${withPosition.length} of ${scored.length} criteria: ${scale.labelOfRank(rank)}`,
    cells: withPosition.map((s) => s.position!.cell),
  });
  const capRank = scale.rankOf(settings.criticalCap);
  for (const s of scored) {
    if (!s.criterion.critical || s.score === null || statusOf(s.position!.value, vocabulary)?.concept !== "off-track")
      continue;
    reasons.push({
      text: `${s.criterion.ref} is ${String(s.position!.value)} and critical: at best ${scale.labelOfRank(capRank)}`,
      cells: [s.position!.cell],
    });
    rank = Math.min(rank, capRank);
  }
  const confidence = coverage >= 0.9 ? ("high" as const) : coverage >= 0.7 ? ("medium" as const) : ("low" as const);
  return { grade: scale.labelOfRank(rank), gradeId: scale.idOfRank(rank), confidence, score, coverage, reasons };
}

function countPositions(scored: Scored[], vocabulary: readonly RagStatus[], scale: Scale): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(vocabulary.map((s) => [s.label, 0]));
  counts["No position"] = 0;
  for (const s of scored) {
    const status = s.position ? statusOf(s.position.value, vocabulary) : undefined;
    const grade =
      typeof s.position?.value === "string"
        ? scale.byRank.find((g) => g.label.toLowerCase() === String(s.position!.value).toLowerCase())
        : undefined;
    if (status) counts[status.label]!++;
    else if (grade) counts[grade.label] = (counts[grade.label] ?? 0) + 1;
    else counts["No position"]!++;
  }
  return counts;
}

/**
 * The fewest criteria whose positions must improve for the judgement to reach the target: critical
 * criteria off track first (they cap the grade whatever the score), then, while short of the target,
 * the criterion whose move to on track adds most (blank ones too, which add coverage), then to complete.
 */
function pathTo(
  targetRank: number,
  scored: Scored[],
  settings: ProjectionSettings,
  scale: Scale,
  vocabulary: readonly RagStatus[],
  statuses: { offTrack?: RagStatus; onTrack?: RagStatus; complete?: RagStatus },
): PathStep[] {
  if (!statuses.onTrack) return [];
  const working = scored.map((s) => ({ ...s }));
  const grade = new RunningGrade(working, settings, scale, vocabulary);
  const steps: PathStep[] = [];
  const move = (s: Scored, to: RagStatus) => {
    const from = s.position && s.score !== null ? String(s.position.value) : null;
    const existing = steps.find((step) => step.ref === s.criterion.ref);
    if (existing) existing.to = to.label;
    else steps.push({ ref: s.criterion.ref, cell: s.position?.cell ?? null, from, to: to.label });
    grade.move(s, CONCEPT_SCORES[to.concept]!, { value: to.label, cell: s.position?.cell ?? "" });
  };
  for (const s of working) {
    if (
      s.criterion.critical &&
      s.position &&
      statusOf(s.position.value, vocabulary)?.concept === "off-track" &&
      grade.rank() < targetRank
    ) {
      move(s, statuses.onTrack);
    }
  }
  for (const level of [statuses.onTrack, statuses.complete]) {
    if (!level) continue;
    const levelScore = CONCEPT_SCORES[level.concept]!;
    // A move's effect depends only on the criterion's score and weight: criteria alike in both are one
    // queue, in the order they are listed, and each step tries the first of each queue, not every one.
    const queues = candidateQueues(working, levelScore);
    while (grade.rank() < targetRank) {
      // The move that lifts the projection most (a blank criterion also lifts the coverage); of moves
      // that lift it as much, the first criterion listed.
      const insufficient = grade.insufficient();
      let best: { queue: CandidateQueue; value: number; order: number } | null = null;
      for (const queue of queues) {
        const candidate = queue.members[queue.next];
        if (!candidate) continue;
        const result = grade.ifMoved(candidate.s, levelScore);
        // Short of evidence, coverage counts first; with enough, the score does.
        const value = insufficient
          ? result.coverage * 100 + (result.score ?? 0)
          : (result.score ?? 0) * 100 + result.coverage;
        if (!best || value > best.value || (value === best.value && candidate.order < best.order)) {
          best = { queue, value, order: candidate.order };
        }
      }
      if (!best) break;
      move(best.queue.members[best.queue.next++]!.s, level);
    }
  }
  return steps;
}

interface CandidateQueue {
  members: { s: Scored; order: number }[];
  next: number;
}

/** The criteria a move to `levelScore` would lift, in queues of the same score and weight, each in list order. */
function candidateQueues(working: readonly Scored[], levelScore: number): CandidateQueue[] {
  const queues = new Map<string, CandidateQueue>();
  working.forEach((s, order) => {
    if (s.score !== null && s.score >= levelScore) return;
    const key = `${s.score}|${s.weight}`;
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = { members: [], next: 0 }));
    queue.members.push({ s, order });
  });
  return [...queues.values()];
}

/**
 * The sums gradeJudgement works from, kept up to date as the path moves criteria, so that trying a move
 * and grading after one cost the same whatever the number of criteria (the path re-graded every
 * criterion for every candidate of every step: 4,000 criteria took 48 s). It grades as gradeJudgement
 * does — the same weighted mean, coverage, threshold and critical cap — and as scores are whole and half
 * points, sums of them times the frameworks' weights come out the same in any order.
 */
class RunningGrade {
  private readonly totalWeight: number;
  private positionWeight = 0;
  private weightedSum = 0;
  private withPosition = 0;
  /** Critical criteria whose position is off track: each caps the grade. */
  private criticalOffTrack = 0;

  constructor(
    scored: readonly Scored[],
    private readonly settings: ProjectionSettings,
    private readonly scale: Scale,
    private readonly vocabulary: readonly RagStatus[],
  ) {
    this.totalWeight = scored.reduce((sum, s) => sum + s.weight, 0);
    for (const s of scored) this.count(s, 1);
  }

  /** The score and coverage were `s` moved to `score` (a position that is not off track). */
  ifMoved(s: Scored, score: number): { score: number | null; coverage: number } {
    const positionWeight = this.positionWeight + (s.score === null ? s.weight : 0);
    const weightedSum = this.weightedSum - (s.score ?? 0) * s.weight + score * s.weight;
    return {
      score: positionWeight === 0 ? null : roundScore(weightedSum / positionWeight),
      coverage: this.totalWeight === 0 ? 0 : positionWeight / this.totalWeight,
    };
  }

  move(s: Scored, score: number, position: Position): void {
    this.count(s, -1);
    s.score = score;
    s.position = position;
    this.count(s, 1);
  }

  /** Too few criteria have a position for a grade. */
  insufficient(): boolean {
    const coverage = this.totalWeight === 0 ? 0 : this.positionWeight / this.totalWeight;
    return this.withPosition === 0 || coverage < this.settings.coverageThreshold;
  }

  /** The grade's rank now (1 = lowest), or 0 without a grade. */
  rank(): number {
    if (this.insufficient()) return 0;
    const rank = rankFromScore(roundScore(this.weightedSum / this.positionWeight), this.scale.byRank.length);
    return this.criticalOffTrack > 0 ? Math.min(rank, this.scale.rankOf(this.settings.criticalCap)) : rank;
  }

  private count(s: Scored, sign: 1 | -1): void {
    if (s.score === null) return;
    this.positionWeight += sign * s.weight;
    this.weightedSum += sign * s.score * s.weight;
    this.withPosition += sign;
    if (s.criterion.critical && statusOf(s.position!.value, this.vocabulary)?.concept === "off-track") {
      this.criticalOffTrack += sign;
    }
  }
}

type LinkingRule = Framework["linkingRules"][number];

/** The judgements whose grade sets a linking rule off: at or below the grade the rule names. */
function triggeredBy(rule: LinkingRule, judgements: JudgementProjection[], scale: Scale): JudgementProjection[] {
  const effect = rule.effect!;
  return judgements.filter(
    (j) =>
      effect.when.judgements.includes(j.id) &&
      j.gradeId !== null &&
      scale.rankOf(j.gradeId) <= scale.rankOf(effect.when.gradeAtMost),
  );
}

/** A reason that rests on a linking rule, saying so where no source confirms the rule. */
function ruleReason(text: string, rule: LinkingRule): Reason {
  return rule.confidence === "unconfirmed"
    ? { text: `${text} (unconfirmed rule)`, cells: [], unconfirmed: true }
    : { text, cells: [] };
}

/** The judgements an overall one is made of: its key children where it has any, else every key judgement. */
export function overallInputs(framework: Framework, overallId: string): Judgement[] {
  const keys = framework.judgements.filter((j) => j.kind === "key");
  const children = keys.filter((j) => j.parent === overallId);
  return children.length > 0 ? children : keys;
}

function projectOverall(framework: Framework, judgements: JudgementProjection[], scale: Scale): Projection["overall"] {
  const overall = framework.judgements.find((j) => j.kind === "overall");
  if (!overall) return noOverall(framework);
  const inputs = overallInputs(framework, overall.id).map((j) => judgements.find((p) => p.id === j.id)!);
  const missing = inputs.filter((j) => j.gradeId === null);
  if (inputs.length === 0 || missing.length > 0) {
    return {
      applies: true,
      grade: null,
      gradeId: null,
      score: null,
      reasons: [
        {
          text: `Insufficient evidence: no projection yet for ${missing.map((j) => j.name).join("; ") || "any judgement"}`,
          cells: [],
        },
      ],
    };
  }
  const score = roundScore(inputs.reduce((sum, j) => sum + j.score!, 0) / inputs.length);
  let rank = rankFromScore(score, scale.byRank.length);
  const reasons: Reason[] = [
    { text: `Mean of ${inputs.length} judgements ${score.toFixed(2)}: ${scale.labelOfRank(rank)}`, cells: [] },
  ];
  for (const rule of framework.linkingRules) {
    if (!rule.effect || rule.effect.cap.judgement !== overall.id) continue;
    const triggered = triggeredBy(rule, judgements, scale);
    if (triggered.length === 0) continue;
    const names = triggered.map((j) => `${j.name} is ${j.grade}`).join("; ");
    const capRank = scale.rankOf(rule.effect.cap.grade);
    if (rule.effect.certainty === "always") {
      if (rank > capRank) rank = capRank;
      reasons.push(ruleReason(`${names}: ${rule.description}`, rule));
    } else {
      reasons.push(
        ruleReason(
          `${names}: this may limit overall effectiveness to ${scale.labelOfRank(capRank)}. ${rule.description}`,
          rule,
        ),
      );
    }
  }
  return { applies: true, grade: scale.labelOfRank(rank), gradeId: scale.idOfRank(rank), score, reasons };
}

/** A framework without an overall judgement: no grade, ever, and the framework's own words for why. */
function noOverall(framework: Framework): Projection["overall"] {
  const rule = framework.linkingRules.find((r) => r.id === "no-overall-judgement");
  return {
    applies: false,
    grade: null,
    gradeId: null,
    score: null,
    reasons: [
      {
        text: rule
          ? `No overall grade: ${rule.description}`
          : `No overall grade: ${framework.name} has no overall judgement; each judgement is graded on its own.`,
        cells: [],
      },
    ],
  };
}
