import { DEFAULT_MARKING } from "../../commands/committeePack";
import {
  isRollUp,
  readRollUpSnapshot,
  rollUpPatch,
  rollUpPlans,
  type CountyRollUp,
  type DistrictFile,
} from "../../commands/rollUpPlans";
import { serialDate } from "../../domain/dates";
import { findFramework } from "../../domain/frameworks";
import { UserError } from "../../domain/userError";
import type { PackSnapshot } from "../../commands/packSnapshot";

/** A file the user picked, read in the page. */
export interface PickedFile {
  name: string;
  bytes: ArrayBuffer;
}

export interface CountyWorkbook {
  rollUp: CountyRollUp;
  /** The county workbook, as .xlsx bytes. */
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  /** Picked files that were not rolled up, with why (not readable, no action plan). */
  unreadable: { file: string; reason: string }[];
  /** The earlier roll-up among the picked files that each district was compared with. */
  previousName: string | null;
}

export class CountyRollUpError extends UserError {}

/**
 * The preview's roll-up: the picked district plans read in the page with the adapter the command line
 * uses, rolled up by the same command, and written as a new workbook. An earlier county roll-up picked
 * with them is the previous roll-up each district is compared with, so one pick does what --previous
 * does on the command line. Nothing leaves the page.
 */
export async function buildCountyWorkbook(files: readonly PickedFile[], asOf: number): Promise<CountyWorkbook> {
  const { XlsxBytesWorkbook } = await import(/* webpackChunkName: "exceljs" */ "../../workbook/xlsx/xlsxBytes");
  const unreadable: { file: string; reason: string }[] = [];
  const districts: DistrictFile[] = [];
  const rollUps: { name: string; snapshot: PackSnapshot }[] = [];
  for (const file of files) {
    if (!file.name.toLowerCase().endsWith(".xlsx")) {
      unreadable.push({ file: file.name, reason: "it is not an .xlsx workbook (save it from Excel as .xlsx)" });
      continue;
    }
    let snapshot;
    try {
      snapshot = await (await XlsxBytesWorkbook.fromBytes(file.bytes)).read({ sheets: "all" });
    } catch {
      unreadable.push({ file: file.name, reason: "it is not a readable .xlsx workbook (it may be damaged)" });
      continue;
    }
    if (isRollUp(snapshot)) {
      const previous = readRollUpSnapshot(snapshot, file.name);
      if (previous) rollUps.push({ name: file.name, snapshot: previous });
      continue;
    }
    districts.push({ file: file.name, snapshot });
  }
  if (rollUps.length > 1) {
    throw new CountyRollUpError(
      `Pick one earlier county roll-up to compare with, not ${rollUps.length} (${rollUps.map((r) => r.name).join(", ")})`,
    );
  }
  const previous = rollUps[0] ?? null;
  const rollUp = rollUpPlans(districts, {
    asOf,
    previous: previous?.snapshot ?? null,
    ...(previous ? { previousName: previous.name } : {}),
    skipped: unreadable,
    resolve: findFramework,
  });
  const workbook = XlsxBytesWorkbook.empty();
  await workbook.apply(rollUpPatch(rollUp, { title: rollUp.title, date: serialDate(asOf), marking: DEFAULT_MARKING }));
  return {
    rollUp,
    bytes: await workbook.toBytes(),
    fileName: `County roll-up ${serialDate(asOf).split("/").reverse().join("-")} ${DEFAULT_MARKING}.xlsx`,
    unreadable: [...unreadable, ...rollUp.unreadable],
    previousName: previous?.name ?? null,
  };
}
