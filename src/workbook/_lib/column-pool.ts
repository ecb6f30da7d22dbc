/**
 * Typed-array columns lent for the length of one custom-function call and reused by the next.
 *
 * Reading a full sheet into columns (src/workbook/ledger.ts) allocates about 50 MB of typed arrays
 * a call. Their memory lives outside V8's heap, and V8 answers every 64 MB or so of new external
 * memory with a full garbage collection, which marks the whole input range (a million row arrays):
 * on a 1,048,576-row sheet every other call of CC.LETTERS paid 300-400 ms for it. Within
 * `withColumnPool` (the adapters' `runFunction`), columns come from buffers the earlier calls
 * returned, zero-filled as new ones are; when the outermost scope ends, every column it lent is
 * returned. Outside a scope (the CLI, the task pane) a column is a plain new typed array.
 *
 * The rule for callers: a column taken in a scope is not used after the scope ends. The custom
 * functions return plain 2-D arrays made inside it, and nothing keeps a Ledger across calls.
 */

type Column = Int32Array | Float64Array | Uint8Array;
type Kind = "i32" | "f64" | "u8";

/** Columns shorter than this are plain allocations (a small range gains nothing from the pool). */
const MIN_POOLED = 1 << 16;
/** Most bytes kept idle between calls (about five full-sheet ledgers' columns). */
const MAX_IDLE_BYTES = 256 * 1024 * 1024;

let depth = 0;
const lent: { kind: Kind; whole: Column }[] = [];
const idle: Record<Kind, Column[]> = { i32: [], f64: [], u8: [] };
let idleBytes = 0;

/**
 * Run `body` with columns lent from the pool; they are all returned when the outermost scope ends
 * (also when `body` throws). Scopes nest. `body` must be synchronous.
 * @example withColumnPool(() => float64Column(3).length) // 3
 */
export function withColumnPool<T>(body: () => T): T {
  depth++;
  try {
    return body();
  } finally {
    depth--;
    if (depth === 0) {
      for (const { kind, whole } of lent) giveBack(kind, whole);
      lent.length = 0;
    }
  }
}

/**
 * A zero-filled Int32Array of `n` slots: from the pool inside `withColumnPool`, else new.
 * @example int32Column(2) // Int32Array [0, 0]
 */
export function int32Column(n: number): Int32Array {
  return take("i32", n, (m) => new Int32Array(m));
}

/**
 * A zero-filled Float64Array of `n` slots: from the pool inside `withColumnPool`, else new.
 * @example float64Column(2) // Float64Array [0, 0]
 */
export function float64Column(n: number): Float64Array {
  return take("f64", n, (m) => new Float64Array(m));
}

/**
 * A zero-filled Uint8Array of `n` slots: from the pool inside `withColumnPool`, else new.
 * @example uint8Column(2) // Uint8Array [0, 0]
 */
export function uint8Column(n: number): Uint8Array {
  return take("u8", n, (m) => new Uint8Array(m));
}

/**
 * Bytes the pool holds idle between calls (for tests and the bench).
 * @example pooledBytes() >= 0 // true
 */
export function pooledBytes(): number {
  return idleBytes;
}

function take<T extends Column>(kind: Kind, n: number, make: (m: number) => T): T {
  if (depth === 0 || n < MIN_POOLED) return make(n);
  const list = idle[kind] as T[];
  // The smallest idle buffer that is long enough.
  let best = -1;
  for (let i = 0; i < list.length; i++) {
    const length = (list[i] as T).length;
    if (length >= n && (best < 0 || length < (list[best] as T).length)) best = i;
  }
  if (best < 0) {
    const fresh = make(n);
    lent.push({ kind, whole: fresh });
    return fresh;
  }
  const whole = list[best] as T;
  list.splice(best, 1);
  idleBytes -= whole.byteLength;
  lent.push({ kind, whole });
  const view = (whole.length === n ? whole : whole.subarray(0, n)) as T;
  view.fill(0);
  return view;
}

function giveBack(kind: Kind, whole: Column): void {
  if (idleBytes + whole.byteLength > MAX_IDLE_BYTES) return;
  idle[kind].push(whole);
  idleBytes += whole.byteLength;
}
