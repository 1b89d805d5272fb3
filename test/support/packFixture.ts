import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "./runCli";

/**
 * A plan workbook as a council holds it before a committee: the action plan filled in by managers, and in
 * the same workbook the Annex A lists, with children's ids, names and dates of birth — one child's id and
 * name typed into a Red action's progress update (row 8) by someone in a hurry, as happens.
 */
export const CHILDREN = [
  { id: "CH100234", name: "Kayden Smithson", birth: new Date(Date.UTC(2015, 2, 13)), birthText: "13/03/2015" },
  { id: "CH100871", name: "Amelia Whitcombe", birth: new Date(Date.UTC(2019, 6, 2)), birthText: "02/07/2019" },
  { id: "CH100902", name: "Reuben Okonkwo-Hale", birth: new Date(Date.UTC(2011, 10, 21)), birthText: "21/11/2011" },
];

/** RAG per data row, in turn. */
export const RAGS = ["Red", "Amber", "Green", "Blue", "Not started", "Complete - awaiting sign off", "Green", "Amber"];

/** A column of the action plan by its header, 1-based as ExcelJS counts. */
export function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const col = (sheet.getRow(1).values as unknown[]).indexOf(header);
  if (col < 1) throw new Error(`No column "${header}"`);
  return col;
}

export async function packPlan(
  dir: string,
  name = "plan.xlsx",
  change?: (sheet: ExcelJS.Worksheet, col: (header: string) => number) => void,
): Promise<string> {
  const file = path.join(dir, name);
  const made = await runCli(["new", "--out", file]);
  if (made.code !== 0) throw new Error(made.err);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const plan = workbook.getWorksheet("Action plan")!;
  const col = (header: string) => columnOf(plan, header);
  for (let r = 2; r <= plan.rowCount; r++) {
    plan.getCell(r, col("Action")).value = `Action ${r}: review practice`;
    plan.getCell(r, col("RAG")).value = RAGS[r % RAGS.length]!;
    plan.getCell(r, col("Lead")).value = r % 2 ? "Head of service" : "Principal social worker";
    plan.getCell(r, col("Due date")).value = new Date(Date.UTC(2026, 8 + (r % 5), 1));
    plan.getCell(r, col("Last updated")).value = new Date(Date.UTC(2026, 9 + (r % 2), 3));
  }
  const child = CHILDREN[0]!;
  plan.getCell(8, col("Progress update")).value =
    `Audit of ${child.id} (${child.name}, born ${child.birthText}) found drift; plan reviewed.`;
  change?.(plan, col);

  // Annex A lists 1 and 6 beside the plan, as a case-management export gives them (title row, headers).
  const list1 = workbook.addWorksheet("List_1");
  list1.addRow(["List 1: Contacts"]);
  list1.addRow([
    "Child Unique ID",
    "Child Name",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    "Date of Contact",
    "Contact Source",
  ]);
  CHILDREN.forEach((c, i) =>
    list1.addRow([
      c.id,
      c.name,
      "a) Male",
      "a) WBRI",
      c.birth,
      10 - i,
      new Date(Date.UTC(2026, 9, 1 + i)),
      "1A) Individual",
    ]),
  );
  const list6 = workbook.addWorksheet("List_6");
  list6.addRow(["List 6: Children in need"]);
  list6.addRow(["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"]);
  CHILDREN.slice(0, 2).forEach((c) => list6.addRow([c.id, "b) Female", "a) WBRI", c.birth, 7]));
  workbook.company = "Anyshire County Council";
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Every child id, name part and date of birth a pack must never show. */
export function childNeedles(): string[] {
  return CHILDREN.flatMap((c) => [c.id, c.name, ...c.name.split(/[\s-]+/), c.birthText]);
}
