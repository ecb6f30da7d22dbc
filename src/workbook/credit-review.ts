/**
 * The Credit review from sheet ranges, for the CLI and the task pane: read every table, build the
 * credit book once, check every open order, and return the review table with the raw results.
 */
import { checkOrders, type BatchCheck } from "../domain/credit/batch";
import { creditBook } from "../domain/credit/book";
import type { CreditCheckOptions } from "../domain/credit/check";
import { validateRules } from "../domain/credit/validate-rules";
import { type CcError, fail, ok, type Result } from "../domain/errors";
import { readCreditGroups, readTemporaryLimits } from "./credit-groups";
import { creditReviewTable } from "./credit-output";
import { readRules } from "./credit-rules";
import { readCustomers } from "./customers";
import { readOrders } from "./orders";
import { readExchangeRates, readTransactions } from "./transactions";

export interface CreditReviewRanges {
  readonly customers: unknown;
  readonly transactions: unknown;
  readonly orders: unknown;
  readonly rules?: unknown;
  readonly groups?: unknown;
  readonly temporaryLimits?: unknown;
  readonly rates?: unknown;
}

export interface CreditReview {
  readonly batch: BatchCheck;
  /** `Order | Customer | Amount | OrderCurrency | Status | Reasons | Limit | Exposure | Available | Currency`. */
  readonly table: (string | number)[][];
}

/**
 * @example creditReview({ customers, transactions, orders }, { asOfSerial: 45473 }).value.table[0] // ["Order", "Customer", ...]
 */
export function creditReview(
  ranges: CreditReviewRanges,
  settings: CreditCheckOptions & { readonly asOfSerial: number; readonly accountingCurrency?: string; readonly roundAmounts?: boolean },
): Result<CreditReview> {
  const read = { roundAmounts: settings.roundAmounts ?? false };
  const errors: CcError[] = [];
  const take = <T>(r: Result<T>, empty: T): T => {
    if (r.ok) return r.value;
    errors.push(...r.errors);
    return empty;
  };
  const given = (v: unknown): boolean => v !== null && v !== undefined;
  const customers = take(readCustomers(ranges.customers, read), []);
  const groups = given(ranges.groups) ? take(readCreditGroups(ranges.groups, read), []) : [];
  const currencyOf = (owner: "Customer" | "Group", account: string): string | undefined =>
    owner === "Customer" ? customers.find((c) => c.customer === account)?.currency : groups.find((g) => g.creditGroup === account)?.currency;
  const transactions = take(readTransactions(ranges.transactions, read), []);
  const orders = take(readOrders(ranges.orders, read), []);
  const temporaryLimits = given(ranges.temporaryLimits) ? take(readTemporaryLimits(ranges.temporaryLimits, { ...read, currencyOf }), []) : [];
  const rates = given(ranges.rates) ? take(readExchangeRates(ranges.rates), []) : [];
  const rules = given(ranges.rules) ? take(readRules(ranges.rules, read), []) : [];
  if (errors.length > 0) return fail(...errors);
  const checkedRules = validateRules(rules, customers);
  if (!checkedRules.ok) return checkedRules;
  const book = creditBook({
    customers, groups, transactions, orders, temporaryLimits, rates,
    accountingCurrency: settings.accountingCurrency ?? customers[0]?.currency ?? "",
    asOfSerial: settings.asOfSerial,
  });
  if (!book.ok) return book;
  const batch = checkOrders(book.value, checkedRules.value, settings);
  if (!batch.ok) return batch;
  return ok({ batch: batch.value, table: creditReviewTable(batch.value) });
}
