import { getFramework } from "../../src/domain/frameworks";
import { matchArea, normaliseArea } from "../../src/domain/projection/judgementWords";
import { frameworkFromActions, themesOf, type PlanAction } from "../../src/domain/projection/planProjection";
import { project } from "../../src/domain/projection/project";
import { defaultRagVocabulary } from "../../src/domain/rag";

const ilacs = getFramework("ofsted-ilacs-2026");

describe("matching a plan's areas to the framework's judgements", () => {
  it.each([
    ["1. Help and protection", "help-and-protection", "name"],
    ["Children who need help and protection", "help-and-protection", "name"],
    ["CP", "help-and-protection", "word"],
    ["2) Children looked after", "children-in-care", "word"],
    ["LAC", "children-in-care", "word"],
    ["Care leavers", "care-leavers", "name"],
    ["Leadership & management", "leaders", "word"],
    ["Workforce", "leaders", "word"],
  ])("%s → %s (by %s)", (area, judgement, how) => {
    expect(matchArea(ilacs, area)).toMatchObject({ judgement: { id: judgement }, how });
  });

  it.each(["Capacity", "Finance", "", "  "])("%j matches no judgement", (area) => {
    expect(matchArea(ilacs, area)).toBeNull();
  });

  it("never matches the overall judgement of a framework that has one", () => {
    expect(matchArea(getFramework("ofsted-ilacs-2024"), "Overall effectiveness")).toBeNull();
  });

  it("drops numbering and punctuation before matching", () => {
    expect(normaliseArea("3.1 - Leadership & Management:")).toBe("leadership and management");
  });
});

const action = (row: number, area: string | null, value: string | null, ref: string | null = null): PlanAction => ({
  ref,
  area,
  value,
  cell: `Action plan!G${row}`,
  row,
});

describe("projecting from an action plan's actions", () => {
  it("counts each action once, takes a criterion's judgement and critical flag from its ref, and lists the rest", () => {
    const critical = ilacs.judgements.flatMap((j) => j.criteria).find((c) => c.critical)!;
    const actions = [
      action(2, "Help and protection", "Green"),
      action(3, "Leadership", "Green"),
      action(4, null, "Red", critical.ref),
      action(5, "Capacity", "Amber"),
    ];
    const { derived, positions, matches, unmatched } = frameworkFromActions(ilacs, actions);
    expect(unmatched).toEqual([{ cell: "Action plan!G5", ref: null, area: "Capacity" }]);
    expect(matches.map((m) => [m.area, m.judgement, m.rows])).toEqual([
      ["Help and protection", "help-and-protection", 1],
      ["Leadership", "leaders", 1],
      ["Capacity", null, 1],
    ]);
    const owner = ilacs.judgements.find((j) => j.criteria.includes(critical))!;
    const derivedCriteria = derived.judgements.find((j) => j.id === owner.id)!.criteria;
    expect(derivedCriteria.find((c) => c.ref === `${critical.ref} (row 4)`)).toMatchObject({ critical: true });
    const projection = project(derived, positions, defaultRagVocabulary);
    const capped = projection.judgements.find((j) => j.id === owner.id)!;
    expect(capped.reasons.some((r) => r.text.startsWith(`${critical.ref} (row 4) is Red and critical`))).toBe(true);
    expect(projection.judgements.find((j) => j.id === "leaders")!.grade).toBe("Good");
  });

  it("uses the user's choice for an area over the words it matched", () => {
    const { matches, unmatched } = frameworkFromActions(ilacs, [action(2, "Capacity", "Green")], {
      capacity: "leaders",
    });
    expect(matches[0]).toMatchObject({ judgement: "leaders", how: "chosen" });
    expect(unmatched).toEqual([]);
    const none = frameworkFromActions(ilacs, [action(2, "Leadership", "Green")], { leadership: null });
    expect(none.unmatched).toHaveLength(1);
  });

  it("groups a plan's actions by theme with their RAG counts", () => {
    const themes = themesOf(
      [action(2, "Front door", "Red"), action(3, "Front door", "red"), action(4, null, null)],
      defaultRagVocabulary,
    );
    expect(themes.map((t) => [t.name, t.counts.Red, t.counts["No RAG"], t.rows.length])).toEqual([
      ["Front door", 2, 0, 2],
      ["No area given", 0, 1, 1],
    ]);
  });
});
