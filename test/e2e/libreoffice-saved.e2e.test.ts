import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import { XlsxBytesWorkbook } from "../../src/workbook/xlsx/xlsxBytes";
import { snapshotFromXlsxBytes } from "../../src/workbook/xlsx/xlsxSnapshotReader";
import { d, templateWith } from "../fixtures/annexA";
import { resavedByLibreOffice } from "../support/libreoffice";
import { runCli } from "../support/runCli";

/**
 * Workbooks a council keeps in LibreOffice. LibreOffice writes the format's true/false attributes as
 * "true" where Excel writes "1" (date1904="true", <sheetProtection sheet="true">); read as Excel's
 * spelling only, a 1904 workbook's dates come out four years early and a protected sheet is written into.
 * Each file here is made by us, then opened and saved by LibreOffice itself.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), "lo-saved-"));
const fromLibreOffice = path.join(dir, "libreoffice");
mkdirSync(fromLibreOffice);

/** Lists 1 and 6 of Annex A with dates, in the 1904 date system; List_1 protected where asked. */
async function lists(name: string, protect: boolean): Promise<string> {
  const workbook = await templateWith(
    {
      1: [
        ["C1", "a) Male", "a) WBRI", d(1, 2, 2015), 11, d(20, 11, 2026), "q) 6: Police"],
        ["C2", "b) Female", "a) WBRI", d(3, 3, 2015), 9, "14 Nov 2026", "q) 6: Police"],
      ],
    },
    (wb) => {
      wb.properties.date1904 = true;
    },
  );
  if (protect) await workbook.getWorksheet("List_1")!.protect("", {});
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const part = (file: string, name: string) => execFileSync("unzip", ["-p", file, name], { encoding: "utf8" });
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let originals: { open: string; protectedList: string };
let saved: { open: string; protectedList: string };

beforeAll(async () => {
  originals = { open: await lists("open.xlsx", false), protectedList: await lists("protected.xlsx", true) };
  const [open, protectedList] = resavedByLibreOffice([originals.open, originals.protectedList], fromLibreOffice);
  saved = { open: open!, protectedList: protectedList! };
});

describe("workbooks saved by LibreOffice", () => {
  it("are written with LibreOffice's spelling of true, which is what this is about", () => {
    expect(part(saved.protectedList, "xl/workbook.xml")).toMatch(/<workbookPr[^>]*date1904="true"/);
    const sheets = part(saved.protectedList, "xl/worksheets/sheet*.xml");
    expect(sheets.match(/<sheetProtection[^>]*>/g)).toEqual([expect.stringMatching(/sheet="true"/)]);
  });

  it("annex-a reports the 1904 lists LibreOffice saved exactly as the lists Excel's way of saving gives", async () => {
    const report = async (file: string) => ({
      ...JSON.parse((await runCli(["annex-a", file, "--json"])).out),
      file: "",
    });
    const fromLo = await report(saved.open);
    expect(fromLo.asOf).toMatchObject({ date: "20/11/2026" });
    expect(fromLo).toEqual(await report(originals.open));
  });

  it("--fix writes the day a date typed as words reads as, and the copy keeps the 1904 system", async () => {
    const out = path.join(dir, "fixed.xlsx");
    const result = await runCli(["annex-a", saved.open, "--fix", "--out", out]);
    expect(result.code).toBe(0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    expect(written.properties.date1904).toBe(true);
    const sheet = written.getWorksheet("List_1")!;
    // ExcelJS reads our copy (date1904="1") in its own system: these are the days Excel shows.
    expect((sheet.getCell("F4").value as Date).toISOString().slice(0, 10)).toBe("2026-11-14");
    expect((sheet.getCell("F3").value as Date).toISOString().slice(0, 10)).toBe("2026-11-20");
    expect((sheet.getCell("D3").value as Date).toISOString().slice(0, 10)).toBe("2015-02-01");
  });

  it("a sheet LibreOffice protected is refused before anything is written", async () => {
    const before = hash(saved.protectedList);
    const out = path.join(dir, "refused.xlsx");
    const result = await runCli(["annex-a", saved.protectedList, "--fix", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/The sheet "List_1" is protected, so nothing was changed/);
    expect(existsSync(out)).toBe(false);
    expect(hash(saved.protectedList)).toBe(before);
  });

  it("the preview's reader and the command line's lean reader see the same 1904 dates and protection", async () => {
    const bytes = readFileSync(saved.protectedList);
    const viaExcelJs = await (await XlsxBytesWorkbook.fromBytes(bytes)).read({ sheets: "all" });
    const lean = snapshotFromXlsxBytes(bytes)!;
    for (const snapshot of [viaExcelJs, lean]) {
      expect(snapshot.dateSystem).toBe("1904");
      const list1 = snapshot.sheets.find((s) => s.name === "List_1")!;
      expect(list1.protected).toBe(true);
      expect(snapshot.sheets.filter((s) => s.protected).map((s) => s.name)).toEqual(["List_1"]);
      // 20/11/2026 counted from 01/01/1904: 1900's serial 46346 less 1462 days.
      expect(list1.values![2]![5]).toBe(46346 - 1462);
    }
  });
});
