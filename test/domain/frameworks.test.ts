import { FrameworkError, parseFramework } from "../../src/domain/framework";
import { builtInFrameworks, getFramework } from "../../src/domain/frameworks";
import { ofstedIlacs2024 } from "../../src/domain/frameworks/ofstedIlacs2024";

describe("built-in frameworks", () => {
  it("every framework validates against the schema and names its sources", () => {
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
    expect(() => getFramework("ofsted-sif-1999")).toThrow(/Known frameworks: ofsted-ilacs-2024/);
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

  it("refuses a ref used twice", () => {
    const run = broken((data) => {
      const judgements = data.judgements as { criteria: { ref: string }[] }[];
      judgements[2]!.criteria[0]!.ref = "LE-01";
    });
    expect(run).toThrow(/the ref "LE-01" is used twice/);
  });
});
