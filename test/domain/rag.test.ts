import { amberGreenVocabulary, defaultRagVocabulary, isComplete, readRag, statusOf } from "../../src/domain/rag";

describe("reading what managers type into RAG cells", () => {
  it.each([
    ["Green", "Green", true],
    ["green", "Green", false],
    [" GREEN\u00a0", "Green", false],
    ["G", "Green", false],
    ["On track", "Green", false],
    ["a", "Amber", false],
    ["At risk", "Amber", false],
    ["A/G", "Amber", false],
    ["R ", "Red", false],
    ["Off track", "Red", false],
    ["🔴", "Red", false],
    ["Done", "Blue", false],
    ["Complete", "Blue", false],
    ["complete - awaiting sign-off", "Complete – awaiting sign-off", false],
    ["Complete – awaiting sign-off", "Complete – awaiting sign-off", true],
    ["not started", "Not started", false],
  ])("%j reads as %s (canonical: %s)", (typed, status, canonical) => {
    expect(readRag(typed, defaultRagVocabulary)).toEqual({ status, canonical });
  });

  it.each([["Purple"], [""], ["   "], [42], [null]])("%j is not a status", (typed) => {
    expect(readRag(typed).status).toBeNull();
  });

  it("reads a council's own scale: A/G is Amber/Green there, and Done falls back to Green", () => {
    expect(readRag("A/G", amberGreenVocabulary)).toEqual({ status: "Amber/Green", canonical: false });
    expect(readRag("amber/green", amberGreenVocabulary).status).toBe("Amber/Green");
    expect(readRag("Done", amberGreenVocabulary).status).toBe("Green");
    expect(readRag("Not started", amberGreenVocabulary).status).toBeNull();
  });

  it("sees a cell as Excel's = does for the rules: the label in any case, nothing else", () => {
    expect(statusOf("BLUE", defaultRagVocabulary)?.label).toBe("Blue");
    expect(statusOf("B", defaultRagVocabulary)).toBeUndefined();
    expect(statusOf("Blue ", defaultRagVocabulary)).toBeUndefined();
    expect(isComplete(statusOf("Complete – awaiting sign-off", defaultRagVocabulary))).toBe(true);
    expect(isComplete(statusOf("Green", defaultRagVocabulary))).toBe(false);
  });
});
