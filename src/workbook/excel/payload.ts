/**
 * Request sizes. Excel on the web refuses a request (one `context.sync()`) whose payload is over 5 MB, so
 * the adapter estimates what each queued call carries and syncs before a request would pass 4 MB: the
 * 1 MB left over covers the request envelope (object paths, ids, action types) that the estimate only
 * approximates.
 */
export const SYNC_PAYLOAD_LIMIT = 4 * 1024 * 1024;

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
  private count = 0;

  constructor(
    private readonly sync: () => Promise<void>,
    readonly limit: number = SYNC_PAYLOAD_LIMIT,
  ) {}

  /** How many syncs this budget has made. */
  get syncs(): number {
    return this.count;
  }

  /** True when calls are queued that have not been sent yet. */
  get hasPending(): boolean {
    return this.pending > 0;
  }

  /** True when `bytes` more still fit into the request being built. */
  fits(bytes: number): boolean {
    return this.pending + bytes <= this.limit;
  }

  /** Makes room for a call of `bytes`: sends what is queued first when the call would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.hasPending && !this.fits(bytes)) await this.flush();
    this.pending += bytes;
  }

  /** Sends what is queued. */
  async flush(): Promise<void> {
    await this.sync();
    this.count++;
    this.pending = 0;
  }

  /** The final sync, made only when something is still queued. */
  async finish(): Promise<void> {
    if (this.hasPending) await this.flush();
  }
}

/**
 * Splits a block of rows into runs that each fit the budget, queueing one call per run and syncing
 * between runs only when the next run would pass the limit. `queue(start, rows)` must queue exactly one
 * call whose payload is those rows.
 */
export async function queueRowChunks<T>(
  rows: readonly T[][],
  budget: SyncBudget,
  queue: (start: number, rows: T[][]) => void,
): Promise<void> {
  let start = 0;
  let bytes = CALL_OVERHEAD;
  for (let r = 0; r < rows.length; r++) {
    const rowBytes = jsonBytes(rows[r]) + 1; // the comma between rows
    if (!budget.fits(bytes + rowBytes)) {
      if (r > start) {
        await budget.reserve(bytes);
        queue(start, rows.slice(start, r));
        start = r;
        bytes = CALL_OVERHEAD;
      }
      if (budget.hasPending) await budget.flush();
    }
    bytes += rowBytes;
  }
  if (rows.length > start) {
    await budget.reserve(bytes);
    queue(start, rows.slice(start));
  }
}
