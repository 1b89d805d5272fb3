import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { annexAInPlace } from "../../src/commands/annexAInPlace";
import { caseAudit, caseAuditQuery } from "../../src/commands/caseAudit";
import { annexAQuery } from "../../src/commands/checkAnnexA";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { serialFromYmd } from "../../src/domain/dates";
import { getFramework } from "../../src/domain/frameworks";
import { defaultRagVocabulary } from "../../src/domain/rag";
import { cellsBefore } from "../../src/workbook/snapshotCells";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { countPixelsNear, firstPagePixels, pdfText, recalculatedSheets, renderToPdf } from "../support/libreoffice";

const ilacs = getFramework("ofsted-ilacs-2024");
const colour = (label: string) => defaultRagVocabulary.find((s) => s.label === label)!.fill;

/** A new plan, optionally with RAG values typed into its first rows as a manager would. */
async function planFile(dir: string, name: string, rag: string[]): Promise<string> {
  const workbook = XlsxWorkbook.empty();
  const { report } = await runCommand(workbook, createWorkbookQuery, (s) =>
    createWorkbook(s, { framework: ilacs, kinds: ["action-plan"], now: new Date("2026-11-25T09:00:00Z") }),
  );
  if (rag.length > 0) {
    const snapshot = await workbook.read({ sheets: [report.sheet] });
    const values = rag.map((label) => [label]);
    await workbook.apply({
      description: "manager's RAG",
      ops: [
        {
          op: "writeValues",
          sheet: report.sheet,
          row: 1,
          col: 6,
          values,
          before: cellsBefore(snapshot, report.sheet, 1, 6, rag.length, 1),
        },
      ],
    });
  }
  const file = path.join(dir, `${name}.xlsx`);
  await workbook.save(file);
  return file;
}

describe("LibreOffice opens and prints a new plan", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lo-render-"));
  let withRag: string;
  let blank: string;

  beforeAll(async () => {
    const files = [await planFile(dir, "with-rag", ["Red", "Red", "Amber", "Green"]), await planFile(dir, "blank", [])];
    [withRag, blank] = renderToPdf(files, dir) as [string, string];
  });

  it("prints the header row and the judgement names", () => {
    const text = pdfText(withRag).replace(/\s+/g, " ");
    for (const header of [
      "Ref",
      "Judgement",
      "Criterion",
      "Action",
      "Lead",
      "Due date",
      "RAG",
      "Progress update",
      "Evidence",
      "Last updated",
    ]) {
      expect(text).toContain(header);
    }
    expect(text).toContain("LE-01");
    // Judgement names wrap inside their cells, so look for each name's opening words.
    for (const judgement of ilacs.judgements.filter((j) => j.criteria.length > 0)) {
      expect(text).toContain(judgement.name.split(" ").slice(0, 3).join(" "));
    }
    expect(text).toMatch(/Page 1 of \d/);
  });

  it("fills a Red RAG cell red, and Amber amber, through the workbook's own conditional formats", () => {
    const rendered = firstPagePixels(withRag);
    const control = firstPagePixels(blank);
    expect(countPixelsNear(rendered, colour("Red"))).toBeGreaterThan(50);
    expect(countPixelsNear(rendered, colour("Amber"))).toBeGreaterThan(20);
    expect(countPixelsNear(control, colour("Red"))).toBe(0);
  });
});

describe("LibreOffice shows the Annex A findings in place", () => {
  it("highlights the cells the findings sheet names, through the list sheet's own conditional format", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lo-annex-"));
    const make = async (name: string, gender: string) => {
      const source = new ExcelJS.Workbook();
      const sheet = source.addWorksheet("List_1");
      sheet.addRow([
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "Date of Contact",
        "Contact Source",
      ]);
      sheet.addRow(["C1", gender, "a) WBRI", null, null, new Date(Date.UTC(2026, 9, 1)), "q) 6: Police"]);
      const input = path.join(dir, `${name}-in.xlsx`);
      await source.xlsx.writeFile(input);
      const workbook = await XlsxWorkbook.open(input);
      await runCommand(workbook, annexAQuery, (s) =>
        annexAInPlace(s, { asOf: serialFromYmd(2026, 11, 25), fix: false }),
      );
      const file = path.join(dir, `${name}.xlsx`);
      await workbook.save(file);
      return file;
    };
    const [flagged, clean] = renderToPdf([await make("flagged", "Man"), await make("clean", "a) Male")], dir) as [
      string,
      string,
    ];
    expect(countPixelsNear(firstPagePixels(flagged, 100), "#FFF4CE", 6)).toBeGreaterThan(50);
    expect(countPixelsNear(firstPagePixels(clean, 100), "#FFF4CE", 6)).toBe(0);
  });
});

describe("LibreOffice computes the QA compliance sheet", () => {
  it("counts each manager's audits completed this month and rates them against 5", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lo-qa-"));
    const lists = new ExcelJS.Workbook();
    const sheet = lists.addWorksheet("List_8");
    sheet.addRow(["Child Unique ID", "Gender"]);
    for (let i = 0; i < 12; i++) sheet.addRow([`C${i}`, "a) Male"]);
    const input = path.join(dir, "lists.xlsx");
    await lists.xlsx.writeFile(input);
    const workbook = await XlsxWorkbook.open(input);
    const asOf = serialFromYmd(2026, 11, 25);
    const framework = getFramework("ofsted-ilacs-2024");
    await runCommand(workbook, caseAuditQuery, (s) =>
      caseAudit(s, { framework, cases: 10, due: null, asOf, now: new Date() }),
    );
    // Manager A completed 6 audits in November, Manager B 3, and one of B's was in October.
    const completed = (i: number) => (i === 9 ? serialFromYmd(2026, 10, 30) : serialFromYmd(2026, 11, 2 + i));
    await workbook.apply({
      description: "audits done",
      ops: [
        {
          op: "writeValues",
          sheet: "Case audit",
          row: 1,
          col: 3,
          values: Array.from({ length: 10 }, (_, i) => [i < 6 ? "Manager A" : "Manager B"]),
        },
        {
          op: "writeValues",
          sheet: "Case audit",
          row: 1,
          col: 8,
          values: Array.from({ length: 10 }, (_, i) => [completed(i)]),
        },
        { op: "writeValues", sheet: "QA compliance", row: 1, col: 0, values: [["Manager A"], ["Manager B"]] },
      ],
    });
    const file = path.join(dir, "audit.xlsx");
    await workbook.save(file);
    const qa = recalculatedSheets([file], dir).get(file)!.get("QA compliance")!;
    expect(qa.slice(1, 3).map((row) => [row[0], row[2], row[4]])).toEqual([
      ["Manager A", "6", "Green"],
      ["Manager B", "3", "Amber"],
    ]);
  });
});
