/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { CcInputError, ccError, unwrap } from "../domain/errors";
import { backtestPaymentModel } from "../domain/prediction/backtest";
import { predictOpenInvoices } from "../domain/prediction/predict";
import { DEFAULT_VERY_LATE_DAYS } from "../domain/prediction/train";
import type { PredictionOptions } from "../domain/prediction/types";
import { readOptions } from "../workbook/options";
import { readPredictionLedger } from "../workbook/prediction-input";
import { payBacktestTable, payPredictTable } from "../workbook/prediction-output";
import { absent, dateArg, runFunction } from "./_lib/adapter";

export const PREDICTION_OPTIONS = {
  VeryLateDays: { kind: "number", min: 1, integer: true },
  Features: { kind: "text" },
  Seed: { kind: "number", integer: true },
  RoundAmounts: { kind: "bool" },
} as const;

/**
 * Predicts, for every invoice open at the as-of date, the probabilities of paying on time, late and very late, learned from the ledger's settled invoices known then.
 * @customfunction PAYPREDICT
 * @param transactions Ledger range with a header row: Customer, Voucher, Date, DueDate, Amount, ClosedDate (SettledDate, PaidDate); OriginalAmount, Currency, DisputeDate optional.
 * @param asOf As-of date: only invoices dated and closed on or before it are known.
 * @param [options] Name/Value rows: VeryLateDays (default 30), Features (extra column names separated by ;), Seed, RoundAmounts.
 * @returns Customer, Voucher, DueDate, Amount, Currency, OnTime, Late, VeryLate, ExpectedDaysLate, PredictedPayDate.
 */
export function paypredict(transactions: any[][], asOf: any, options?: any[][]): any[][] {
  return runFunction(() => payPredictFunction(transactions, asOf, options ?? null));
}

/**
 * Backtests the payment model at every month end between two dates against always-on-time and the customer's own history.
 * @customfunction PAYBACKTEST
 * @param transactions Ledger range with a header row: Customer, Voucher, Date, DueDate, Amount, ClosedDate (SettledDate, PaidDate).
 * @param from First date of the period: month ends on or after it are scored.
 * @param to Last date of the period: month ends on or before it are scored.
 * @param [options] Name/Value rows: VeryLateDays (default 30), Features (extra column names separated by ;), Seed, RoundAmounts.
 * @returns Metric, Model, AlwaysOnTime, CustomerHistory; rows Predictions, Accuracy, F1Macro, Brier, MAEDays.
 */
export function paybacktest(transactions: any[][], from: any, to: any, options?: any[][]): any[][] {
  return runFunction(() => payBacktestFunction(transactions, from, to, options ?? null));
}

/** The plain adapter behind CC.PAYPREDICT. */
export function payPredictFunction(transactions: unknown, asOf: unknown, options: unknown): (string | number)[][] {
  const asOfSerial = dateArg(asOf, "asOf");
  const { prediction, read } = predictionOptions(options);
  const ledger = unwrap(readPredictionLedger(transactions, { ...read, features: prediction.features ?? [] }));
  return payPredictTable(unwrap(predictOpenInvoices(ledger, asOfSerial, prediction)));
}

/** The plain adapter behind CC.PAYBACKTEST. */
export function payBacktestFunction(transactions: unknown, from: unknown, to: unknown, options: unknown): (string | number)[][] {
  const fromSerial = dateArg(from, "from");
  const toSerial = dateArg(to, "to");
  if (fromSerial > toSerial) throw new CcInputError([ccError("from_must_not_be_after_to", {}, { column: "from" })]);
  const { prediction, read } = predictionOptions(options);
  const ledger = unwrap(readPredictionLedger(transactions, { ...read, features: prediction.features ?? [] }));
  return payBacktestTable(unwrap(backtestPaymentModel(ledger, fromSerial, toSerial, prediction)));
}

function predictionOptions(options: unknown): { prediction: PredictionOptions; read: { roundAmounts: boolean } } {
  const opts = unwrap(readOptions(absent(options) ? null : options, PREDICTION_OPTIONS));
  const features = typeof opts["Features"] === "string" ? opts["Features"].split(";").map((s) => s.trim()).filter((s) => s !== "") : [];
  const prediction: PredictionOptions = {
    veryLateDays: typeof opts["VeryLateDays"] === "number" ? opts["VeryLateDays"] : DEFAULT_VERY_LATE_DAYS,
    features,
    ...(typeof opts["Seed"] === "number" ? { seed: opts["Seed"] } : {}),
  };
  return { prediction, read: { roundAmounts: opts["RoundAmounts"] === true } };
}
