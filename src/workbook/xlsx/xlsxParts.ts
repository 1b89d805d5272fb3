import { attribute, attributes, elements } from "./xmlText";

/**
 * What both ways of reading an .xlsx (the lean reader, and ExcelJS mended by excelJsBooleans.ts) need
 * to know of the file's parts alike.
 */

/**
 * The format's true/false attributes are xsd:boolean, "1" or "true". Excel writes "1"; LibreOffice
 * writes "true" (date1904="true", <sheetProtection sheet="true">).
 */
export const xsdTrue = (value: string | undefined): boolean => value === "1" || value === "true";

/** A relationships part (`_rels/….rels`): Id → Target. */
export function relationships(xml: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const { attrs } of elements(xml ?? "", "Relationship")) {
    const rel = attributes(attrs);
    if (rel.Id !== undefined && rel.Target !== undefined) found.set(rel.Id, rel.Target);
  }
  return found;
}

/** The path in the archive of a part the workbook's relationships name ("worksheets/sheet1.xml"). */
export function workbookPartPath(target: string): string {
  return `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
}

/**
 * Whether a sheet is protected, from its XML after the cells: a <sheetProtection> that says sheet is true.
 * The element without it protects nothing.
 */
export function isSheetProtected(xmlAfterCells: string): boolean {
  const protection = /<sheetProtection\b([^>]*)>/.exec(xmlAfterCells);
  return protection !== null && xsdTrue(attribute(protection[1]!, "sheet"));
}
