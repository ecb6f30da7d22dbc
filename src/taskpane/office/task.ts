/**
 * Progress and cancellation for long gateway operations. Reads check the signal between blocks;
 * writes check it before anything is written, and a journal, once started, is written in one
 * batch, so a cancelled operation never leaves half a journal behind.
 */
export interface TaskControl {
  readonly signal?: AbortSignal;
  /** Called after each block: rows done, rows in all, and what is being done. */
  readonly onProgress?: (done: number, total: number, phase: string) => void;
}

export class CancelledError extends Error {
  constructor() {
    super("The operation was cancelled; nothing was written.");
    this.name = "CancelledError";
  }
}

export function throwIfCancelled(control: TaskControl | undefined): void {
  if (control?.signal?.aborted === true) throw new CancelledError();
}

export function report(control: TaskControl | undefined, done: number, total: number, phase: string): void {
  control?.onProgress?.(done, total, phase);
}

/** Rows per block for reads and writes (OFFICE.md: 5,000-20,000; 5 MB per request on the web). */
export const BLOCK_ROWS = 10000;

/** Rows per block for a table `columns` wide: about 200,000 cells per request. */
export function blockRows(columns: number, max = BLOCK_ROWS): number {
  return Math.max(1, Math.min(max, Math.floor(200000 / Math.max(1, columns))));
}
