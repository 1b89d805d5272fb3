/**
 * Request sizes. Excel on the web refuses a request (one `context.sync()`) whose payload is over 5 MB, so
 * the adapter estimates what each queued call carries and syncs before a request would pass 4 MB: the
 * 1 MB left over covers the request envelope (object paths, ids, action types) that the estimate only
 * approximates.
 */
export const SYNC_PAYLOAD_LIMIT = 4 * 1024 * 1024;

/**
 * Cells written (values, formulas or number formats) per request. While others edit the workbook, every
 * request is one change that Excel merges with theirs and sends to them; a block of 50,000 rows in one
 * request holds every co-author up while it merges, and is the more likely to fail part-way. Microsoft's
 * guidance for large ranges is to write them in smaller blocks ("Read or write to a large range using the
 * Excel JavaScript API"; the Office Scripts sample "Write a large dataset" writes 1,000 cells at a time),
 * without a documented figure for co-authoring; 5,000 cells keeps an ordinary plan's patch (a few hundred
 * rows of 12 columns) to one or two requests while bounding each merge.
 */
export const SYNC_CELL_LIMIT = 5_000;

/**
 * Bytes allowed per queued call on top of its arguments: Office.js sends an object path and an action
 * for each call, around 100–200 bytes; we count generously so the estimate errs towards an extra sync.
 */
export const CALL_OVERHEAD = 256;

/** Bytes of `text` once encoded as UTF-8, without allocating the encoding. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON, the form Office.js sends it in. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/**
 * Counts the bytes queued since the last sync and syncs when the next call would not fit. Each sync
 * but the last carries more than `limit` minus one call, so a patch of B bytes takes about B / limit
 * syncs, plus the final one.
 */
export class SyncBudget {
  private pending = 0;
  private pendingCells = 0;
  private count = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly limit: number = SYNC_PAYLOAD_LIMIT,
    readonly cellLimit: number = SYNC_CELL_LIMIT,
  ) {}

  /** How many syncs this budget has made. */
  get syncs(): number {
    return this.count;
  }

  /** True when calls are queued that have not been sent yet. */
  get hasPending(): boolean {
    return this.pending > 0;
  }

  /** True when `bytes` more, writing `cells` more cells, still fit into the request being built. */
  fits(bytes: number, cells = 0): boolean {
    return this.pending + bytes <= this.limit && this.pendingCells + cells <= this.cellLimit;
  }

  /** Makes room for a call of `bytes` writing `cells`: sends what is queued first when the call would not fit. */
  async reserve(bytes: number, cells = 0): Promise<void> {
    if (this.hasPending && !this.fits(bytes, cells)) await this.flush();
    this.pending += bytes;
    this.pendingCells += cells;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    await this.sync();
    this.count++;
    this.pending = 0;
    this.pendingCells = 0;
  }

  /** The final sync, made only when something is still queued. */
  async finish(): Promise<void> {
    if (this.hasPending) await this.flush();
  }
}

/**
 * Splits a block of rows into runs that each fit the budget (its bytes and its cells), queueing one call
 * per run and syncing between runs only when the next run would pass a limit. `queue(start, rows)` must
 * queue exactly one call whose payload is those rows.
 */
export async function queueRowChunks<T>(
  rows: readonly T[][],
  budget: SyncBudget,
  queue: (start: number, rows: T[][]) => void,
): Promise<void> {
  let start = 0;
  let bytes = CALL_OVERHEAD;
  let cells = 0;
  for (let r = 0; r < rows.length; r++) {
    const rowBytes = jsonBytes(rows[r]) + 1; // the comma between rows
    const rowCells = rows[r]!.length;
    if (!budget.fits(bytes + rowBytes, cells + rowCells)) {
      if (r > start) {
        await budget.reserve(bytes, cells);
        queue(start, rows.slice(start, r));
        start = r;
        bytes = CALL_OVERHEAD;
        cells = 0;
      }
      if (budget.hasPending) await budget.flush();
    }
    bytes += rowBytes;
    cells += rowCells;
  }
  if (rows.length > start) {
    await budget.reserve(bytes, cells);
    queue(start, rows.slice(start));
  }
}
