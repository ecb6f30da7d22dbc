/**
 * The model-selection harness of docs/prediction.md: runs the rolling month-end backtest on the
 * public ledger for the validation period (month ends of 2012, used to choose the model) and, only
 * when asked, the reported period (month ends of 2013). Prints one line per period.
 *   npx tsx scripts/predict-eval.ts [validation|test|both] [ledger.csv]
 */
import { serialFromYmd } from "../src/domain/dates";
import { backtestPaymentModel } from "../src/domain/prediction/backtest";
import type { Scores } from "../src/domain/prediction/metrics";
import { readPredictionLedger } from "../src/workbook/prediction-input";
import { REAL_LEDGER, realLedgerRange } from "../test/prediction/real-ledger";

const which = process.argv[2] ?? "validation";
const features = (process.env["CC_FEATURES"] ?? "PaperlessBill").split(";").filter((s) => s !== "");
const ledger = readPredictionLedger(realLedgerRange(process.argv[3] ?? REAL_LEDGER), { features });
if (!ledger.ok) throw new Error(JSON.stringify(ledger.errors.slice(0, 3)));
const fmt = (s: Scores): string => `acc ${s.accuracy.toFixed(4)} f1 ${s.f1Macro.toFixed(4)} brier ${s.brier.toFixed(4)} mae ${s.maeDays.toFixed(3)}`;
const periods: [string, number, number][] = [];
if (which !== "test") periods.push(["2012 (validation)", serialFromYmd(2012, 1, 1), serialFromYmd(2012, 12, 31)]);
if (which !== "validation") periods.push(["2013 (reported)", serialFromYmd(2013, 1, 1), serialFromYmd(2013, 12, 31)]);
for (const [name, from, to] of periods) {
  const t0 = Date.now();
  const r = backtestPaymentModel(ledger.value, from, to, { features });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const v = r.value;
  process.stdout.write(`${name}: n ${v.model.predictions} | model ${fmt(v.model)} | history ${fmt(v.customerHistory)} | always ${fmt(v.alwaysOnTime)} | ${Date.now() - t0} ms\n`);
}
