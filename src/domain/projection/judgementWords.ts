import type { Framework, Judgement } from "../framework";

/**
 * The words councils use for a judgement in their own action plans' area, theme or workstream column, by
 * judgement id (the ids are shared across the versions of a framework). A council's framework file can add
 * its own per judgement (`aliases`). Matched after normalising: lower case, no punctuation or numbering.
 */
const COUNCIL_WORDS: Record<string, string[]> = {
  leaders: [
    "leadership",
    "leaders",
    "leadership and management",
    "leadership management and governance",
    "management",
    "governance",
    "workforce",
    "quality assurance",
    "performance",
    "corporate parenting",
    "impact of leaders",
    "practice",
  ],
  leadership: ["leadership", "leaders", "management", "governance", "leadership and management", "workforce"],
  "help-and-protection": [
    "help and protection",
    "child protection",
    "cp",
    "safeguarding",
    "front door",
    "mash",
    "early help",
    "family help",
    "children in need",
    "cin",
    "contact and referral",
    "referrals",
    "assessment",
    "exploitation",
    "missing",
  ],
  "children-in-care": [
    "children in care",
    "children looked after",
    "looked after children",
    "looked after",
    "lac",
    "cla",
    "cic",
    "care",
    "permanence",
    "placements",
    "sufficiency",
    "fostering",
  ],
  "looked-after": ["looked after children", "looked after", "lac", "cla", "children in care", "cic", "permanence"],
  "children-in-care-and-care-leavers": [
    "children in care",
    "looked after",
    "lac",
    "cla",
    "care leavers",
    "leaving care",
  ],
  "care-leavers": [
    "care leavers",
    "leaving care",
    "care leaver",
    "care experienced",
    "care experienced young people",
    "pathway plans",
  ],
  adoption: ["adoption", "adopters", "permanence through adoption"],
  lscb: ["lscb", "safeguarding board", "safeguarding partnership"],
  "overall-effectiveness": ["overall", "overall effectiveness"],
};

/** Lower case, "&" as "and", no punctuation, and no leading numbering ("2.", "1)", "A -"). */
export function normaliseArea(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[\u2018\u2019']/g, "")
    .replace(/^\s*(?:\d+(?:\.\d+)*|[a-z])\s*[.):-]\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Every word a judgement can be called by: its name, its own aliases, and the words councils use. */
function wordsFor(judgement: Judgement): string[] {
  return [judgement.name, ...(judgement.aliases ?? []), ...(COUNCIL_WORDS[judgement.id] ?? [])].map(normaliseArea);
}

/** How an area was matched to a judgement, for the report. */
export type MatchHow = "name" | "word" | "chosen";

/**
 * The framework's judgement an area of a plan names: by the judgement's name (in full or as the whole
 * area), else by the longest word councils use for it that the area contains as whole words. Null when
 * none does, or when two judgements tie (the user must say which).
 */
export function matchArea(framework: Framework, area: string): { judgement: Judgement; how: MatchHow } | null {
  const text = normaliseArea(area);
  if (!text) return null;
  const graded = framework.judgements.filter((j) => j.kind !== "overall");
  const byName = graded.filter((j) => {
    const name = normaliseArea(j.name);
    return name === text || name.includes(text) || text.includes(name);
  });
  if (byName.length === 1) return { judgement: byName[0]!, how: "name" };
  const padded = ` ${text} `;
  let best: { judgement: Judgement; length: number; tie: boolean } | null = null;
  for (const judgement of graded) {
    for (const word of wordsFor(judgement)) {
      if (!word || !padded.includes(` ${word} `)) continue;
      if (!best || word.length > best.length) best = { judgement, length: word.length, tie: false };
      else if (word.length === best.length && best.judgement !== judgement) best.tie = true;
    }
  }
  return best && !best.tie ? { judgement: best.judgement, how: "word" } : null;
}
