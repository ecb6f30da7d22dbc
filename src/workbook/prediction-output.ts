/**
 * Prediction results as 2-D tables: CC.PAYPREDICT's one row per open invoice and CC.PAYBACKTEST's
 * metrics beside the two baselines (issue 17's contracts: headers and row names are fixed).
 */
import { exponentOf, minorToNumber } from "../domain/money";
import type { BacktestResult } from "../domain/prediction/backtest";
import type { Scores } from "../domain/prediction/metrics";
import type { PredictionResult } from "../domain/prediction/types";

export const PAYPREDICT_HEADER = ["Customer", "Voucher", "DueDate", "Amount", "Currency", "OnTime", "Late", "VeryLate", "ExpectedDaysLate", "PredictedPayDate"] as const;
export const PAYBACKTEST_HEADER = ["Metric", "Model", "AlwaysOnTime", "CustomerHistory"] as const;
export const PAYBACKTEST_METRICS = ["Predictions", "Accuracy", "F1Macro", "Brier", "MAEDays"] as const;

/** Dates are serials (format the spill as dates); probabilities are unrounded and sum to 1. */
export function payPredictTable(result: PredictionResult): (string | number)[][] {
  const rows: (string | number)[][] = [[...PAYPREDICT_HEADER]];
  for (const p of result.invoices) {
    const amount = minorToNumber(p.amountMinor, exponentOf(p.currency));
    rows.push([p.customer, p.voucher, p.dueSerial, amount, p.currency, p.onTime, p.late, p.veryLate, p.expectedDaysLate, p.predictedPaySerial]);
  }
  return rows;
}

/** Rates to 4 decimals, MAEDays to 2. */
export function payBacktestTable(result: BacktestResult): (string | number)[][] {
  const methods: readonly Scores[] = [result.model, result.alwaysOnTime, result.customerHistory];
  const round = (v: number, places: number): number => Math.round(v * 10 ** places) / 10 ** places;
  const value = (metric: (typeof PAYBACKTEST_METRICS)[number], s: Scores): number => {
    switch (metric) {
      case "Predictions":
        return s.predictions;
      case "Accuracy":
        return round(s.accuracy, 4);
      case "F1Macro":
        return round(s.f1Macro, 4);
      case "Brier":
        return round(s.brier, 4);
      case "MAEDays":
        return round(s.maeDays, 2);
    }
  };
  return [[...PAYBACKTEST_HEADER], ...PAYBACKTEST_METRICS.map((m) => [m, ...methods.map((s) => value(m, s))])];
}
