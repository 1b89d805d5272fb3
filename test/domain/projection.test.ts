import fc from "fast-check";
import type { Framework } from "../../src/domain/framework";
import { builtInFrameworks, getFramework } from "../../src/domain/frameworks";
import { project, rankFromScore, type Position } from "../../src/domain/projection/project";
import { defaultRagVocabulary } from "../../src/domain/rag";

const vocabulary = defaultRagVocabulary;

/** Positions for every criterion of a framework: `pick` chooses each one's value by ref. */
function positionsFor(
  framework: Framework,
  pick: (ref: string, index: number) => string | null,
): Map<string, Position> {
  const positions = new Map<string, Position>();
  framework.judgements
    .flatMap((j) => j.criteria)
    .forEach((c, i) => {
      positions.set(c.ref.toLowerCase(), { value: pick(c.ref, i), cell: `Self-evaluation!D${i + 2}` });
    });
  return positions;
}

const judgement = (p: ReturnType<typeof project>, id: string) => p.judgements.find((j) => j.id === id)!;

describe("grade bands", () => {
  it.each([
    [4, 4],
    [3.75, 4],
    [3.74, 3],
    [3, 3],
    [2.75, 3],
    [2.74, 2],
    [1.75, 2],
    [1.74, 1],
    [1, 1],
  ])("on a four-point scale, score %s is rank %s", (score, rank) => {
    expect(rankFromScore(score, 4)).toBe(rank);
  });
});

describe("projections, framework by framework", () => {
  it("ILACS: all Green is Good; a critical criterion Red caps help and protection, with the reason and cell", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    const allGreen = project(
      ilacs,
      positionsFor(ilacs, () => "Green"),
      vocabulary,
    );
    expect(allGreen.judgements.map((j) => j.grade)).toEqual(Array(4).fill("Good"));
    expect(allGreen.overall!.grade).toBe("Good");

    const hp04Red = project(
      ilacs,
      positionsFor(ilacs, (ref) => (ref === "HP-04" ? "Red" : "Blue")),
      vocabulary,
    );
    const hp = judgement(hp04Red, "help-and-protection");
    expect(hp.grade).toBe("Requires improvement to be good");
    expect(hp.reasons).toContainEqual({
      text: "HP-04 is Red and critical: at best Requires improvement to be good",
      cells: [expect.stringMatching(/^Self-evaluation!D\d+$/)],
    });
    expect(hp.pathToTarget).toEqual([{ ref: "HP-04", cell: expect.any(String), from: "Red", to: "Green" }]);
  });

  it("ILACS: an Inadequate judgement says overall may be Inadequate, and that the rule is unconfirmed", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    const p = project(
      ilacs,
      positionsFor(ilacs, (ref) => (ref.startsWith("CL-") ? "Red" : "Green")),
      vocabulary,
    );
    expect(judgement(p, "care-leavers").grade).toBe("Inadequate");
    expect(p.overall!.reasons.map((r) => r.text).join(" ")).toMatch(
      /may limit overall effectiveness to Inadequate.*\(unconfirmed rule\)/,
    );
  });

  it("SIF: Inadequate in a key judgement makes overall Inadequate whatever the mean", () => {
    const sif = getFramework("ofsted-sif-2013");
    const p = project(
      sif,
      positionsFor(sif, (ref) => (ref.startsWith("LM-") ? "Red" : "Blue")),
      vocabulary,
    );
    expect(judgement(p, "leadership").grade).toBe("Inadequate");
    expect(p.overall!.grade).toBe("Inadequate");
    expect(p.overall!.reasons.map((r) => r.text).join(" ")).toMatch(
      /Leadership, management and governance is Inadequate: A judgement of Inadequate/,
    );
  });

  it("SIF: adoption Inadequate may limit the looked-after judgement, which keeps its grade", () => {
    const sif = getFramework("ofsted-sif-2013");
    const p = project(
      sif,
      positionsFor(sif, (ref) => (ref.startsWith("AD-") ? "Red" : "Green")),
      vocabulary,
    );
    const lookedAfter = judgement(p, "looked-after");
    expect(lookedAfter.grade).toBe("Good");
    expect(lookedAfter.reasons.map((r) => r.text).join(" ")).toMatch(
      /Adoption performance is Inadequate: this may limit the judgement/,
    );
  });

  it("CAA: the organisational assessment combines use of resources and managing performance", () => {
    const caa = getFramework("caa-2009");
    const p = project(
      caa,
      positionsFor(caa, (ref) => (ref.startsWith("UR-") ? "Blue" : ref.startsWith("MP-") ? "Amber" : "Red")),
      vocabulary,
    );
    expect(p.overall).toMatchObject({ grade: "3 – Performing well", score: 3 });
    expect(judgement(p, "stay-safe").grade).toBe("1 – Performing poorly");
  });

  it("Care Inspectorate: each quality indicator on the six-point scale; no overall grade", () => {
    const ci = getFramework("care-inspectorate-2014");
    const p = project(
      ci,
      positionsFor(ci, () => "Blue"),
      vocabulary,
    );
    expect(p.judgements.every((j) => j.grade === "Excellent")).toBe(true);
    expect(p.overall).toMatchObject({ applies: false, grade: null, gradeId: null, score: null });
    const mixed = project(
      ci,
      positionsFor(ci, (_r, i) => (i % 2 ? "Green" : "Amber")),
      vocabulary,
    );
    expect(mixed.judgements[0]!.grade).toBe("Adequate");
  });

  it("grades recorded instead of RAG count, on the framework's own scale", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    const p = project(
      ilacs,
      positionsFor(ilacs, () => "Outstanding"),
      vocabulary,
    );
    expect(p.judgements.every((j) => j.grade === "Outstanding")).toBe(true);
    expect(judgement(p, "leaders").counts).toMatchObject({ Outstanding: 8, "No position": 0 });
  });

  it("too few positions says insufficient evidence, and the path is to record them", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    const p = project(
      ilacs,
      positionsFor(ilacs, (ref) => (ref === "LE-01" ? "Green" : null)),
      vocabulary,
    );
    const leaders = judgement(p, "leaders");
    expect(leaders).toMatchObject({ grade: null, confidence: "insufficient" });
    expect(leaders.reasons[0]!.text).toBe("Insufficient evidence: 1 of 8 criteria have a position (13%; 50% needed)");
    expect(leaders.pathToTarget.length).toBe(3);
    expect(p.overall!.grade).toBeNull();
  });

  it("a target of Outstanding asks for more than a target of Good", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    const positions = positionsFor(ilacs, (_r, i) => (i % 3 === 0 ? "Amber" : "Green"));
    const good = judgement(project(ilacs, positions, vocabulary, "good"), "leaders").pathToTarget.length;
    const outstanding = judgement(project(ilacs, positions, vocabulary, "outstanding"), "leaders").pathToTarget.length;
    expect(outstanding).toBeGreaterThan(good);
  });
});

describe("projection (property)", () => {
  const ladder = ["Red", "Amber", "Green", "Blue"];
  it("improving any criterion never lowers a projected grade", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...builtInFrameworks()),
        fc.array(fc.option(fc.nat(3), { nil: null }), { minLength: 60, maxLength: 60 }),
        fc.nat(59),
        (framework, levels, which) => {
          const refs = framework.judgements.flatMap((j) => j.criteria.map((c) => c.ref));
          const before = positionsFor(framework, (_r, i) =>
            levels[i % 60] === null ? null : ladder[levels[i % 60]!]!,
          );
          const ref = refs[which % refs.length]!;
          const current = before.get(ref.toLowerCase())!.value as string | null;
          if (current === null || current === "Blue") return;
          const after = new Map(before);
          after.set(ref.toLowerCase(), {
            ...before.get(ref.toLowerCase())!,
            value: ladder[ladder.indexOf(current) + 1]!,
          });
          const rank = (p: ReturnType<typeof project>, id: string | null) => {
            const grade = id === null ? p.overall?.gradeId : p.judgements.find((j) => j.id === id)!.gradeId;
            return grade ? framework.scale.grades.find((g) => g.id === grade)!.rank : -1;
          };
          const [p1, p2] = [project(framework, before, vocabulary), project(framework, after, vocabulary)];
          for (const j of p1.judgements) expect(rank(p2, j.id)).toBeGreaterThanOrEqual(rank(p1, j.id));
          expect(rank(p2, null)).toBeGreaterThanOrEqual(rank(p1, null));
        },
      ),
      { numRuns: 400 },
    );
  });
});
