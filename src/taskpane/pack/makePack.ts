import {
  committeePack,
  packCsv,
  packIntoWorkbook,
  packPage,
  packPatch,
  type CommitteePack,
} from "../../commands/committeePack";
import { latestPackSnapshotSheet, readPackSnapshot, type PackSnapshot } from "../../commands/packSnapshot";
import { todaySerial } from "../../domain/dates";
import { findFramework } from "../../domain/frameworks";
import type { WorkbookAdapter, WorkbookPatch, WorkbookSnapshot } from "../../workbook/types";

export interface PackChoices {
  marking: string;
  authority: string;
  author: string;
  /** Small Annex A counts shown: only for a pack that stays within the team. */
  internal: boolean;
  /** The last pack's .xlsx, read for the direction of travel; null when none was chosen. */
  previous: { name: string; bytes: ArrayBuffer } | null;
}

/** The file name a pack gets: the marking in it, as the command line gives it. */
export function packFileName(marking: string, extension: "xlsx" | "csv", now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `Committee pack ${day} ${marking.replace(/[\\/:*?"<>|]/g, "-")}.${extension}`;
}

/** Reads a previous pack's bytes (ExcelJS is loaded only now) for its snapshot. */
async function previousSnapshot(previous: PackChoices["previous"]): Promise<PackSnapshot | null> {
  if (!previous) return null;
  const { XlsxBytesWorkbook } = await import(/* webpackChunkName: "exceljs" */ "../../workbook/xlsx/xlsxBytes");
  const workbook = await XlsxBytesWorkbook.fromBytes(previous.bytes);
  const found = readPackSnapshot(await workbook.read({ sheets: "all" }), previous.name);
  if (!found) throw new Error(`${previous.name} holds no pack snapshot: choose a pack this add-in made, as .xlsx`);
  return found;
}

/** The pack from the workbook as it is now; the workbook is only read. */
export async function makePack(workbook: WorkbookAdapter, choices: PackChoices, now: Date): Promise<CommitteePack> {
  const previous = await previousSnapshot(choices.previous);
  return packFrom(await workbook.read({ sheets: "all" }), choices, previous, now);
}

/**
 * The pack from a snapshot, compared with the previous pack chosen, or else with the last pack added to
 * this workbook, if any.
 */
export function packFrom(
  snapshot: WorkbookSnapshot,
  choices: PackChoices,
  previous: PackSnapshot | null,
  now: Date,
): CommitteePack {
  const asOf = todaySerial(now);
  const inWorkbook = previous ? null : latestPackSnapshotSheet(snapshot);
  const last = previous ?? (inWorkbook ? readPackSnapshot(snapshot, "this workbook", inWorkbook) : null);
  const previousName =
    choices.previous?.name ?? (inWorkbook ? `the sheet "${inWorkbook}" of this workbook` : undefined);
  return committeePack(snapshot, {
    asOf,
    madeOn: asOf,
    marking: markingOf(choices),
    authority: choices.authority.trim() || null,
    author: choices.author.trim() || null,
    previous: last,
    ...(last && previousName ? { previousName } : {}),
    suppress: !choices.internal,
    resolve: findFramework,
  });
}

export function markingOf(choices: PackChoices): string {
  return choices.marking.trim() || "OFFICIAL-SENSITIVE";
}

/** The pane command that adds the pack's sheets to this workbook: Excel draws its chart, Undo removes it. */
export function addPackCommand(choices: PackChoices, previous: PackSnapshot | null, now: Date) {
  return {
    query: { sheets: "all" as const },
    plan: (snapshot: WorkbookSnapshot): { patch: WorkbookPatch; report: CommitteePack } => {
      const pack = packFrom(snapshot, choices, previous, now);
      return {
        patch: packIntoWorkbook(pack, packPage(pack, markingOf(choices), todaySerial(now)), snapshot),
        report: pack,
      };
    },
    describe: (pack: CommitteePack) =>
      `Added the committee pack to this workbook: ${pack.exceptions} actions with exceptions${pack.suppressed > 0 ? `, ${pack.suppressed} small counts suppressed` : ""}${pack.removed > 0 ? `, ${pack.removed} child identifiers removed from the plan's text` : ""}.`,
    failure: "Could not make the committee pack",
  };
}

export { previousSnapshot };

/** The pack as the bytes of an .xlsx file. */
export async function packXlsxBytes(pack: CommitteePack, marking: string, now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const { XlsxBytesWorkbook } = await import(/* webpackChunkName: "exceljs" */ "../../workbook/xlsx/xlsxBytes");
  const file = XlsxBytesWorkbook.empty();
  await file.apply(packPatch(pack, packPage(pack, marking, todaySerial(now))));
  return file.toBytes();
}

export { packCsv };
