import { isRagConcept, type RagConcept } from "../domain/rag";
import { UserError } from "../domain/userError";
import { cellAddress } from "../workbook/address";
import type { Scalar, WorkbookSnapshot } from "../workbook/types";
import type { ReportSheet } from "../sheets/reportSheet";
import type { TrackedAction } from "../domain/progress/trackedAction";

/**
 * What a pack keeps of itself, in a sheet hidden from readers and printers, so the next pack can say
 * which way each action and judgement went: every action's key and status, every judgement's grade and
 * score. Only what the plan already holds; nothing from an Annex A list.
 */
export const PACK_SNAPSHOT_SHEET = "Pack snapshot";

export interface PackSnapshot {
  /** The day the pack was as of (Excel serial). */
  asOf: number;
  frameworkId: string | null;
  actions: Map<string, { status: string | null; concept: RagConcept | null; ref: string | null; action: string }>;
  groups: Map<string, { grade: string | null; score: number | null }>;
}

export class PackSnapshotError extends UserError {}

const HEADER = ["Kind", "Key or group", "Ref", "Action", "Status", "Concept", "Grade", "Score"];

/** The hidden sheet that records a pack, as a report sheet (so the layout that writes every sheet writes it). */
export function packSnapshotSheet(
  asOf: number,
  frameworkId: string | null,
  actions: readonly TrackedAction[],
  groups: readonly { group: string; grade: string | null; score: number | null }[],
): ReportSheet {
  return {
    name: PACK_SNAPSHOT_SHEET,
    title: "Pack snapshot",
    intro: ["What this pack recorded, for the next pack's direction of travel. Do not edit."],
    visibility: "veryHidden",
    tables: [
      {
        columns: HEADER.map((header) => ({ header, width: 12, kind: "text" as const })),
        rows: [
          ["pack", frameworkId, null, null, null, null, null, asOf],
          ...actions.map((a) => ["action", a.key, a.ref, a.action, a.status, a.concept, null, null]),
          ...groups.map((g) => ["group", g.group, null, null, null, null, g.grade, g.score]),
        ],
      },
    ],
  };
}

/**
 * The snapshot a previous pack kept, or null where the workbook holds none. `source` names the file or
 * workbook for messages. A snapshot someone has edited into nonsense is refused, naming the cell.
 * `sheetName` is for a report that keeps its record in the same format under another name (the roll-up).
 */
export function readPackSnapshot(
  snapshot: WorkbookSnapshot,
  source: string,
  sheetName: string = PACK_SNAPSHOT_SHEET,
): PackSnapshot | null {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  if (!sheet?.values) return null;
  const values = sheet.values;
  const headerRow = values.findIndex((row) => row[0] === HEADER[0] && row[1] === HEADER[1]);
  if (headerRow < 0) {
    throw new PackSnapshotError(
      `${source}: the sheet "${sheetName}" has no "Kind" header, so it is not a pack's snapshot: give the pack file this product wrote`,
    );
  }
  const result: PackSnapshot = { asOf: 0, frameworkId: null, actions: new Map(), groups: new Map() };
  const bad = (r: number, c: number, what: string) =>
    new PackSnapshotError(
      `${source}: ${sheetName}!${cellAddress(r, c)} ${what}; the pack's snapshot has been changed, so give an unedited pack`,
    );
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const kind = row[0];
    if (kind === null || kind === undefined || kind === "") continue;
    if (kind === "pack") {
      if (typeof row[7] !== "number") throw bad(r, 7, "should hold the pack's date");
      result.asOf = row[7];
      result.frameworkId = textOrNull(row[1]);
    } else if (kind === "action") {
      const key = textOrNull(row[1]);
      if (!key) throw bad(r, 1, "should hold the action's key");
      const concept = textOrNull(row[5]);
      if (concept !== null && !isRagConcept(concept)) throw bad(r, 5, `holds "${concept}", which is not a RAG concept`);
      result.actions.set(key, {
        status: textOrNull(row[4]),
        concept: concept as RagConcept | null,
        ref: textOrNull(row[2]),
        action: textOrNull(row[3]) ?? "",
      });
    } else if (kind === "group") {
      const group = textOrNull(row[1]);
      if (!group) throw bad(r, 1, "should hold the judgement or area");
      const score = row[7];
      if (score !== null && score !== undefined && typeof score !== "number") throw bad(r, 7, "should hold a score");
      result.groups.set(group, { grade: textOrNull(row[6]), score: typeof score === "number" ? score : null });
    } else {
      throw bad(r, 0, `holds "${String(kind)}", where "pack", "action" or "group" belongs`);
    }
  }
  return result;
}

function textOrNull(value: Scalar | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

/**
 * The pack snapshot most recently added to a workbook (a pack added to the plan's own workbook keeps its
 * record there; later ones get "Pack snapshot (2)", "(3)"…), or null where it holds none.
 */
export function latestPackSnapshotSheet(snapshot: WorkbookSnapshot): string | null {
  const numbered = snapshot.sheets
    .map((s) => ({ name: s.name, match: /^Pack snapshot(?: \((\d+)\))?$/.exec(s.name) }))
    .filter((s) => s.match)
    .map((s) => ({ name: s.name, n: Number(s.match![1] ?? 1) }));
  if (numbered.length === 0) return null;
  return numbered.reduce((a, b) => (b.n > a.n ? b : a)).name;
}
