/**
 * Credit results -> 2-D tables for cells and sheets.
 */
import type { BatchCheck } from "../domain/credit/batch";
import type { CreditCheckResult } from "../domain/credit/types";
import { exponentOf, minorToNumber } from "../domain/money";

export const CREDIT_CHECK_HEADER = ["Status", "Reasons", "Limit", "Exposure", "Available", "Currency"] as const;

type Cell = string | number;

function money(minor: number | null, currency: string): Cell {
  return minor === null ? "" : minorToNumber(minor, exponentOf(currency));
}

/** The value row of one check: Limit and Available are blank when the limit is unlimited. */
export function creditCheckRow(result: CreditCheckResult): Cell[] {
  return [
    result.status,
    result.reasons.join("; "),
    money(result.limitMinor, result.currency),
    money(result.exposureMinor, result.currency),
    money(result.availableMinor, result.currency),
    result.currency,
  ];
}

/**
 * `Status | Reasons | Limit | Exposure | Available | Currency` and one value row.
 * @example creditCheckTable(result) // [["Status", ...], ["HOLD", "CreditLimit", 10000, 10500, -500, "USD"]]
 */
export function creditCheckTable(result: CreditCheckResult): Cell[][] {
  return [[...CREDIT_CHECK_HEADER], creditCheckRow(result)];
}

export const CREDIT_REVIEW_HEADER = ["Order", "Customer", "Amount", "OrderCurrency", ...CREDIT_CHECK_HEADER] as const;

/** The batch check as a review table: one row per checked order, in the orders' order. */
export function creditReviewTable(batch: BatchCheck): Cell[][] {
  const rows: Cell[][] = [[...CREDIT_REVIEW_HEADER]];
  for (const { order, result } of batch.checked) {
    rows.push([order.order, order.customer, money(order.amountMinor, order.currency), order.currency, ...creditCheckRow(result)]);
  }
  return rows;
}
