/**
 * One benchmark case, run in its own process so that its peak RSS is its own:
 *   node --import tsx scripts/bench-case.ts <case> <rows> <runs>
 * Prints one JSON line { name, rows, ms, floorMs, ratio, peakRssMb }: medians of <runs> timed runs
 * after one warm-up run, of the engine and of its floor (the least work any implementation must do).
 */
import { performance } from "node:perf_hooks";
import { checkOrders } from "../src/domain/credit/batch";
import { creditBook } from "../src/domain/credit/book";
import { rateTable } from "../src/domain/rates";
import { autoSettleLedger } from "../src/domain/settlement";
import type { Transaction } from "../src/domain/types";
import { agingFunction } from "../src/functions/aging";
import { readRules } from "../src/workbook/credit-rules";
import { readCustomers } from "../src/workbook/customers";
import { readOrders } from "../src/workbook/orders";
import { readExchangeRates, readTransactions } from "../src/workbook/transactions";
import { BENCH_AS_OF, customersRange, ledgerRange, ordersRange, ratesRange } from "./bench-data";
import { markRss, peakRssMb } from "./bench-rss";

function unwrapOk<T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.value;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median ms of `runs` calls after one warm-up; `sink` keeps results alive so nothing is optimized away. */
let sink: unknown;
/** The peak RSS after the first call of the case's function (its inputs and one call), in MB. */
let firstCallRssMb: number | undefined;
function time(fn: () => unknown, runs: number): number {
  // The first call of a case is its function's (timed first): its peak is measured from a mark set
  // just before, so that it is the inputs' and the call's, not the garbage of building the inputs.
  if (firstCallRssMb === undefined) markRss();
  sink = fn();
  firstCallRssMb ??= peakRssMb();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    // The last call's result is let go first, so the peak RSS is one call's, not two results'.
    sink = null;
    const t0 = performance.now();
    sink = fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/**
 * The aging floor: look at every cell of each row once (told apart by type: a correct function must
 * look at every cell to refuse an Excel error in any column, as every function floor does, see
 * bench-functions.ts' everyCell), map customers through a Map, add integer cents into buckets.
 * `cellsToo` false is the four-column floor of rounds 1-4, kept for comparison (`floorCoreMs`).
 */
function agingFloor(range: readonly (readonly unknown[])[], asOf: number, cellsToo = true): Float64Array {
  const index = new Map<unknown, number>();
  const currencies = new Map<unknown, number>();
  const buckets = new Float64Array(range.length * 6 + 6);
  let seen = 0;
  for (let i = 1; i < range.length; i++) {
    const row = range[i] as readonly unknown[];
    if (cellsToo) {
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v === "number") seen += v === v ? 1 : 0;
        else if (typeof v === "string") seen += v.length > 0 ? 1 : 0;
      }
    }
    let c = index.get(row[0]);
    if (c === undefined) index.set(row[0], (c = index.size));
    let k = currencies.get(row[6]);
    if (k === undefined) currencies.set(row[6], (k = currencies.size));
    const cents = Math.round((row[5] as number) * 100);
    const age = asOf - (row[4] as number);
    const b = age <= 0 ? 0 : age <= 30 ? 1 : age <= 60 ? 2 : age <= 90 ? 3 : age <= 120 ? 4 : 5;
    const slot = (c * 3 + k) % (range.length + 1);
    buckets[slot * 6 + b] = (buckets[slot * 6 + b] as number) + cents;
  }
  buckets[0] = (buckets[0] as number) + seen;
  return buckets;
}

/** The settlement floor: sort the items by customer and due date, then one linear pass that consumes each customer's payments. */
function settleFloor(items: readonly Transaction[]): number {
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    const x = items[a] as Transaction;
    const y = items[b] as Transaction;
    return x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : (x.dueSerial ?? 0) - (y.dueSerial ?? 0);
  });
  let settled = 0;
  let customer = "";
  let credit = 0;
  for (const i of order) {
    const t = items[i] as Transaction;
    if (t.customer !== customer) {
      customer = t.customer;
      credit = 0;
    }
    if (t.amountMinor < 0) credit -= t.amountMinor;
    else if (credit > 0) {
      const take = Math.min(credit, t.amountMinor);
      credit -= take;
      settled += take;
    }
  }
  return settled;
}

function run(name: string, rows: number, runs: number): { ms: number; floorMs: number; floorCoreMs?: number } {
  switch (name) {
    case "aging-function": {
      const range = ledgerRange(rows, 10000);
      return {
        ms: time(() => agingFunction(range, BENCH_AS_OF, null, null), runs),
        floorMs: time(() => agingFloor(range, BENCH_AS_OF), runs),
        floorCoreMs: time(() => agingFloor(range, BENCH_AS_OF, false), runs),
      };
    }
    case "settle-batch": {
      const items = unwrapOk(readTransactions(ledgerRange(rows, 10000), { require: ["voucher", "type", "date", "dueDate"] }));
      const rates = rateTable(unwrapOk(readExchangeRates(ratesRange())), "USD");
      return {
        ms: time(() => unwrapOk(autoSettleLedger(items, { accountingCurrency: "USD", rates })), runs),
        floorMs: time(() => settleFloor(items), runs),
      };
    }
    case "creditcheck-batch": {
      const transactions = unwrapOk(readTransactions(ledgerRange(rows, 10000), { require: ["voucher", "type", "date", "dueDate"] }));
      const customers = unwrapOk(readCustomers(customersRange(10000)));
      const orders = unwrapOk(readOrders(ordersRange(100000, 10000)));
      const rates = unwrapOk(readExchangeRates(ratesRange()));
      const rules = unwrapOk(readRules([
        ["RuleType", "ValidFor", "Kind", "Value"],
        ["DaysOverdue", "All", "Blocking", 60],
        ["AccountStatus", "All", "Blocking", "OnHold"],
        ["CreditLimitUsed", "All", "Blocking", 90],
      ]));
      const engine = (): unknown => {
        const book = unwrapOk(creditBook({ customers, transactions, orders, rates, accountingCurrency: "USD", asOfSerial: BENCH_AS_OF }));
        return unwrapOk(checkOrders(book, rules));
      };
      const floor = (): number => {
        // One grouping pass over the ledger, then one lookup per order.
        const balance = new Map<string, number>();
        for (const t of transactions) balance.set(t.customer, (balance.get(t.customer) ?? 0) + t.amountMinor);
        const limit = new Map(customers.map((c) => [c.customer, c.creditLimitMinor]));
        let held = 0;
        for (const o of orders) if ((balance.get(o.customer) ?? 0) + o.amountMinor > (limit.get(o.customer) ?? 0)) held++;
        return held;
      };
      return { ms: time(engine, runs), floorMs: time(floor, runs) };
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

const [name = "", rowsText = "0", runsText = "5"] = process.argv.slice(2);
const rows = Number(rowsText);
const result = run(name, rows, Number(runsText));
void sink;
// peakRssMb: the inputs and one call (the engine is timed first); peakRssAllMb: the whole run, where
// V8 may grow its heap rather than collect the last calls' garbage, and the floor's calls.
const peakRssAllMb = peakRssMb();
process.stdout.write(`${JSON.stringify({ name, rows, ms: Math.round(result.ms * 10) / 10, floorMs: Math.round(result.floorMs * 10) / 10, ratio: Math.round((result.ms / result.floorMs) * 100) / 100, peakRssMb: firstCallRssMb ?? peakRssAllMb, peakRssAllMb, ...(result.floorCoreMs === undefined ? {} : { floorCoreMs: Math.round(result.floorCoreMs * 10) / 10, ratioToCore: Math.round((result.ms / result.floorCoreMs) * 100) / 100 }) })}\n`);
