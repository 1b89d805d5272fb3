/// <reference lib="webworker" />
/**
 * Reads the bytes of an .xlsx off the page's main thread: ExcelJS parses the file and the snapshot reader
 * the command line uses reads it, here, so a 100,000-row list does not stop the page answering. The page
 * builds its in-memory workbook from what this posts (see openXlsxMessages.ts); the bytes never leave it.
 * The worker then stays as the workbook's twin (workbookTwin.ts), built from the same parts, on which the
 * pane's heavy planning runs. Started without bytes, it is a twin the page builds by sending its workbook.
 */
import { XlsxBytesWorkbook, UnreadableWorkbookError } from "../../workbook/xlsx/xlsxBytes";
import { MemoryWorkbook, type MemoryCell } from "../../workbook/memory/memoryWorkbook";
import type { PatchOp } from "../../workbook/types";
import { importPatch } from "./importSnapshot";
import type { OpenXlsxMessage } from "./openXlsxMessages";
import type { FromTwin, ToTwin } from "./twinMessages";
import { WorkbookTwin } from "./workbookTwin";

/** Rows of cells per message: small enough that the page takes each in well inside a frame or two. */
const ROWS_PER_MESSAGE = 2000;

const post = (message: OpenXlsxMessage | FromTwin) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let twin: WorkbookTwin | null = null;

self.onmessage = (event: MessageEvent<{ bytes: ArrayBuffer } | ToTwin>) => {
  const message = event.data;
  if ("bytes" in message) return void open(message.bytes);
  twin ??= new WorkbookTwin(new MemoryWorkbook(), post);
  twin.handle(message);
};

async function open(bytes: ArrayBuffer): Promise<void> {
  try {
    post({ type: "progress", text: "Reading the file…" });
    const source = await XlsxBytesWorkbook.fromBytes(bytes);
    post({ type: "progress", text: "Reading the sheets…" });
    const snapshot = await source.read({ sheets: "all" });
    const patch = importPatch(snapshot, source.columnWidths());
    const isCells = (op: PatchOp) => op.op === "writeValues" || op.op === "setNumberFormats";
    const cellOps = patch.ops.filter(isCells);
    const shapeOps = patch.ops.filter((op) => !isCells(op));
    const rows = snapshot.sheets.reduce((n, s) => n + (s.values?.length ?? 0), 0);
    const shape = { description: patch.description, ops: shapeOps };
    const protectedSheets = snapshot.sheets.filter((s) => s.protected).map((s) => s.name);
    post({ type: "shape", patch: shape, rows, protectedSheets });
    // The twin is built as the page builds its workbook: the shape, then the cells put straight in.
    const copy = new MemoryWorkbook();
    copy.applySync(shape);
    for (const name of protectedSheets) copy.sheet(name).protected = true;
    for (const sheet of snapshot.sheets) {
      const cells = memoryCells(cellOps.filter((op) => op.sheet === sheet.name));
      for (let first = 0; first < cells.length; first += ROWS_PER_MESSAGE) {
        post({ type: "rows", sheet: sheet.name, firstRow: first, rows: cells.slice(first, first + ROWS_PER_MESSAGE) });
      }
      copy.putRows(sheet.name, 0, cells);
    }
    twin = new WorkbookTwin(copy, post);
    post({ type: "done" });
  } catch (error) {
    post({
      type: "error",
      unreadable: error instanceof UnreadableWorkbookError,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The cells a sheet's writeValues and setNumberFormats (both from A1) give, as the in-memory workbook holds them. */
function memoryCells(ops: PatchOp[]): (MemoryCell | undefined)[][] {
  const values = ops.find((op) => op.op === "writeValues");
  const formats = ops.find((op) => op.op === "setNumberFormats");
  if (values?.op !== "writeValues") return [];
  const formatRows = formats?.op === "setNumberFormats" ? formats.formats : [];
  return values.values.map((row, r) =>
    row.map((input, c) => {
      const numberFormat = formatRows[r]?.[c] || "General";
      if (input !== null && typeof input === "object" && "formula" in input) {
        return { value: null, formula: input.formula, numberFormat };
      }
      return input === null && numberFormat === "General" ? undefined : { value: input, formula: null, numberFormat };
    }),
  );
}
