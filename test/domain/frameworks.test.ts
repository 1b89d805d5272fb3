import { FrameworkError } from "../../src/domain/framework";
import { parseFramework } from "../../src/domain/frameworkSchema";
import { builtInFrameworkData, builtInFrameworks, getFramework } from "../../src/domain/frameworks";
import { ofstedIlacs2024 } from "../../src/domain/frameworks/ofstedIlacs2024";

describe("built-in frameworks", () => {
  it("every framework is exactly what the schema makes of its data, so the product need not parse it as it starts", () => {
    const data = builtInFrameworkData();
    expect(data).toHaveLength(builtInFrameworks().length);
    data.forEach((written, i) => {
      expect(builtInFrameworks()[i]).toStrictEqual(parseFramework(written, `Built-in framework #${i + 1}`));
    });
  });

  it("every framework names its sources", () => {
    for (const framework of builtInFrameworks()) {
      expect(framework.sources.length).toBeGreaterThan(0);
      for (const judgement of framework.judgements) {
        for (const criterion of judgement.criteria) expect(criterion.sources.length).toBeGreaterThan(0);
      }
    }
  });

  it("ILACS has Ofsted's five judgements and four-point scale in Ofsted's words", () => {
    const ilacs = getFramework("ofsted-ilacs-2024");
    expect(ilacs.judgements.map((j) => j.name)).toEqual([
      "Overall effectiveness",
      "The impact of leaders on social work practice with children and families",
      "The experiences and progress of children who need help and protection",
      "The experiences and progress of children in care",
      "The experiences and progress of care leavers",
    ]);
    expect(ilacs.scale.grades.map((g) => g.label)).toEqual([
      "Outstanding",
      "Good",
      "Requires improvement to be good",
      "Inadequate",
    ]);
    expect(ilacs.judgements.filter((j) => j.kind === "key")).toHaveLength(4);
    expect(ilacs.judgements.every((j) => j.kind === "overall" || j.criteria.length >= 5)).toBe(true);
  });

  it("says which facts are unconfirmed", () => {
    const rule = getFramework("ofsted-ilacs-2024").linkingRules.find((r) => r.id === "any-inadequate-limits-overall");
    expect(rule?.confidence).toBe("unconfirmed");
  });

  it("an unknown id names the known ones", () => {
    expect(() => getFramework("ofsted-sif-1999")).toThrow(/Known frameworks: ofsted-ilacs-2026, ofsted-ilacs-2024/);
  });
});

describe("the other frameworks' facts", () => {
  it("carries every framework the roadmap names", () => {
    expect(builtInFrameworks().map((f) => f.id)).toEqual([
      "ofsted-ilacs-2026",
      "ofsted-ilacs-2024",
      "ofsted-ilacs-2018",
      "ofsted-sif-2013",
      "caa-2009",
      "care-inspectorate-2021",
      "care-inspectorate-2014",
      "improvement-programme",
    ]);
  });

  it("ILACS 2018 judges children in care and care leavers together, with both sets of criteria", () => {
    const older = getFramework("ofsted-ilacs-2018");
    const joint = older.judgements.find((j) => j.id === "children-in-care-and-care-leavers")!;
    expect(joint.name).toBe("The experiences and progress of children in care and care leavers");
    expect(joint.criteria.map((c) => c.ref)).toEqual(expect.arrayContaining(["CIC-01", "CL-07"]));
    expect(older.judgements).toHaveLength(4);
  });

  it("SIF: Inadequate in a key judgement always makes overall Inadequate; contributory ones may limit", () => {
    const sif = getFramework("ofsted-sif-2013");
    const always = sif.linkingRules.filter((r) => r.effect?.certainty === "always");
    expect(always.map((r) => r.effect!.when.judgements)).toEqual([
      ["help-and-protection", "looked-after", "leadership"],
    ]);
    expect(
      sif.linkingRules.filter((r) => r.effect?.certainty === "may").map((r) => r.effect!.when.judgements[0]),
    ).toEqual(["adoption", "care-leavers", "lscb"]);
    expect(sif.judgements.find((j) => j.id === "help-and-protection")!.criteria.length).toBeGreaterThanOrEqual(25);
    expect(sif.recommendationCategories).toEqual(["Immediate priorities", "Areas for development", "Strengths"]);
    expect(sif.evidence.filter((e) => e.dueWithinHours === 24)).toHaveLength(20);
  });

  it("CAA: the 1–4 organisational scale, the five Every Child Matters outcomes, red and green flags", () => {
    const caa = getFramework("caa-2009");
    expect(caa.scale.grades.map((g) => g.rank)).toEqual([4, 3, 2, 1]);
    expect(caa.judgements.map((j) => j.name)).toEqual(
      expect.arrayContaining([
        "Use of resources",
        "Managing performance",
        "Be healthy",
        "Stay safe",
        "Enjoy and achieve",
        "Make a positive contribution",
        "Achieve economic well-being",
      ]),
    );
    expect(caa.flags.map((f) => f.label)).toEqual(["Red flag", "Green flag"]);
  });

  it("Care Inspectorate: six-point scale; only the four confirmed quality indicators are marked confirmed", () => {
    const ci = getFramework("care-inspectorate-2014");
    expect(ci.scale.grades).toHaveLength(6);
    expect(ci.judgements.filter((j) => j.confidence === "confirmed").map((j) => j.name.split(" ")[0])).toEqual([
      "2.1",
      "5.3",
      "5.4",
      "9.2",
    ]);
    expect(ci.timeline.map((t) => [t.id, t.amount, t.unit])).toEqual([
      ["notice", 12, "weeks"],
      ["footprint", 22, "weeks"],
      ["on-site", 13, "days"],
    ]);
  });

  it("the improvement programme has the five themes and the five-audits-a-month commitment", () => {
    const programme = getFramework("improvement-programme");
    expect(programme.judgements.filter((j) => j.kind === "key").map((j) => j.name)).toEqual([
      "Quality assurance and monitoring",
      "Capacity",
      "Recruitment and retention",
      "Managing demand",
      "Improving systems",
    ]);
    expect(programme.judgements[1]!.criteria.some((c) => /at least 5 duty cases a month/.test(c.text))).toBe(true);
  });
});

describe("framework schema errors", () => {
  const broken = (change: (data: Record<string, unknown>) => void) => {
    const data = JSON.parse(JSON.stringify(ofstedIlacs2024)) as Record<string, unknown>;
    change(data);
    return () => parseFramework(data, "our-framework.json");
  };

  it("names the JSON path of a missing field and what was expected", () => {
    const run = broken((data) => {
      const judgements = data.judgements as { name?: string }[];
      delete judgements[2]!.name;
    });
    expect(run).toThrow(FrameworkError);
    expect(run).toThrow(/our-framework\.json is not a valid framework — \$\.judgements\[2\]\.name: .*string/);
  });

  it("names a citation of a source that does not exist", () => {
    const run = broken((data) => {
      const judgements = data.judgements as { criteria: { sources: string[] }[] }[];
      judgements[1]!.criteria[0]!.sources = ["nowhere"];
    });
    expect(run).toThrow(/\$\.judgements\[1\]\.criteria\[0\]\.sources\[0\]: no source has the id "nowhere"/);
  });

  it("names a linking rule that points at a judgement or grade that does not exist", () => {
    const run = broken((data) => {
      const rules = data.linkingRules as { effect: { cap: { judgement: string; grade: string } } }[];
      rules[0]!.effect.cap = { judgement: "overall", grade: "terrible" };
    });
    expect(run).toThrow(
      /\$\.linkingRules\[0\]\.effect: no judgement has the id "overall"; \$\.linkingRules\[0\]\.effect: the scale has no grade "terrible"/,
    );
  });

  it("refuses a ref used twice", () => {
    const run = broken((data) => {
      const judgements = data.judgements as { criteria: { ref: string }[] }[];
      judgements[2]!.criteria[0]!.ref = "LE-01";
    });
    expect(run).toThrow(/the ref "LE-01" is used twice/);
  });
});
