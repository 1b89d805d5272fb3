import { committeePack, packCsv, packPage, packPatch, type CommitteePack } from "../../commands/committeePack";
import { readPackSnapshot, type PackSnapshot } from "../../commands/packSnapshot";
import { todaySerial } from "../../domain/dates";
import { findFramework } from "../../domain/frameworks";
import type { WorkbookAdapter } from "../../workbook/types";

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
  const snapshot = await workbook.read({ sheets: "all" });
  const asOf = todaySerial(now);
  return committeePack(snapshot, {
    asOf,
    madeOn: asOf,
    marking: choices.marking.trim() || "OFFICIAL-SENSITIVE",
    authority: choices.authority.trim() || null,
    author: choices.author.trim() || null,
    previous: await previousSnapshot(choices.previous),
    ...(choices.previous ? { previousName: choices.previous.name } : {}),
    suppress: !choices.internal,
    resolve: findFramework,
  });
}

/** The pack as the bytes of an .xlsx file. */
export async function packXlsxBytes(pack: CommitteePack, marking: string, now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const { XlsxBytesWorkbook } = await import(/* webpackChunkName: "exceljs" */ "../../workbook/xlsx/xlsxBytes");
  const file = XlsxBytesWorkbook.empty();
  await file.apply(packPatch(pack, packPage(pack, marking, todaySerial(now))));
  return file.toBytes();
}

export { packCsv };
