/**
 * ExcelJS's bare load of an .xlsx file as a whole process: `node bareLoad.js FILE`. The baseline the
 * benches hold the CLI against, so Node's start and the loading of modules count on both sides.
 */
import ExcelJS from "exceljs";

const file = process.argv[2];
if (!file) throw new Error("bareLoad.js needs the file to load");
new ExcelJS.Workbook().xlsx.readFile(file).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
