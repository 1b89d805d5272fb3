import type { OpenXlsxMessage } from "./openXlsxMessages";
import { PreviewWorkbook } from "./previewWorkbook";
import { thousands } from "../wording";

export interface OpenedWorkbook {
  fileName: string;
  /** The file as it was opened: "Download .xlsx" replays the session's changes onto it. */
  bytes: ArrayBuffer;
  /** With its twin in the worker that read the file, where the pane's heavy planning runs. */
  workbook: PreviewWorkbook;
}

export class OpenWorkbookError extends Error {}

/** Opening was cancelled: the workbook shown is the one shown before. */
export class OpenCancelledError extends Error {
  constructor(fileName: string) {
    super(`Opening ${fileName} was cancelled; the workbook shown is as it was.`);
  }
}

/** How far opening has got, for a progress bar: `fraction` is null while it cannot be known. */
export interface OpenProgress {
  text: string;
  fraction: number | null;
}

export interface OpenOptions {
  onProgress?: (progress: OpenProgress) => void;
  /** Aborting stops the reading at once (the worker is ended) and rejects with OpenCancelledError. */
  signal?: AbortSignal;
}

/**
 * Opens a user's .xlsx in the page. A worker (openXlsx.worker.ts, with ExcelJS's browser build, both loaded
 * only now) reads the bytes into a snapshot with the same snapshot reader the command line uses, so the page
 * keeps answering however long the file; the preview's in-memory workbook is built from what it posts. The
 * file is read where it is and never sent anywhere.
 */
export async function openXlsx(file: File, options: OpenOptions = {}): Promise<OpenedWorkbook> {
  const bytes = await file.arrayBuffer();
  const { startOpenXlsxWorker } = await import(/* webpackChunkName: "start-open-xlsx" */ "./startOpenXlsxWorker");
  const worker = startOpenXlsxWorker();
  let adopted = false;
  try {
    const workbook = await new Promise<PreviewWorkbook>((resolve, reject) => {
      const cancel = () => reject(new OpenCancelledError(file.name));
      if (options.signal?.aborted) return cancel();
      options.signal?.addEventListener("abort", cancel, { once: true });
      const building = new PreviewWorkbook(startOpenXlsxWorker);
      let total = 0;
      let built = 0;
      worker.onerror = (event) => reject(new Error(event.message || `${file.name} could not be read.`));
      worker.onmessage = (event: MessageEvent<OpenXlsxMessage>) => {
        const message = event.data;
        try {
          switch (message.type) {
            case "progress":
              options.onProgress?.({ text: message.text, fraction: null });
              return;
            case "shape":
              total = message.rows;
              if (!message.patch.ops.some((op) => op.op === "addSheet"))
                throw new OpenWorkbookError(`${file.name} has no sheets.`);
              // The sheets, tables and widths on an empty workbook; the cells follow in parts.
              building.applySync(message.patch);
              for (const name of message.protectedSheets) building.sheet(name).protected = true;
              return;
            case "rows": {
              // Cells put straight into the sheet: a fresh sheet needs none of a patch's checks or journal.
              building.putRows(message.sheet, message.firstRow, message.rows);
              built += message.rows.length;
              options.onProgress?.({
                text: `Read ${thousands(built)} of ${thousands(total)} rows`,
                fraction: total > 0 ? built / total : null,
              });
              return;
            }
            case "done":
              // The worker now holds the same workbook: it stays, as the twin.
              building.adoptTwin(worker);
              adopted = true;
              resolve(building);
              return;
            case "error":
              throw message.unreadable
                ? new OpenWorkbookError(
                    `${file.name} could not be read as an Excel workbook. If it is an older .xls file or a .csv, open it in Excel, save it as an Excel Workbook (.xlsx) and open that here.`,
                  )
                : new Error(message.message);
          }
        } catch (error) {
          reject(error);
        }
      };
      // A copy goes to the worker: the original bytes are kept for the download.
      const copy = bytes.slice(0);
      worker.postMessage({ bytes: copy }, [copy]);
    });
    return { fileName: file.name, bytes, workbook };
  } finally {
    if (!adopted) worker.terminate();
  }
}
