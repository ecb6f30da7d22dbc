/**
 * One custom-function benchmark case, run in its own process so that its peak RSS is its own:
 *   node --expose-gc --import tsx scripts/bench-functions.ts <case> <rows> <runs>
 * Each case calls the function the way Excel does: the exported adapter (`CC.SETTLE` is `settle`),
 * with 2-D ranges that include the header row. Prints one JSON line
 * { name, rows, ms, floorMs, ratio, peakRssMb, inputMb, runs }: medians of the timed runs after one
 * warm-up, of the function and of its floor (the least work any correct implementation must do:
 * read every cell of its ranges once, the one sort the rule needs, and write every output cell).
 * `inputMb` is the V8 heap the input ranges hold (heapUsed after a full GC, with and without them);
 * when the warm-up is slow, fewer runs are timed so that a case stays near two minutes (`runs`).
 *   node --import tsx scripts/bench-functions.ts --hash <rows> <case>...
 * prints the SHA-1 of each case's output instead (one call, no timing).
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { unwrap } from "../src/domain/errors";
import { postSettlement, proposeSettlement } from "../src/domain/settlement";
import { chargecorrection, interestjournal } from "../src/functions/charges";
import { interest, letters, writeoff } from "../src/functions/collections";
import { creditcheck, creditstats, dsoCustom } from "../src/functions/credit";
import { nsf, nsfjournal } from "../src/functions/nsf";
import { settle, settleJournal } from "../src/functions/settle";
import { worklist } from "../src/functions/worklist";
import { paybacktest, paypredict } from "../src/functions/predict";
import { match } from "../src/functions/match";
import { benchData } from "./bench-match";
import { syntheticLedger } from "./bench-predict";
import { markRss, peakRssMb } from "./bench-rss";
import { journalTable } from "../src/workbook/settlement-journal";
import { readLedger } from "../src/workbook/ledger";
import { BENCH_AS_OF, customersRange, ledgerRange, ordersRange, ratesRange } from "./bench-data";
import { Prng } from "../src/cli/_lib/prng";

type Range = unknown[][];
type Row = readonly unknown[];

/** The names of the cases this script runs, in the order `npm run bench` runs them. */
export const FUNCTION_CASES = [
  "fn-settle",
  "fn-settlejournal",
  "fn-creditcheck",
  "fn-creditstats",
  "fn-dso",
  "fn-writeoff",
  "fn-interest",
  "fn-letters",
  "fn-interestjournal",
  "fn-chargecorrection",
  "fn-nsf",
  "fn-nsfjournal",
  "fn-worklist",
  "fn-paypredict",
  "fn-paybacktest",
  "fn-match",
] as const;

const CUSTOMERS = 10000;
/** The customer of the open-items range of SETTLE (USD in the generated data). */
const ONE = "C000001";

/** The customer of the one-customer cases on a ledger: the one with most rows that has both invoices and a payment. */
function busiest(range: Range): string {
  const count = new Map<unknown, number>();
  const paid = new Set<unknown>();
  for (let i = 1; i < range.length; i++) {
    const row = range[i] as Row;
    count.set(row[0], (count.get(row[0]) ?? 0) + 1);
    if (row[2] === "Payment") paid.add(row[0]);
  }
  let best = "";
  let most = 0;
  for (const [c, n] of count) if (n > most && paid.has(c) && n > 1) [best, most] = [c as string, n];
  return best;
}
const TIERS: Range = [["FromMonth", "PercentPerMonth"], [0, 1.5], [2, 2]];
const SEQUENCE: Range = [["Code", "Fee", "MinOverdue", "GraceDays", "Block"], ["L1", 5, 50, 10, false], ["L2", 10, 50, 14, "yes"], ["L3", 15, 50, 14, "yes"]];
const RULES: Range = [
  ["RuleType", "ValidFor", "Kind", "Value"],
  ["DaysOverdue", "All", "Blocking", 60],
  ["AccountStatus", "All", "Blocking", "OnHold"],
  ["CreditLimitUsed", "All", "Blocking", 90],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Median ms of the timed calls after one warm-up; `sink` keeps results alive so nothing is optimized away. */
let sink: unknown;
const BUDGET_MS = 120000;
function time(fn: () => unknown, runs: number): { ms: number; runs: number; firstRssMb: number } {
  const w0 = performance.now();
  sink = fn();
  const warm = performance.now() - w0;
  const firstRssMb = peakRssMb();
  const n = Math.max(1, Math.min(runs, Math.floor(BUDGET_MS / 2 / Math.max(warm, 1))));
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    // The last call's result is let go first: a sheet holds one result of a function at a time,
    // so the peak RSS is one call's (its input, its working set and its output), not two outputs'.
    sink = null;
    const t0 = performance.now();
    sink = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), runs: n, firstRssMb };
}


const cents = (v: unknown): number => Math.round((v as number) * 100);
const num = (v: unknown): number => (typeof v === "number" ? v : NaN);

/** One customer's open items, all invoices in USD (some with a cash discount), due dates in random order. */
export function openItemsRange(rows: number, seed = 45): Range {
  const rng = new Prng(seed);
  const out: Range = new Array(rows + 1);
  out[0] = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "CashDiscountDate", "CashDiscountPct"];
  for (let i = 1; i <= rows; i++) {
    const date = BENCH_AS_OF - rng.int(0, 365);
    const discount = rng.next() < 0.3;
    out[i] = [ONE, `V${i}`, "Invoice", date, date + 30, rng.int(100, 300000) / 100, "USD", discount ? date + 10 : null, discount ? 2 : null];
  }
  return out;
}

/** Half the open total: the payment settles about half of the items. */
function halfTotal(range: Range): number {
  let total = 0;
  for (let i = 1; i < range.length; i++) total += cents((range[i] as Row)[5]);
  return Math.round(total / 2) / 100;
}

/**
 * The settlement floor: read each item's cells once, sort by due date, one pass consuming the
 * payment, and one output row per item (`journalWidth` > 0: instead, `linesPerItem` journal rows of
 * that width per settled item, as SETTLEJOURNAL spills).
 */
function settleFloor(range: Range, paymentMinor: number, journalWidth = 0, linesPerItem = 2): unknown[][] {
  const n = range.length - 1;
  const cells = everyCell(range);
  const due = new Float64Array(n);
  const open = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = range[i + 1] as Row;
    due[i] = num(row[4]);
    open[i] = cents(row[5]);
  }
  // Due date and row packed into one double (serials < 2^20, rows < 2^21): a native numeric sort, stable by row.
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) order[i] = (due[i] as number) * 2097152 + i;
  order.sort();
  let left = paymentMinor;
  const out: unknown[][] = [];
  for (let k = 0; k < n; k++) {
    const i = (order[k] as number) % 2097152;
    const row = range[i + 1] as Row;
    const o = open[i] as number;
    const take = Math.min(left, o);
    left -= take;
    if (journalWidth === 0) out.push([row[1], row[2], due[i], o / 100, 0, take / 100, (o - take) / 100, row[6]]);
    else if (take > 0) for (let l = 0; l < linesPerItem; l++) out.push(new Array(journalWidth).fill(take / 100));
  }
  out.push(["Unapplied", "Payment", "", "", "", cells, left / 100, "USD"]);
  return out;
}

/**
 * The part of every floor that reads the whole range: each cell of each data row once, told apart by
 * type (a correct function must look at every cell it is given to refuse a bad one).
 */
function everyCell(range: Range): number {
  let seen = 0;
  for (let i = 1; i < range.length; i++) {
    const row = range[i] as Row;
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === "number") seen += v === v ? 1 : 0;
      else if (typeof v === "string") seen += v.length > 0 ? 1 : 0;
    }
  }
  return seen;
}

/** Read customer, amount (as cents), currency and due date of every ledger row; sum the one customer's amounts and oldest due date. */
function oneCustomerFloor(range: Range, customer: string): number {
  let balance = 0;
  let oldest = Infinity;
  let bad = 0;
  for (let i = 1; i < range.length; i++) {
    const row = range[i] as Row;
    const amount = cents(row[5]);
    const dueSerial = num(row[4]);
    if (typeof row[0] !== "string" || typeof row[6] !== "string" || Number.isNaN(amount) || Number.isNaN(dueSerial)) bad++;
    if (row[0] === customer) {
      balance += amount;
      if (amount > 0 && dueSerial < oldest) oldest = dueSerial;
    }
  }
  return balance + oldest + bad + everyCell(range);
}

/** Read every row's customer, amount, due date; group per customer through a Map (a few numbers each); `emit` per customer. */
function perCustomerFloor(range: Range, asOf: number): Map<unknown, Float64Array> {
  const by = new Map<unknown, Float64Array>();
  by.set(null, new Float64Array([everyCell(range), 0, 0]));
  for (let i = 1; i < range.length; i++) {
    const row = range[i] as Row;
    let acc = by.get(row[0]);
    if (acc === undefined) by.set(row[0], (acc = new Float64Array(3)));
    const amount = cents(row[5]);
    const due = num(row[4]);
    acc[0] = (acc[0] as number) + amount;
    if (amount > 0 && due < asOf) {
      acc[1] = (acc[1] as number) + amount * (asOf - due);
      acc[2] = Math.max(acc[2] as number, asOf - due);
    }
  }
  return by;
}

/** The interest floor: one pass computing each overdue invoice's days and interest, one output row per charged invoice (`width` cells, `lines` rows each). */
function interestFloor(range: Range, asOf: number, width: number, lines: number): unknown[][] {
  const out: unknown[][] = [[everyCell(range)]];
  for (let i = 1; i < range.length; i++) {
    const row = range[i] as Row;
    const amount = cents(row[5]);
    const days = asOf - num(row[4]);
    if (row[2] !== "Invoice" || amount <= 0 || !(days > 0)) continue;
    const interestMinor = Math.round((amount * 1.5 * days) / 3000);
    if (interestMinor === 0) continue;
    for (let l = 0; l < lines; l++) {
      const r = new Array(width).fill(interestMinor / 100);
      r[0] = row[1];
      out.push(r);
    }
  }
  return out;
}

interface Case {
  readonly engine: () => unknown;
  readonly floor: () => unknown;
}

export function buildCase(name: string, rows: number): Case {
  switch (name) {
    case "fn-settle":
    case "fn-settlejournal": {
      const items = openItemsRange(rows);
      const pay = halfTotal(items);
      const journal = name === "fn-settlejournal";
      // The journal's width and lines per settled item, as the function spills them (measured once on a small range).
      const probe = settleJournal(items.slice(0, 101), halfTotal(items.slice(0, 101)), BENCH_AS_OF) as unknown[][];
      const settledInProbe = (settle(items.slice(0, 101), halfTotal(items.slice(0, 101)), BENCH_AS_OF) as unknown[][]).filter((r, i) => i > 0 && r[0] !== "Unapplied" && (r[5] as number) > 0).length;
      const width = (probe[0] as unknown[]).length;
      const perItem = Math.max(1, Math.floor((probe.length - 1) / Math.max(1, settledInProbe)));
      return {
        engine: () => (journal ? settleJournal(items, pay, BENCH_AS_OF) : settle(items, pay, BENCH_AS_OF)),
        floor: () => settleFloor(items, Math.round(pay * 100), journal ? width : 0, perItem),
      };
    }
    case "fn-creditcheck": {
      const ledger = ledgerRange(rows, CUSTOMERS);
      const who = busiest(ledger);
      const customers = customersRange(CUSTOMERS);
      const orders = ordersRange(10000, CUSTOMERS);
      const rates = ratesRange();
      return {
        engine: () => creditcheck(who, 1000, customers, ledger, orders, RULES, undefined, BENCH_AS_OF, undefined, rates),
        // The one customer's balance and oldest due date from every ledger row, its open orders, its limit.
        floor: () => {
          let held = oneCustomerFloor(ledger, who);
          for (let i = 1; i < orders.length; i++) if ((orders[i] as Row)[1] === who) held += cents((orders[i] as Row)[2]);
          for (let i = 1; i < customers.length; i++) if ((customers[i] as Row)[0] === who) held -= cents((customers[i] as Row)[2]);
          return held;
        },
      };
    }
    case "fn-creditstats":
    case "fn-dso": {
      const ledger = ledgerRange(rows, CUSTOMERS);
      const who = busiest(ledger);
      const customers = customersRange(CUSTOMERS);
      return {
        engine: () => (name === "fn-dso" ? dsoCustom(who, ledger, 12, BENCH_AS_OF) : creditstats(who, ledger, customers, undefined, BENCH_AS_OF)),
        // Credit sales in the window and the open balance of the one customer, from every ledger row.
        floor: () => {
          let sales = 0;
          let balance = 0;
          for (let i = 1; i < ledger.length; i++) {
            const row = ledger[i] as Row;
            if (row[0] !== who) continue;
            const amount = cents(row[5]);
            balance += amount;
            if (row[2] === "Invoice" && num(row[3]) > BENCH_AS_OF - 365) sales += amount;
          }
          return oneCustomerFloor(ledger, who) + (balance / sales) * 365;
        },
      };
    }
    case "fn-writeoff": {
      const ledger = ledgerRange(rows, CUSTOMERS);
      const who = busiest(ledger);
      return {
        engine: () => writeoff(ledger, who, BENCH_AS_OF, "BADDEBT"),
        floor: () => oneCustomerFloor(ledger, who),
      };
    }
    case "fn-interest":
    case "fn-interestjournal": {
      const ledger = ledgerRange(rows, CUSTOMERS);
      const journal = name === "fn-interestjournal";
      return {
        engine: () => (journal ? interestjournal(ledger, BENCH_AS_OF, TIERS) : interest(ledger, BENCH_AS_OF, TIERS)),
        floor: () => interestFloor(ledger, BENCH_AS_OF, journal ? 20 : 4, journal ? 2 : 1),
      };
    }
    case "fn-letters":
    case "fn-worklist": {
      // CC.WORKLIST ranks one currency at a time: its ledger is all USD.
      const ledger = name === "fn-worklist" ? ledgerRange(rows, CUSTOMERS, 42, ["USD"]) : ledgerRange(rows, CUSTOMERS);
      const customers = customersRange(CUSTOMERS);
      return {
        engine: () => (name === "fn-letters" ? letters(ledger, BENCH_AS_OF, SEQUENCE) : worklist(ledger, BENCH_AS_OF, customers)),
        // Per customer: balance, overdue and the oldest overdue days; then one output row per customer (sorted by risk for the worklist).
        floor: () => {
          const by = perCustomerFloor(ledger, BENCH_AS_OF);
          const out: unknown[][] = [];
          for (const [c, acc] of by) out.push([c, "USD", (acc[0] as number) / 100, acc[1], acc[2], "", "", ""]);
          if (name === "fn-worklist") out.sort((a, b) => (b[3] as number) - (a[3] as number));
          return out;
        },
      };
    }
    case "fn-chargecorrection": {
      const charges = chargeJournalRange(rows);
      return {
        engine: () => chargecorrection(charges, "Reverse", BENCH_AS_OF, "CORRECTION"),
        // Read each charge line's cells once and write its reversing line (debit and credit swapped).
        floor: () => {
          const out: unknown[][] = [charges[0] as unknown[], [everyCell(charges)]];
          for (let i = 1; i < charges.length; i++) {
            const r = (charges[i] as Row).slice();
            const debit = r[10];
            r[10] = r[11];
            r[11] = debit;
            r[0] = "COR";
            out.push(r);
          }
          return out;
        },
      };
    }
    case "fn-nsf":
    case "fn-nsfjournal": {
      const { ledger, journal, payment, who } = nsfInputs(rows);
      const jnl = name === "fn-nsfjournal";
      return {
        engine: () => (jnl ? nsfjournal(ledger, journal, who, payment, BENCH_AS_OF, "NSF") : nsf(ledger, journal, who, payment, BENCH_AS_OF, "NSF")),
        // Find the payment and the vouchers it settled: every ledger row's customer and voucher, every journal line.
        floor: () => {
          const settled = new Set<unknown>();
          for (let i = 1; i < journal.length; i++) if ((journal[i] as Row)[5] === payment || (journal[i] as Row)[4] === payment) settled.add((journal[i] as Row)[4]);
          let change = 0;
          for (let i = 1; i < ledger.length; i++) {
            const row = ledger[i] as Row;
            if (row[0] === who && settled.has(row[1])) change += cents(row[5]);
          }
          return change + oneCustomerFloor(ledger, who);
        },
      };
    }
    case "fn-paypredict": {
      const ledger = predictionRange(rows);
      let asOf = 0;
      for (let i = 1; i < ledger.length; i++) asOf = Math.max(asOf, (ledger[i] as Row)[2] as number);
      return { engine: () => paypredict(ledger, asOf), floor: () => historyFloor(ledger) };
    }
    case "fn-paybacktest": {
      // CC.PAYBACKTEST over the last three month ends of the same synthetic ledger: the model is
      // trained and scored once per month end, so its floor is three of fn-paypredict's.
      const ledger = predictionRange(rows);
      let last = 0;
      for (let i = 1; i < ledger.length; i++) last = Math.max(last, (ledger[i] as Row)[2] as number);
      const to = last;
      const from = to - 85;
      return {
        engine: () => paybacktest(ledger, from, to),
        floor: () => [historyFloor(ledger), historyFloor(ledger), historyFloor(ledger)],
      };
    }
    case "fn-match": {
      // CC.MATCH: a statement of rows / 10 lines against `rows` open items with the customers'
      // names and accounts (bench-match's Nordic data: references, invoice numbers in text, typos,
      // combined and short payments).
      const { openItems, statement, customers } = matchRanges(rows);
      const refColumn = (openItems[0] as Row).indexOf("PaymentReference");
      return {
        engine: () => match(openItems, statement, customers),
        // Read every cell of the three ranges once; index the open items by reference; one lookup and one output row per line.
        floor: () => {
          const index = new Map<unknown, number>();
          for (let i = 1; i < openItems.length; i++) index.set((openItems[i] as Row)[refColumn], i);
          const out: unknown[][] = [[everyCell(openItems) + everyCell(statement) + everyCell(customers)]];
          for (let i = 1; i < statement.length; i++) {
            const row = statement[i] as Row;
            const hit = index.get(row[6]);
            out.push([row[0], hit === undefined ? "" : (openItems[hit] as Row)[0], hit === undefined ? "" : (openItems[hit] as Row)[1], row[2], row[3], hit === undefined ? "None" : "High", ""]);
          }
          return out;
        },
      };
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

/** bench-predict's synthetic ledger (20 invoices a customer, 30 % paid late by habit) as the range CC.PAYPREDICT and CC.PAYBACKTEST read. */
function predictionRange(rows: number): Range {
  const ledger: Range = [["Customer", "Voucher", "Date", "DueDate", "Amount", "ClosedDate", "Currency"]];
  for (const inv of syntheticLedger(rows)) ledger.push([inv.customer, inv.voucher, inv.dateSerial, inv.dueSerial, inv.amountMinor / 100, inv.closedSerial ?? null, inv.currency]);
  return ledger;
}

/** Read every cell once; per customer, the count and lateness of its paid invoices (the history any model starts from); one output row per open invoice. */
function historyFloor(ledger: Range): unknown[][] {
  const by = new Map<unknown, Float64Array>();
  const out: unknown[][] = [[everyCell(ledger)]];
  for (let i = 1; i < ledger.length; i++) {
    const row = ledger[i] as Row;
    let acc = by.get(row[0]);
    if (acc === undefined) by.set(row[0], (acc = new Float64Array(2)));
    const closed = row[5];
    if (typeof closed === "number") {
      acc[0] = (acc[0] as number) + 1;
      acc[1] = (acc[1] as number) + (closed > num(row[3]) ? 1 : 0);
    } else out.push([row[0], row[1], acc[1], acc[0]]);
  }
  return out;
}

/** CC.MATCH's three ranges from bench-match's data: `rows` open items, rows / 10 statement lines, the customers. */
function matchRanges(rows: number): { openItems: Range; statement: Range; customers: Range } {
  const data = benchData(Math.max(1, Math.round(rows / 10)), rows);
  const openItems: Range = [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Invoice", "PaymentReference", "CashDiscountDate", "CashDiscountPct"]];
  for (const it of data.items) {
    openItems.push([it.customer, it.voucher, it.type, it.dateSerial ?? null, it.dueSerial ?? null, it.amountMinor / 100, it.currency, it.invoice ?? null, it.paymentReference ?? null, it.cashDiscountSerial ?? null, it.cashDiscountPct ?? null]);
  }
  const statement: Range = [["LineId", "Date", "Amount", "Currency", "Counterparty", "Account", "Reference", "Text"]];
  for (const { line } of data.labelled) statement.push([line.lineId, line.dateSerial, line.amountMinor / 100, line.currency, line.counterparty, line.account, line.reference, line.text]);
  const customers: Range = [["Customer", "Name", "BankAccount"]];
  for (const c of data.customers) customers.push([c.customer, c.name ?? null, c.bankAccounts.join("; ")]);
  return { openItems, statement, customers };
}

/**
 * The charge journal CC.CHARGECORRECTION reverses: CC.INTERESTJOURNAL's spill over a generated
 * ledger, cut to `rows` lines (an even number keeps each charged transaction's two lines together).
 */
function chargeJournalRange(rows: number): Range {
  const want = rows - (rows % 2);
  let ledgerRows = Math.ceil(want / 1.2);
  for (;;) {
    const journal = interestjournal(ledgerRange(ledgerRows, CUSTOMERS), BENCH_AS_OF, TIERS) as Range;
    if (journal.length - 1 >= want) return journal.slice(0, want + 1);
    ledgerRows = Math.ceil(ledgerRows * 1.3);
  }
}

/**
 * A full ledger in which customer C000001's first payment settled that customer's invoices by due
 * date: the ledger as it stands afterwards (open amounts reduced) and that settlement's journal.
 */
function nsfInputs(rows: number): { ledger: Range; journal: Range; payment: string; who: string } {
  const range = ledgerRange(rows, CUSTOMERS);
  const who = busiest(range);
  // Records of the one customer only: a record per ledger row here would set the case's peak RSS.
  const columns = unwrap(readLedger(range));
  const id = columns.customerIndex(who);
  const mine = columns.records((i) => columns.customerOf[i] === id);
  const credit = mine.find((t) => t.amountMinor < 0);
  if (credit === undefined) throw new Error("no payment");
  const proposal = unwrap(proposeSettlement({ credit, items: mine.filter((t) => t.amountMinor > 0), dateSerial: BENCH_AS_OF, method: { kind: "duedate" } }));
  const posted = unwrap(postSettlement(proposal, { accountingCurrency: credit.currency, salt: "bench" }));
  const delta = new Map<string, number>();
  for (const c of posted.changes) delta.set(c.voucher, (delta.get(c.voucher) ?? 0) + c.deltaMinor);
  for (let i = 1; i < range.length; i++) {
    const row = range[i] as unknown[];
    const d = row[0] === who ? delta.get(row[1] as string) : undefined;
    if (d !== undefined) row[5] = Math.round(cents(row[5]) + d) / 100;
  }
  return { ledger: range, journal: journalTable(posted.journal.lines), payment: credit.voucher, who };
}

/**
 * The V8 heap the case's inputs hold, in MB: heapUsed after a full GC, before and after building the
 * case again (its closures hold only the input ranges; the set-up garbage is collected). Needs --expose-gc.
 */
function inputMb(name: string, rows: number): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return null;
  sink = null;
  gc();
  const before = process.memoryUsage().heapUsed;
  sink = buildCase(name, rows);
  gc();
  return Math.round((process.memoryUsage().heapUsed - before) / 104857.6) / 10;
}

/**
 * `--hash <rows> <case>...`: the SHA-1 of the JSON of each case's output (one call), to show that a
 * change keeps every function's output identical (docs/performance.md, round 4b).
 */
function hashes(rows: number, names: readonly string[]): void {
  for (const name of names) {
    const json = JSON.stringify(buildCase(name, rows).engine());
    process.stdout.write(`${name}\t${rows}\t${createHash("sha1").update(json).digest("hex")}\t${json.length}\n`);
  }
}

function main(): void {
  if (process.argv[2] === "--hash") {
    hashes(Number(process.argv[3]), process.argv.slice(4));
    return;
  }
  const [name = "", rowsText = "0", runsText = "5"] = process.argv.slice(2);
  const rows = Number(rowsText);
  const runs = Number(runsText);
  const c = buildCase(name, rows);
  // The peak is measured from here: the inputs and the calls, not the garbage of building them.
  markRss();
  const engine = time(c.engine, runs);
  // The case's peak: its inputs and one call of the function (the first), which is what a sheet's
  // recalculation needs. `peakRssAllMb` is the peak over every timed call too, where V8 may grow its
  // heap rather than collect the last calls' garbage (settle-batch: 825 MB after one call, 2.2 GB
  // after three). Both are read before the floor runs, whose own garbage is not the function's.
  const firstCallPeak = engine.firstRssMb;
  const peakRssAllMb = peakRssMb();
  sink = null;
  // Floors are cheap and short, so one descheduling on a busy machine moves their median: time more of them.
  const floor = time(c.floor, Math.max(runs, 15));
  void sink;
  const input = inputMb(name, rows);
  process.stdout.write(
    `${JSON.stringify({ name, rows, ms: Math.round(engine.ms * 10) / 10, floorMs: Math.round(floor.ms * 10) / 10, ratio: Math.round((engine.ms / floor.ms) * 100) / 100, peakRssMb: firstCallPeak, peakRssAllMb, inputMb: input, runs: engine.runs })}\n`,
  );
}

if (require.main === module) main();
