/**
 * Benchmark of late-payment prediction, run in its own process (like bench-case.ts):
 *   node --import tsx scripts/bench-predict.ts <predict-train|predict-score> <rows> <runs>
 * Prints one JSON line { name, rows, ms, floorMs, ratio, peakRssMb, cpuMs }: cpuMs is the median
 * CPU time (user + system) of the measured runs, which a machine shared with other jobs inflates
 * less than the wall time.
 *
 * The ledger is synthetic and deterministic (mulberry32, seed 42): `rows` invoices over rows / 20
 * customers, issued over the two years before the as-of date, net 14 or 30, each customer with its
 * own habit of paying late; invoices whose payment falls after the as-of date are open.
 *
 * Floors (the least work any implementation must do):
 * - predict-train: one pass over the ledger that counts each customer's settled and late invoices
 *   (what the CustomerHistory baseline needs). The model does more by design: features for every
 *   training example and Newton iterations over up to MAX_TRAINING_ROWS examples.
 * - predict-score: one pass over the open invoices that looks up their customer's late share.
 */
import { performance } from "node:perf_hooks";
import { serialFromYmd } from "../src/domain/dates";
import { isOpenAt, knownAt } from "../src/domain/prediction/known-at";
import { scoreInvoice } from "../src/domain/prediction/predict";
import { trainPaymentModel } from "../src/domain/prediction/train";
import type { LedgerInvoice } from "../src/domain/prediction/types";
import { Prng } from "../src/cli/_lib/prng";

const AS_OF = serialFromYmd(2025, 12, 31);

export function syntheticLedger(rows: number, seed = 42): LedgerInvoice[] {
  const rng = new Prng(seed);
  const customers = Math.max(1, Math.floor(rows / 20));
  const habit = Array.from({ length: customers }, () => rng.next() * 0.8);
  const out: LedgerInvoice[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const c = rng.int(0, customers - 1);
    const date = AS_OF - rng.int(0, 730);
    const due = date + (rng.chance(0.2) ? 14 : 30);
    const late = rng.chance(habit[c] as number);
    const closed = late ? due + rng.int(1, rng.chance(0.1) ? 90 : 25) : Math.max(date, due - rng.int(0, 20));
    const inv: { -readonly [K in keyof LedgerInvoice]: LedgerInvoice[K] } = {
      customer: `C${c}`, voucher: `V${i}`, row: i + 2, dateSerial: date, dueSerial: due, amountMinor: rng.int(1000, 500000), currency: "USD",
    };
    if (closed <= AS_OF) inv.closedSerial = closed;
    out[i] = inv;
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

let sink: unknown;
/** CPU milliseconds of the runs timed last (see time). */
let lastCpuMs = 0;
function time(fn: () => unknown, runs: number): number {
  sink = fn();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    sink = fn();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  lastCpuMs = median(cpu);
  return median(ms);
}

function trainFloor(ledger: readonly LedgerInvoice[]): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  for (const inv of ledger) {
    if (inv.closedSerial === undefined || inv.closedSerial > AS_OF || inv.dateSerial > AS_OF) continue;
    let c = counts.get(inv.customer);
    if (c === undefined) counts.set(inv.customer, (c = [0, 0]));
    c[0]++;
    if (inv.closedSerial > inv.dueSerial) c[1]++;
  }
  return counts;
}

function run(name: string, rows: number, runs: number): { ms: number; floorMs: number; cpuMs: number } {
  const ledger = syntheticLedger(rows);
  const train = (): ReturnType<typeof trainPaymentModel> => trainPaymentModel(ledger, AS_OF, { seed: 1 });
  switch (name) {
    case "predict-train": {
      const ms = time(train, runs);
      const cpuMs = lastCpuMs;
      return { ms, floorMs: time(() => trainFloor(ledger), runs), cpuMs };
    }
    case "predict-score": {
      const model = train();
      if (!model.ok) throw new Error(model.errors[0]?.message);
      const open = knownAt(ledger, AS_OF).filter((i) => isOpenAt(i, AS_OF));
      const shares = trainFloor(ledger);
      const floor = (): number => {
        let late = 0;
        for (const inv of open) {
          const c = shares.get(inv.customer);
          if (c !== undefined && c[1] * 2 > c[0]) late++;
        }
        return late;
      };
      const ms = time(() => open.map((inv) => scoreInvoice(model.value, inv)), runs);
      const cpuMs = lastCpuMs;
      return { ms, floorMs: time(floor, runs), cpuMs };
    }
    default:
      throw new Error(`unknown case ${name}`);
  }
}

if (require.main === module) {
  const [name = "", rowsText = "0", runsText = "5"] = process.argv.slice(2);
  const rows = Number(rowsText);
  const result = run(name, rows, Number(runsText));
  void sink;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `${JSON.stringify({ name, rows, ms: Math.round(result.ms * 10) / 10, floorMs: Math.round(result.floorMs * 10) / 10, ratio: Math.round((result.ms / result.floorMs) * 100) / 100, peakRssMb, cpuMs: Math.round(result.cpuMs) })}\n`,
  );
}
