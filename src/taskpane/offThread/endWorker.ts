/**
 * Ends a worker, its handlers taken off first. A worker ended part-way through loading its code reports that
 * failure later, to whatever handler it still has, when the next job's worker (or the next twin) may be
 * running: that error must not end the new one (it did, and the next check in Excel waited for ever).
 */
export function endWorker(worker: Worker): void {
  worker.onmessage = null;
  worker.onerror = null;
  worker.terminate();
}
