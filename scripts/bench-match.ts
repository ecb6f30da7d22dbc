/**
 * The cash-application benchmark: a labelled statement generated from a ledger shaped like the
 * sample's Nordic customers (OCR, KID and FIK references, numeric invoice numbers, bank accounts),
 * scaled up, with realistic noise (src/cli/sample/statement.ts: references, invoice numbers in free
 * text, typos, combined payments, short payments after a bank fee, payer names that differ,
 * payments by account or name only, lines of no customer). Reports, as one JSON line:
 *   { name, rows, ms, floorMs, ratio, peakRssMb, cpuMs, items, precisionHigh, shareHigh, shareBestRight, byKind }
 * - precisionHigh: of the lines matched at High, the share whose customer and items are right;
 * - shareHigh: the share of all lines matched at High;
 * - shareBestRight: the share whose best suggestion is right (customer and items; a line of no
 *   customer is right when it is None);
 * - ms: median wall time of matchStatement (index built, every line matched and settled), cpuMs
 *   its CPU time (the honest figure on a shared, loaded machine);
 *   floorMs: one map lookup per line on a prebuilt reference index, the least any matcher does.
 *   node --import tsx scripts/bench-match.ts <lines> <items> <runs>
 */
import { performance } from "node:perf_hooks";
import { serialFromYmd } from "../src/domain/dates";
import { type LineResult, matchStatement } from "../src/domain/matching/match";
import { referenceKey } from "../src/domain/matching/references";
import type { MatchCustomer, MatchItem } from "../src/domain/matching/types";
import { Prng } from "../src/cli/_lib/prng";
import { generateNordic } from "../src/cli/sample/nordic";
import { generateStatement, type LabelledLine, type Noise } from "../src/cli/sample/statement";

export const BENCH_NOISE: Noise = { invoiceInText: 0.15, typo: 0.04, combined: 0.08, bankFee: 0.06, accountOnly: 0.07, nameOnly: 0.03, foreign: 0.03, otherName: 0.4, feeMinor: 1500 };
/** Bank fees up to 20.00 are closed to the cash-discount account, as a bank-fee tolerance would be set. */
// 20.00 over or under in every statement currency (all of them have two decimals).
const OPTIONS = { settlement: { maxOverUnderMinor: 2000 } };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export function benchData(lines: number, items: number, seed = 7): { items: MatchItem[]; customers: MatchCustomer[]; labelled: LabelledLine[] } {
  const nordic = generateNordic(new Prng(seed), Math.ceil(items / 24), 1, 900001);
  const ledger: MatchItem[] = nordic.invoices.slice(0, items).map((inv, i) => ({
    customer: inv.customer, voucher: inv.voucher, type: "Invoice", amountMinor: inv.amountMinor, currency: inv.currency, status: "None", row: i + 2,
    dateSerial: inv.dateSerial, dueSerial: inv.dueSerial, invoice: inv.invoice, paymentReference: inv.paymentReference,
    ...(inv.cashDiscountPct !== undefined && inv.cashDiscountSerial !== undefined ? { cashDiscountPct: inv.cashDiscountPct, cashDiscountSerial: inv.cashDiscountSerial } : {}),
  }));
  const customers = nordic.customers.map((c) => ({ customer: c.id, name: c.name, bankAccounts: c.accounts }));
  const payers = new Map(customers.map((c) => [c.customer, { customer: c.customer, name: c.name, accounts: c.bankAccounts }]));
  const share = Math.min(1, (lines * 1.06) / ledger.length);
  const labelled = generateStatement({
    items: nordic.invoices.slice(0, items), payers, fromSerial: serialFromYmd(2025, 12, 1), toSerial: serialFromYmd(2025, 12, 31), paidShare: share, noise: BENCH_NOISE, seed: seed + 1,
  }).slice(0, lines);
  return { items: ledger, customers, labelled };
}

function right(m: LineResult, l: LabelledLine): boolean {
  if (l.truth.customer === "") return m.customer === "";
  const got = m.settlements.map((s) => s.voucher).sort();
  const want = [...l.truth.vouchers].sort();
  return m.customer === l.truth.customer && got.length === want.length && got.every((v, i) => v === want[i]);
}

export function quality(results: readonly LineResult[], labelled: readonly LabelledLine[]): { precisionHigh: number; shareHigh: number; shareBestRight: number; byKind: Record<string, string> } {
  let high = 0;
  let highRight = 0;
  let best = 0;
  const kinds = new Map<string, { n: number; high: number; right: number }>();
  results.forEach((m, i) => {
    const l = labelled[i] as LabelledLine;
    const ok = right(m, l);
    const k = kinds.get(l.kind) ?? { n: 0, high: 0, right: 0 };
    k.n++;
    if (ok) {
      best++;
      k.right++;
    }
    if (m.confidence === "High") {
      high++;
      k.high++;
      if (ok) highRight++;
    }
    kinds.set(l.kind, k);
  });
  const pct = (a: number, b: number): number => Math.round((a / Math.max(1, b)) * 10000) / 100;
  return {
    precisionHigh: pct(highRight, high), shareHigh: pct(high, results.length), shareBestRight: pct(best, results.length),
    byKind: Object.fromEntries([...kinds].map(([k, v]) => [k, `${v.n} lines, High ${pct(v.high, v.n)} %, right ${pct(v.right, v.n)} %`])),
  };
}

function main(): void {
  const [linesText = "10000", itemsText = "100000", runsText = "3"] = process.argv.slice(2);
  const lineCount = Number(linesText);
  const data = benchData(lineCount, Number(itemsText));
  const lines = data.labelled.map((l) => l.line);
  let results: LineResult[] = [];
  const run = (): void => {
    const r = matchStatement(lines, data.items, data.customers, OPTIONS);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
    results = r.value;
  };
  run();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < Number(runsText); i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const index = new Map<string, number>();
  data.items.forEach((it, i) => { if (it.paymentReference !== undefined) index.set(referenceKey(it.paymentReference), i); });
  const floor: number[] = [];
  for (let i = 0; i < Number(runsText); i++) {
    const t0 = performance.now();
    let hits = 0;
    for (const l of lines) if (index.get(referenceKey(l.reference)) !== undefined) hits++;
    floor.push(performance.now() - t0 + (hits < 0 ? 1 : 0));
  }
  const q = quality(results, data.labelled);
  const msMedian = median(ms);
  const floorMs = Math.max(0.1, median(floor));
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ name: "match-statement", rows: lines.length, ms: Math.round(msMedian * 10) / 10, floorMs: Math.round(floorMs * 10) / 10, ratio: Math.round((msMedian / floorMs) * 100) / 100, peakRssMb, cpuMs: Math.round(median(cpu)), items: data.items.length, ...q })}\n`);
}

if (require.main === module) main();
