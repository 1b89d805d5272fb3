import fc from "fast-check";
import {
  amberGreenVocabulary,
  CONCEPT_WORDS,
  conceptOf,
  conceptOfWords,
  defaultRagVocabulary,
  isComplete,
  keysOfConcepts,
  readRag,
  statusOf,
  type RagConcept,
} from "../../src/domain/rag";

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

describe("one normaliser of RAG text", () => {
  const concepts = Object.keys(CONCEPT_WORDS) as RagConcept[];
  /** A spelling of a word as a council might type it: any case, any dash, slash or spacing between words. */
  const spelling = (word: string) =>
    fc
      .tuple(
        fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
        fc.array(fc.constantFrom("", " ", "  ", "-", " - ", "–", " – ", "—", "/", " / ", "\u00a0", "‑"), {
          minLength: word.length,
          maxLength: word.length,
        }),
        fc.constantFrom("", " ", "\u00a0"),
        fc.constantFrom("", " ", "  "),
      )
      .map(([upper, separators, before, after]) => {
        let text = "";
        [...word].forEach((ch, i) => {
          const sep = /[\s\-–—/]/.test(ch) ? separators[i]! : "";
          text += sep !== "" || /[\s\-–—/]/.test(ch) ? sep : upper[i] ? ch.toUpperCase() : ch.toLowerCase();
        });
        return before + text + after;
      });
  const recognised = fc
    .constantFrom(...concepts.flatMap((c) => CONCEPT_WORDS[c].map((word) => [c, word] as const)))
    .chain(([concept, word]) => spelling(word).map((typed) => ({ concept, word, typed })));

  it("maps any recognised spelling, in any case and with any dashes, slashes and spaces, to its concept", () => {
    fc.assert(
      fc.property(recognised, ({ concept, typed }) => {
        expect(conceptOfWords(typed)).toBe(concept);
        expect(conceptOf(typed, defaultRagVocabulary)).toBe(concept);
        expect(conceptOf(typed, amberGreenVocabulary)).toBe(concept);
        const reading = readRag(typed, [...defaultRagVocabulary, amberGreenVocabulary[2]!]);
        expect(defaultRagVocabulary.concat(amberGreenVocabulary).find((s) => s.label === reading.status)?.concept).toBe(
          concept,
        );
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ["Complete - awaiting sign off", "awaiting-sign-off"],
    ["complete–awaiting sign-off", "awaiting-sign-off"],
    ["COMPLETE AWAITING SIGNOFF", "awaiting-sign-off"],
    ["Awaiting sign off", "awaiting-sign-off"],
    ["AMBER-GREEN", "amber-green"],
    ["Amber / Green", "amber-green"],
    ["A/G", "amber-green"],
    ["ag", "amber-green"],
    ["Green-Amber", "amber-green"],
    ["r", "off-track"],
    ["N/S", "not-started"],
    ["not yet started", "not-started"],
    ["Complete and signed off", "complete"],
  ])("%j is %s", (typed, concept) => {
    expect(conceptOfWords(typed)).toBe(concept);
  });

  it.each([["Red/Amber"], ["Amber-Red"], ["Purple"], [""], ["-"]])("%j is no concept: a person decides", (typed) => {
    expect(conceptOfWords(typed)).toBeUndefined();
    expect(readRag(typed).status).toBeNull();
  });

  it("reads the words of a hyphenated sign-off as the standard scale's label", () => {
    expect(readRag("Complete - awaiting sign off")).toEqual({
      status: "Complete – awaiting sign-off",
      canonical: false,
    });
    expect(readRag("Amber / Green", amberGreenVocabulary)).toEqual({ status: "Amber/Green", canonical: false });
  });

  it("lets a workbook's own label decide what its text means", () => {
    const scale = [{ ...defaultRagVocabulary[2]!, label: "Signed off", concept: "on-track" as const }];
    expect(conceptOf("signed-off", scale)).toBe("on-track");
    expect(keysOfConcepts(scale, ["complete"])).not.toContain("signedoff");
    expect(keysOfConcepts(scale, ["on-track"])).toContain("signedoff");
  });
});
