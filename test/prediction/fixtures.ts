/**
 * Small hand-made ledgers for the prediction tests, as the ranges a user would pass.
 */
import { isoFromSerial, serialFromYmd } from "../../src/domain/dates";

export const HEADER = ["Customer", "Voucher", "Date", "DueDate", "Amount", "ClosedDate"];

/**
 * Two customers over 2024: Prompt pays every invoice 5 days before its due date, Slow pays every
 * invoice 12 days after it. Each is invoiced on the 1st and the 15th of every month, net 30, for
 * 100.00; invoices dated on or after `openFrom` are still open.
 */
export function twoCustomerLedger(openFrom = serialFromYmd(2024, 11, 1)): unknown[][] {
  const rows: unknown[][] = [HEADER];
  let v = 1;
  for (let month = 1; month <= 12; month++) {
    for (const day of [1, 15]) {
      const date = serialFromYmd(2024, month, day);
      const due = date + 30;
      for (const [customer, offset] of [["Prompt", -5], ["Slow", 12]] as const) {
        const closed = date >= openFrom ? null : isoFromSerial(due + offset);
        rows.push([customer, `V${v++}`, isoFromSerial(date), isoFromSerial(due), 100, closed]);
      }
    }
  }
  return rows;
}

/** A deterministic pseudo-random ledger (mulberry32) of `n` invoices over `customers` customers with mixed habits. */
export function mixedLedger(n: number, customers: number, seed: number, extra = false): unknown[][] {
  let state = seed >>> 0;
  const rnd = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const start = serialFromYmd(2023, 1, 1);
  const habit = Array.from({ length: customers }, () => rnd());
  const rows: unknown[][] = [extra ? [...HEADER, "Channel", "DisputeDate"] : HEADER];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rnd() * customers);
    const date = start + Math.floor(rnd() * 540);
    const due = date + (rnd() < 0.2 ? 14 : 30);
    const h = habit[c] as number;
    const late = rnd() < h;
    const days = late ? 1 + Math.floor(rnd() * (rnd() < 0.1 ? 60 : 20)) : -Math.floor(rnd() * 20);
    const closed = Math.max(date, due + days);
    const row: unknown[] = [`C${c + 1}`, `V${i + 1}`, isoFromSerial(date), isoFromSerial(due), Math.round(1000 + rnd() * 500000) / 100, isoFromSerial(closed)];
    if (extra) row.push(rnd() < 0.5 ? "Paper" : "Electronic", late && rnd() < 0.3 ? isoFromSerial(date + 5) : null);
    rows.push(row);
  }
  return rows;
}
