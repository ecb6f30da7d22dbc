/**
 * Late-payment prediction (issue 17): a model trained on the ledger's settled invoices, scoring of
 * open invoices, and a rolling month-end backtest against naive baselines. See docs/prediction.md.
 */
export { predictOpenInvoices, expectedLateByCustomer, scoreInvoice } from "./predict";
export { trainPaymentModel, MIN_SETTLED, MAX_TRAINING_ROWS, MAX_STUMP_ROWS, DEFAULT_VERY_LATE_DAYS, type PaymentModel } from "./train";
export { backtestPaymentModel, monthEndsBetween, type BacktestResult } from "./backtest";
export { type Scores } from "./metrics";
export { knownAt, isOpenAt } from "./known-at";
export type * from "./types";
