import type { Framework } from "../../domain/framework";

/** One fact of a framework that has not been checked against the published document. */
export interface UnconfirmedFact {
  kind: string;
  text: string;
}

/**
 * Every part of a framework marked "unconfirmed" (a grade scale, a judgement, a criterion, a linking
 * rule, an evidence item, a timing fact, a flag), so the pane can say exactly what to check.
 */
export function unconfirmedFacts(framework: Framework): UnconfirmedFact[] {
  const facts: UnconfirmedFact[] = [];
  const unconfirmed = (item: { confidence: string }) => item.confidence === "unconfirmed";
  if (unconfirmed(framework.scale)) {
    facts.push({ kind: "Grades", text: framework.scale.grades.map((g) => g.label).join(", ") });
  }
  for (const judgement of framework.judgements) {
    if (unconfirmed(judgement)) facts.push({ kind: "Judgement", text: judgement.name });
    for (const criterion of judgement.criteria.filter(unconfirmed)) {
      facts.push({ kind: `Criterion ${criterion.ref}`, text: criterion.text });
    }
  }
  for (const rule of framework.linkingRules.filter(unconfirmed)) facts.push({ kind: "Rule", text: rule.description });
  for (const item of framework.evidence.filter(unconfirmed)) facts.push({ kind: "Evidence", text: item.title });
  for (const fact of framework.timeline.filter(unconfirmed)) facts.push({ kind: "Timing", text: fact.label });
  for (const flag of framework.flags.filter(unconfirmed)) facts.push({ kind: "Flag", text: flag.label });
  for (const change of framework.changes.filter(unconfirmed)) facts.push({ kind: "Change", text: change.text });
  return facts;
}
