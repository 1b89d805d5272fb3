import type ExcelJS from "exceljs";
import { serialFromDate } from "../serialDates";
import type { Scalar } from "../types";

/** Every ExcelJS value as a plain scalar: rich text and hyperlinks as their text, errors as "#N/A" etc. */
export function cellScalar(raw: ExcelJS.CellValue | undefined): Scalar {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return serialFromDate(raw);
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return raw;
  if ("richText" in raw) return raw.richText.map((run) => run.text).join("");
  if ("error" in raw) return raw.error;
  if ("hyperlink" in raw) return typeof raw.text === "string" ? raw.text : cellScalar(raw.text as ExcelJS.CellValue);
  if ("formula" in raw || "sharedFormula" in raw)
    return cellScalar((raw as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return null;
}
