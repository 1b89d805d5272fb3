/**
 * The pane built around the fake of Office.js the adapter's tests use (test/support/fakeOffice.ts), so
 * what only happens inside Excel runs in Chromium too: people typing in cells (`fakeExcel.userEdit`),
 * Excel's selection (`window.excelSelection`). `?events=none` plays a host without ExcelApi 1.7.
 * The fake lacks the three calls the pane adds (Worksheet.activate, Range.select,
 * Workbook.getSelectedRange); they are added here, recording what they were asked to do.
 *
 * The page preview-checks.e2e.test.ts and preview-undo.e2e.test.ts both drive.
 */
import fs from "node:fs";
import path from "node:path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");

const EXCEL_ENTRY = `
import { FakeExcel, FakeRequestContext } from ${JSON.stringify(path.join(ROOT, "test/support/fakeOffice.ts"))};
import { rangeAddress } from ${JSON.stringify(path.join(ROOT, "src/workbook/address.ts"))};

globalThis.Buffer = globalThis.Buffer || { byteLength: (text) => new TextEncoder().encode(text).length };
const events = new URLSearchParams(location.search).get("events") !== "none";
const fake = new FakeExcel();
fake.model.addSheet("Sheet1");
window.fakeExcel = fake;
window.excelLog = [];
window.excelSelection = "Sheet1!A1";

const probe = new FakeRequestContext(fake);
const worksheet = probe.workbook.worksheets.getItem("Sheet1");
Object.getPrototypeOf(worksheet).activate = function () {
  this.write("activate", [], (sheet) => window.excelLog.push("activate " + sheet.name));
};
Object.getPrototypeOf(worksheet.getRange("A1")).select = function () {
  this.write("select", [], (target) => window.excelLog.push("select " + target.sheet.name + "!" + rangeAddress(target.rect)));
};
Object.getPrototypeOf(probe.workbook).getSelectedRange = function () {
  return { address: window.excelSelection, load() { return this; } };
};

const minor = (version) => Number(String(version).split(".")[1] || 0);
window.Excel = fake;
window.Office = {
  HostType: { Excel: "Excel" },
  onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
  context: {
    requirements: {
      isSetSupported: (name, version) => name === "ExcelApi" && (events || minor(version) !== 7) && minor(version) <= 14,
    },
  },
};
import(${JSON.stringify(path.join(ROOT, "src/taskpane/index.tsx"))});
`;

const EXCEL_PAGE = `<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8" /><title>Inspection Ready</title>
    <style>html, body, #container { height: 100%; margin: 0; }</style></head>
  <body><div id="container"></div><script src="excel-mode.js"></script></body>
</html>`;

/** Bundles the pane with the fake into `out`, with webpack's Node API and the loader `npm run build` uses. */
export async function buildExcelMode(out: string): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "entry.js"), EXCEL_ENTRY);
  fs.writeFileSync(path.join(out, "excel.html"), EXCEL_PAGE);
  const compiler = webpack({
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: path.join(out, "entry.js"),
    output: { path: out, filename: "excel-mode.js", chunkFilename: "[name].excel-mode.js", publicPath: "auto" },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      alias: { exceljs$: path.join(ROOT, "node_modules/exceljs/dist/exceljs.min.js") },
    },
    module: {
      noParse: /exceljs[\\/]dist[\\/]exceljs\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.join(ROOT, "tsconfig.json"),
              compilerOptions: { noEmit: false, module: "esnext", moduleResolution: "bundler" },
            },
          },
        },
      ],
    },
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => (error || !result ? reject(error ?? new Error("no stats")) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

/** What the page's fake offers the tests. */
export interface FakeExcelInPage {
  model: {
    sheet(name: string): unknown;
    cell(sheet: unknown, row: number, col: number): { value: string | number | boolean } | undefined;
  };
  userEdit(sheet: string, address: string, rows: (string | number | boolean | null)[][]): void;
}
