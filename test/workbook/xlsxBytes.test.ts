import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { createWorkbook, createWorkbookQuery } from "../../src/commands/createWorkbook";
import { runCommand } from "../../src/commands/runCommand";
import { getFramework } from "../../src/domain/frameworks";
import { MemoryWorkbook } from "../../src/workbook/memory/memoryWorkbook";
import { UnreadableWorkbookError, XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsxFile";
import { useTempDir } from "../support/tempDir";

const ilacs = getFramework("ofsted-ilacs-2024");
const now = new Date("2026-11-25T09:30:00Z");
const tempDir = useTempDir();
const annexATemplate = path.join(__dirname, "../fixtures/annex-a-template-ofsted-2019.xlsx");

async function newPlanBytes(): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = XlsxBytesWorkbook.empty();
  await runCommand(workbook, createWorkbookQuery, (s) =>
    createWorkbook(s, { framework: ilacs, kinds: ["action-plan"], now }),
  );
  return workbook.toBytes();
}

describe("XlsxBytesWorkbook.toBytes and fromBytes", () => {
  it("a plan written to bytes and opened from them reads as the same command gives in memory", async () => {
    const reopened = await XlsxBytesWorkbook.fromBytes(await newPlanBytes());
    const memory = new MemoryWorkbook();
    await runCommand(memory, createWorkbookQuery, (s) =>
      createWorkbook(s, { framework: ilacs, kinds: ["action-plan"], now }),
    );
    expect(await reopened.read({ sheets: "all" })).toEqual(memory.snapshot());
  });

  it("writes the bytes of a real .xlsx file, which ExcelJS and the file adapter open", async () => {
    const bytes = await newPlanBytes();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK"); // a zip, as every .xlsx is
    const file = path.join(tempDir(), "plan.xlsx");
    writeFileSync(file, bytes);
    const direct = new ExcelJS.Workbook();
    await direct.xlsx.readFile(file);
    expect(direct.getWorksheet("Action plan")!.getCell("A2").value).toBe("LE-01");
    const fromFile = await (await XlsxWorkbook.open(file)).read({ sheets: "all" });
    expect(fromFile).toEqual(await (await XlsxBytesWorkbook.fromBytes(bytes)).read({ sheets: "all" }));
  });

  it("opens the bytes of a file as the file adapter opens the file, from an ArrayBuffer or a Uint8Array", async () => {
    const fileBytes = readFileSync(annexATemplate);
    const arrayBuffer = fileBytes.buffer.slice(fileBytes.byteOffset, fileBytes.byteOffset + fileBytes.byteLength);
    const expected = await (await XlsxWorkbook.open(annexATemplate)).read({ sheets: "all" });
    expect(await (await XlsxBytesWorkbook.fromBytes(arrayBuffer)).read({ sheets: "all" })).toEqual(expected);
    expect(await (await XlsxBytesWorkbook.fromBytes(new Uint8Array(fileBytes))).read({ sheets: "all" })).toEqual(
      expected,
    );
  });

  it("leaves the caller's bytes as they were, so they can be opened again", async () => {
    const bytes = await newPlanBytes();
    const before = Array.from(bytes);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await XlsxBytesWorkbook.fromBytes(bytes);
    await XlsxBytesWorkbook.fromBytes(buffer);
    expect(Array.from(bytes)).toEqual(before);
    expect(buffer.byteLength).toBe(bytes.byteLength);
    expect(Array.from(new Uint8Array(buffer))).toEqual(before);
  });

  it("keeps a patch applied after opening, through a second round trip", async () => {
    const workbook = await XlsxBytesWorkbook.fromBytes(await newPlanBytes());
    await workbook.apply({
      description: "notes",
      ops: [
        { op: "addSheet", sheet: "Notes" },
        { op: "writeValues", sheet: "Notes", row: 0, col: 0, values: [["Seen"], [46351], [{ formula: "=A2+1" }]] },
        { op: "setNumberFormats", sheet: "Notes", row: 1, col: 0, formats: [["dd/mm/yyyy"]] },
      ],
    });
    const snapshot = await (await XlsxBytesWorkbook.fromBytes(await workbook.toBytes())).read({ sheets: ["Notes"] });
    const notes = snapshot.sheets.find((s) => s.name === "Notes")!;
    expect(notes.values).toEqual([["Seen"], [46351], [null]]);
    expect(notes.formulas![2]![0]).toBe("=A2+1");
    expect(notes.numberFormats![1]![0]).toBe("dd/mm/yyyy");
    expect(snapshot.sheets.map((s) => s.name)).toContain("Action plan");
  });

  it("reads the column widths the file sets, 0-based, leaving out columns without one", async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet("Widths");
    ws.getCell("A1").value = "x";
    ws.getColumn(2).width = 30;
    ws.getColumn(4).width = 12.5;
    const bytes = new Uint8Array(await source.xlsx.writeBuffer());
    const widths = (await XlsxBytesWorkbook.fromBytes(bytes)).columnWidths();
    expect(widths.get("Widths")).toEqual([
      { col: 1, width: 30 },
      { col: 3, width: 12.5 },
    ]);
  });

  it("refuses bytes that are not an .xlsx workbook with an error the user can act on", async () => {
    const notXlsx = new TextEncoder().encode("Ref,Action\nLE-01,Do it\n");
    await expect(XlsxBytesWorkbook.fromBytes(notXlsx)).rejects.toThrow(UnreadableWorkbookError);
    await expect(XlsxBytesWorkbook.fromBytes(new ArrayBuffer(0))).rejects.toThrow(UnreadableWorkbookError);
  });
});
