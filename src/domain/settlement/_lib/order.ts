/**
 * The orders of automatic settlement (docs/domain.md §4.2). Default: due date; on the same due date the
 * better discount still available at the settlement date; then transaction date; then voucher.
 * Priority: the rank of the transaction type in the user's list (unlisted types after all listed
 * ones); then transaction date; then voucher. Vouchers are unique per customer, so both orders are
 * total and do not depend on row order.
 */
import { ccError, type CcError } from "../../errors";
import type { TransactionType } from "../../types";
import type { SettlementItem } from "../types";

export interface OrderKey {
  readonly primary: number;
  readonly pct: number;
  readonly date: number;
  readonly voucher: string;
}

/**
 * The sort key of one item, or an error when the date the order needs is blank.
 * @example dueDateKey({ customer: "2050", voucher: "Invoice 3", type: "Invoice", dateSerial: 42292, dueSerial: 42322, amountMinor: 50000, currency: "USD", status: "None", row: 4 }, 2, []) // { primary: 42322, pct: 2, date: 42292, voucher: "Invoice 3" }
 * @example
 * const errors = [];
 * dueDateKey({ customer: "2050", voucher: "X", type: "Invoice", amountMinor: 100, currency: "USD", status: "None", row: 7 }, 0, errors);
 * errors.map((e) => e.code) // ["due_date_must_not_be_blank"]
 */
export function dueDateKey(item: SettlementItem, pct: number, errors: CcError[]): OrderKey {
  const due = item.dueSerial ?? item.dateSerial;
  if (due === undefined) {
    errors.push(ccError("due_date_must_not_be_blank", { case: "neither", voucher: item.voucher }, { table: "openItems", row: item.row, column: "DueDate" }));
  }
  return { primary: due ?? 0, pct, date: item.dateSerial ?? due ?? 0, voucher: item.voucher };
}

/**
 * The priority sort key of one item: the rank of its type in the user's list (unlisted types
 * rank after every listed one), then its date; an error when it has no date.
 * @example priorityKey({ customer: "2050", voucher: "Interest 1", type: "InterestNote", dateSerial: 42292, amountMinor: 700, currency: "USD", status: "None", row: 5 }, new Map([["Fee", 0], ["CollectionLetter", 1], ["InterestNote", 2], ["Invoice", 3]]), []) // { primary: 2, pct: 0, date: 42292, voucher: "Interest 1" }
 * @example priorityKey({ customer: "2050", voucher: "F1", type: "Fee", dateSerial: 42292, amountMinor: 500, currency: "USD", status: "None", row: 6 }, new Map([["Invoice", 0]]), []).primary // 1 (not listed: after the one listed type)
 */
export function priorityKey(item: SettlementItem, rank: ReadonlyMap<TransactionType, number>, errors: CcError[]): OrderKey {
  const date = item.dateSerial ?? item.dueSerial;
  if (date === undefined) {
    errors.push(ccError("date_must_not_be_blank", { case: "order", voucher: item.voucher }, { table: "openItems", row: item.row, column: "Date" }));
  }
  return { primary: rank.get(item.type) ?? rank.size, pct: 0, date: date ?? 0, voucher: item.voucher };
}

/**
 * Plain code-unit order, so the same vouchers sort the same on every machine and locale.
 * @example compareText("INV-10", "INV-9") // -1
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The one settlement order, for proposals and the ledger-wide batch alike: primary (due date or
 * type rank) ascending, then the better discount first, then date, then voucher. Takes the parts
 * as scalars so the batch can sort a million rows without building a key object per comparison.
 * @example compareOrder(42278, 2, 42248, "B", 42278, 0, 42200, "A") < 0 // true (same due date: the better discount first)
 */
export function compareOrder(aPrimary: number, aPct: number, aDate: number, aVoucher: string, bPrimary: number, bPct: number, bDate: number, bVoucher: string): number {
  return aPrimary - bPrimary || bPct - aPct || aDate - bDate || compareText(aVoucher, bVoucher);
}

/**
 * `compareOrder` on two keys.
 * @example compareKeys({ primary: 42322, pct: 2, date: 42292, voucher: "Invoice 3" }, { primary: 42322, pct: 0, date: 42292, voucher: "Interest 1" }) < 0 // true (same due date: Invoice 3 still offers 2 %)
 * @example compareKeys({ primary: 42278, pct: 0, date: 42248, voucher: "B" }, { primary: 42278, pct: 0, date: 42248, voucher: "A" }) // 1 (all else equal: by voucher)
 */
export function compareKeys(a: OrderKey, b: OrderKey): number {
  return compareOrder(a.primary, a.pct, a.date, a.voucher, b.primary, b.pct, b.date, b.voucher);
}

/** Bits needed to tell `count` values apart (0 for one value). */
function bitsFor(count: number): number {
  let b = 0;
  while (2 ** b < count) b++;
  return b;
}

/**
 * Positions 0..n-1 in the order of `compareOrder` on the columns (primary ascending, the better
 * discount first, date, voucher), without a key object per item. When every primary and date is a
 * whole number and the spans, the distinct discounts and the index fit in a double's 53 bits, the
 * keys are packed with the index into one Float64Array and sorted natively; each run of equal keys
 * is then put in voucher order (vouchers are unique). Otherwise the positions are sorted by
 * `compareOrder` itself. Either way the one total order of `compareOrder`.
 * @example [...sortOrder(new Float64Array([42322, 42322, 42278]), new Float64Array([0, 2, 0]), new Float64Array([42292, 42292, 42248]), ["Interest 1", "Invoice 3", "Invoice 1"])] // [2, 1, 0] (due date, then Invoice 3's discount)
 * @example [...sortOrder(new Float64Array([1, 1, 1]), new Float64Array([0, 0, 0]), new Float64Array([7, 7, 7]), ["C", "A", "B"])] // [1, 2, 0] (all else equal: by voucher)
 * @example [...sortOrder(new Float64Array([1.5, 1, 1]), new Float64Array([0, 0, 0]), new Float64Array([7, 7, 6]), ["C", "A", "B"])] // [2, 1, 0] (not whole numbers: the comparator)
 */
export function sortOrder(primary: Float64Array, pct: Float64Array, date: Float64Array, vouchers: readonly string[]): Int32Array {
  const n = primary.length;
  const out = new Int32Array(n);
  if (n === 0) return out;
  let pMin = Infinity;
  let pMax = -Infinity;
  let dMin = Infinity;
  let dMax = -Infinity;
  let whole = true;
  const pcts: number[] = [];
  let lastPct = Number.NaN;
  for (let i = 0; i < n && whole; i++) {
    const p = primary[i] as number;
    const d = date[i] as number;
    const q = pct[i] as number;
    if (!Number.isInteger(p) || !Number.isInteger(d) || !Number.isFinite(q)) whole = false;
    if (p < pMin) pMin = p;
    if (p > pMax) pMax = p;
    if (d < dMin) dMin = d;
    if (d > dMax) dMax = d;
    if (q !== lastPct) {
      if (!pcts.includes(q)) pcts.push(q);
      if (pcts.length > 1024) whole = false;
      lastPct = q;
    }
  }
  const bq = bitsFor(pcts.length);
  const bd = bitsFor(dMax - dMin + 1);
  const bi = bitsFor(n);
  if (whole && bitsFor(pMax - pMin + 1) + bq + bd + bi <= 53) {
    // The better discount first: rank 0 is the largest percent.
    pcts.sort((a, b) => b - a);
    const rank = new Map<number, number>(pcts.map((q, k) => [q, k]));
    const Q = 2 ** bq;
    const D = 2 ** bd;
    const I = 2 ** bi;
    const keys = new Float64Array(n);
    let lastQ = Number.NaN;
    let lastRank = 0;
    for (let i = 0; i < n; i++) {
      const q = pct[i] as number;
      if (q !== lastQ) {
        lastQ = q;
        lastRank = rank.get(q) as number;
      }
      keys[i] = ((((primary[i] as number) - pMin) * Q + lastRank) * D + ((date[i] as number) - dMin)) * I + i;
    }
    keys.sort();
    let start = 0;
    let startKey = Math.floor((keys[0] as number) / I);
    for (let k = 0; k <= n; k++) {
      const packed = k < n ? (keys[k] as number) : Number.NaN;
      const key = k < n ? Math.floor(packed / I) : Number.NaN;
      if (k < n) out[k] = packed % I;
      if (key !== startKey) {
        if (k - start > 1) byVoucher(out, start, k, vouchers);
        start = k;
        startKey = key;
      }
    }
    return out;
  }
  const positions = Array.from({ length: n }, (_, i) => i);
  positions.sort((a, b) => compareOrder(primary[a] as number, pct[a] as number, date[a] as number, vouchers[a] as string, primary[b] as number, pct[b] as number, date[b] as number, vouchers[b] as string));
  out.set(positions);
  return out;
}

/**
 * The first six code units of a text as one number that orders as the text does (`a < b` whenever
 * `prefixKey(a) < prefixKey(b)`): 8 bits a unit, a text that ends counts as units of 0, and a unit
 * of 255 or more counts as 255 with every unit after it as 0. Equal keys say nothing: the texts
 * are then compared.
 */
function prefixKey(t: string): number {
  let key = 0;
  let clamped = false;
  for (let k = 0; k < 6; k++) {
    let c = clamped || k >= t.length ? 0 : t.charCodeAt(k);
    if (c >= 255) {
      c = 255;
      clamped = true;
    }
    key = key * 256 + c;
  }
  return key;
}

/** Sort `out[from..to)` (positions with equal keys) by voucher. */
function byVoucher(out: Int32Array, from: number, to: number, vouchers: readonly string[]): void {
  const run = Array.from(out.subarray(from, to));
  // Each voucher's first units as a number: most comparisons end there, without loading two strings.
  const keys = run.map((p) => prefixKey(vouchers[p] as string));
  let sorted = true;
  for (let k = 1; k < run.length && sorted; k++) {
    const d = (keys[k - 1] as number) - (keys[k] as number);
    sorted = d < 0 || (d === 0 && (vouchers[run[k - 1] as number] as string) < (vouchers[run[k] as number] as string));
  }
  if (sorted) return;
  const order = run.map((_, k) => k);
  order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || compareText(vouchers[run[a] as number] as string, vouchers[run[b] as number] as string));
  for (let k = 0; k < order.length; k++) out[from + k] = run[order[k] as number] as number;
}
