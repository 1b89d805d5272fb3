import { isKeyHeading, readKeyLine, scaleVocabulary, sheetScale } from "../../src/domain/ragScale";

describe("reading a RAG key line", () => {
  it.each([
    ["Amber/Green = minor slippage", { label: "Amber/Green", concept: "amber-green", meaning: "minor slippage" }],
    ["Blue – complete and signed off", { label: "Blue", concept: "complete", meaning: "complete and signed off" }],
    ["R: off track", { label: "R", concept: "off-track", meaning: "off track" }],
    [
      "Complete - awaiting sign off = done, not yet signed off",
      { label: "Complete - awaiting sign off", concept: "awaiting-sign-off", meaning: "done, not yet signed off" },
    ],
  ])("%j", (text, line) => {
    expect(readKeyLine(text)).toEqual(line);
  });

  it.each([["Complete - awaiting sign off"], ["Amber"], ["Slipped - see note"], [""]])(
    "%j is not a key line",
    (text) => {
      expect(readKeyLine(text)).toBeNull();
    },
  );

  it("keeps a line it cannot place only under a key's heading, without a concept", () => {
    expect(readKeyLine("Red/Amber = significant slippage")).toBeNull();
    expect(readKeyLine("Red/Amber = significant slippage", true)).toEqual({
      label: "Red/Amber",
      meaning: "significant slippage",
    });
  });

  it.each([
    ["RAG key", true],
    ["Key", true],
    ["Key to RAG ratings", true],
    ["RAG status legend:", true],
    ["Key actions", false],
    ["Progress", false],
  ])("%j is a key heading: %s", (text, heading) => {
    expect(isKeyHeading(text)).toBe(heading);
  });
});

describe("a sheet's scale", () => {
  it("from Amber/Green values alone is the four-colour scale, with the other statuses the sheet uses", () => {
    const scale = sheetScale([], ["Red", "A/G", "amber-green", "Green", "Complete - awaiting sign off"])!;
    expect(scale.from).toBe("values");
    expect(scale.statuses.map((s) => s.label)).toEqual([
      "Red",
      "Amber",
      "Amber/Green",
      "Green",
      "Complete - awaiting sign off",
    ]);
  });

  it("from a key keeps its order, words and meanings, on the standard colours", () => {
    const scale = sheetScale(
      [
        { label: "Green", concept: "on-track", meaning: "on track" },
        { label: "AG", concept: "amber-green", meaning: "minor slippage" },
        { label: "Red", concept: "off-track", meaning: "off track" },
      ],
      ["Done"],
    )!;
    expect(scale.from).toBe("both");
    expect(scale.statuses).toEqual([
      { label: "Green", concept: "on-track", meaning: "on track" },
      { label: "Amber/Green", concept: "amber-green", meaning: "minor slippage" },
      { label: "Red", concept: "off-track", meaning: "off track" },
      { label: "Done", concept: "complete" },
    ]);
    expect(scaleVocabulary(scale)[1]).toMatchObject({
      label: "Amber/Green",
      meaning: "minor slippage",
      fill: "#8CBD18",
    });
  });

  it("is null where the sheet shows none", () => {
    expect(sheetScale([], ["Purple", "tbc"])).toBeNull();
  });
});
