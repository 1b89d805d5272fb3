import path from "node:path";
import { annexAInPlace } from "../../src/commands/annexAInPlace";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { serialFromYmd } from "../../src/domain/dates";
import { templateWith } from "../fixtures/annexA";
import { inWords, wordsRows } from "../fixtures/annexAWords";
import { useTempDir } from "../support/tempDir";

const tempDir = useTempDir();

describe("codes written as words", () => {
  it("the examples councils meet are read as the template's codes", () => {
    expect(["a) WBRI", "N1 - Abuse or neglect", "RC1 - Adopted", "q) 6: Police"].map(inWords)).toEqual([
      "White British",
      "Abuse or neglect",
      "Adopted",
      "Police",
    ]);
  });

  it("--fix puts at least 95% of them in the template's form, and says which it could not place, with the allowed values", async () => {
    const { rows, cells } = wordsRows();
    const file = path.join(tempDir(), "words.xlsx");
    await (await templateWith(rows)).xlsx.writeFile(file);
    const workbook = await XlsxWorkbook.open(file);
    const { report } = annexAInPlace(await workbook.read({ sheets: "all" }), {
      asOf: serialFromYmd(2026, 11, 18),
      fix: true,
    });
    const codeFixes = report.fixes.find((f) => f.rule === "code-form")!.count;
    const unplaced = report.lists.flatMap((l) => l.findings.filter((f) => f.rule === "code"));
    expect(codeFixes + unplaced.length).toBe(cells);
    expect(codeFixes / cells).toBeGreaterThanOrEqual(0.95);
    for (const finding of unplaced)
      expect(finding.message).toMatch(/is not one of the template's codes; use one of: .+; .+/);
    expect(report.notFixed).toEqual(unplaced.length > 0 ? [{ rule: "code", count: unplaced.length }] : []);
  });
});
