import { dateFromSerial, formatUkDate } from "../dates";
import { isBlankValue, type CellValue } from "../validation/planRow";
import type { AnnexFinding, SheetInput } from "./checkList";
import { dateCell } from "./checkList";
import { codeIndex, codeKey, withoutPrefix } from "./codeValues";
import { findHeaderRow } from "./headerMatch";
import { periodStart } from "./listDates";
import { allColumns, type AnnexList } from "./listSpecs";

/**
 * Checks across the lists, for the same child id: one date of birth, sex and ethnicity everywhere; a
 * child protection plan that began in the period with its section 47 enquiry in List 5; children on a
 * plan or in care in the children in need list. Each rule names its source and how sure it is.
 */
export const CROSS_LIST_RULES = {
  "cross-list-birth": {
    source: "Annex A guidance (Ofsted, August 2019): the Child Unique ID is the same child in every list",
    confidence: "confirmed",
  },
  "cross-list-sex": {
    source: "Annex A guidance (Ofsted, August 2019): the Child Unique ID is the same child in every list",
    confidence: "confirmed",
  },
  "cross-list-ethnicity": {
    source: "Annex A guidance (Ofsted, August 2019): the Child Unique ID is the same child in every list",
    confidence: "confirmed",
  },
  "plan-without-enquiry": {
    source:
      "Working Together to Safeguard Children (2023): a plan is made at an initial conference that follows a section 47 enquiry; Annex A List 5 holds the enquiries of the 6 months",
    confidence:
      "partly confirmed: a plan transferred in from another authority starts at a transfer-in conference with no enquiry here",
  },
  "plan-not-in-need": {
    source:
      "Annex A guidance (Ofsted, August 2019), List 6: all children in need at the point of inspection or in the previous 6 months, including those on a child protection plan",
    confidence: "confirmed",
  },
  "care-not-in-need": {
    source:
      "Annex A guidance (Ofsted, August 2019), List 6: all children in need at the point of inspection or in the previous 6 months, including children looked after",
    confidence: "confirmed",
  },
} as const;

/**
 * An enquiry and its conference take about 15 working days (Working Together 2023), so a plan begun in
 * the first weeks of the period may follow an enquiry begun before it, which List 5 does not hold.
 */
const ENQUIRY_LEAD_DAYS = 28;

interface ChildRow {
  list: number;
  sheet: string;
  row: number;
  idCol: number;
  cells: Partial<Record<"birth" | "sex" | "ethnicity", { col: number; value: string; text: string }>>;
  planStart?: number;
  unborn: boolean;
}

const letters = (col: number): string => {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const at = (row: number, col: number) => `${letters(col)}${row + 1}`;

/** Unknown values say nothing about the child: an ethnicity not yet obtained, a sex not recorded. */
const UNKNOWN = new Set(["refu", "nobt", "not stated recorded", "not stated recorded or unborn", "not stated"]);

function childRows(sheet: SheetInput, spec: AnnexList): Map<string, ChildRow[]> {
  const header = findHeaderRow(sheet.values, spec);
  const idCol = header.map.get("Child Unique ID");
  const rows = new Map<string, ChildRow[]>();
  if (idCol === undefined) return rows;
  const columns = allColumns(spec);
  const col = (name: string) => header.map.get(name);
  const codeOf = (name: string) => {
    const column = columns.find((c) => c.name === name);
    const index = column?.codes ? codeIndex(column.codes) : null;
    // The same few values fill a column: each is read once.
    const memo = new Map<string, string | null>();
    return (value: CellValue) => {
      const text = String(value);
      let key = memo.get(text);
      if (key === undefined) {
        const code = index?.exact.has(text) ? text : index?.forms.get(codeKey(text))?.code;
        key = code ? codeKey(withoutPrefix(code)) : null;
        memo.set(text, key);
      }
      return key;
    };
  };
  // "Gender" is the column's name in the specs whether the file heads it Gender or Sex.
  const sexCode = codeOf("Gender");
  const ethnicityCode = codeOf("Ethnicity");
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (!row || isBlankValue(row[idCol])) continue;
    const id = String(row[idCol]).trim().toLowerCase();
    const cells: ChildRow["cells"] = {};
    const birthCol = col("Date of Birth");
    const birth = birthCol === undefined ? null : dateCell(row[birthCol], sheet.dayZero);
    if (birth !== null)
      // The date's text is made only for a finding: lists run to 100,000 rows.
      cells.birth = { col: birthCol!, value: String(birth), text: "" };
    for (const [key, name, read] of [
      ["sex", "Gender", sexCode],
      ["ethnicity", "Ethnicity", ethnicityCode],
    ] as const) {
      const c = col(name);
      if (c === undefined || isBlankValue(row[c])) continue;
      const value = read(row[c]!);
      if (value && !UNKNOWN.has(value)) cells[key] = { col: c, value, text: String(row[c]).trim() };
    }
    const ageCol = col("Age of Child (Years)");
    const age = ageCol === undefined ? null : row[ageCol];
    const planCol = col("Child Protection Plan Start Date");
    const planStart = planCol === undefined ? null : dateCell(row[planCol], sheet.dayZero);
    const entry: ChildRow = {
      list: spec.list,
      sheet: sheet.name,
      row: r,
      idCol,
      cells,
      unborn: age === -1 || age === "-1",
      ...(planStart !== null ? { planStart } : {}),
    };
    const entries = rows.get(id);
    if (entries) entries.push(entry);
    else rows.set(id, [entry]);
  }
  return rows;
}

const shown = (key: "birth" | "sex" | "ethnicity", cell: { value: string; text: string }) =>
  key === "birth" ? formatUkDate(dateFromSerial(Number(cell.value))) : cell.text;
const KEYS = ["birth", "sex", "ethnicity"] as const;

export function checkAcrossLists(lists: { sheet: SheetInput; spec: AnnexList }[], asOf: number): AnnexFinding[] {
  const children = lists
    .filter((l) => l.spec.list <= 10)
    .map((l) => ({ list: l.spec.list, rows: childRows(l.sheet, l.spec) }));
  const findings: AnnexFinding[] = [];
  const push = (rule: keyof typeof CROSS_LIST_RULES, row: ChildRow, col: number, message: string) => {
    const cell = at(row.row, col);
    const { source, confidence } = CROSS_LIST_RULES[rule];
    findings.push({
      rule,
      severity: "warning",
      sheet: row.sheet,
      cell,
      message: `${row.sheet}!${cell}: ${message}`,
      source: confidence === "confirmed" ? source : `${source} (${confidence})`,
    });
  };
  // The same child: the first row seen (lowest list, then row) is the one the others are compared with.
  const first = new Map<string, Partial<Record<"birth" | "sex" | "ethnicity", ChildRow>>>();
  for (const { rows } of children) {
    for (const [id, entries] of rows) {
      const seen = first.get(id) ?? {};
      for (const entry of entries) {
        for (const key of KEYS) {
          const mine = entry.cells[key];
          if (!mine || (key === "birth" && entry.unborn)) continue;
          const theirs = seen[key];
          if (!theirs) {
            seen[key] = entry;
            continue;
          }
          const other = theirs.cells[key]!;
          if (other.value === mine.value) continue;
          const what = key === "birth" ? "date of birth" : key;
          push(
            key === "birth" ? "cross-list-birth" : key === "sex" ? "cross-list-sex" : "cross-list-ethnicity",
            entry,
            mine.col,
            `the ${what} "${shown(key, mine)}" differs from "${shown(key, other)}" for the same child in ${theirs.sheet}!${at(theirs.row, other.col)} (List ${theirs.list}); make them the same, or check the Child Unique ID`,
          );
        }
      }
      first.set(id, seen);
    }
  }
  const byList = new Map(children.map((c) => [c.list, c.rows]));
  const s47 = byList.get(5);
  const plans = byList.get(7);
  const inNeed = byList.get(6);
  if (plans && s47 && s47.size > 0) {
    const from = periodStart(asOf, 6) + ENQUIRY_LEAD_DAYS;
    for (const [id, entries] of plans) {
      if (s47.has(id)) continue;
      for (const entry of entries) {
        if (entry.planStart === undefined || entry.planStart < from || entry.planStart > asOf) continue;
        push(
          "plan-without-enquiry",
          entry,
          entry.idCol,
          `the child protection plan began on ${formatUkDate(dateFromSerial(entry.planStart))}, in the period, but the child has no section 47 enquiry in List 5; add the enquiry, or note that the plan was transferred in`,
        );
      }
    }
  }
  if (inNeed && inNeed.size > 0) {
    for (const [list, rule, who] of [
      [7, "plan-not-in-need", "on a child protection plan (List 7)"],
      [8, "care-not-in-need", "in care (List 8)"],
    ] as const) {
      for (const [id, entries] of byList.get(list) ?? []) {
        if (inNeed.has(id)) continue;
        const entry = entries[0]!;
        push(
          rule,
          entry,
          entry.idCol,
          `the child is ${who} but not in the children in need list (List 6), which the guidance says holds them; add the child to List 6, or check the Child Unique ID`,
        );
      }
    }
  }
  return findings;
}
