/**
 * The one credit-review path from sheet ranges to decisions, used by every edge: `CC.CREDITCHECK`
 * (one order), the task pane's Credit review and `cc creditcheck` (every open order). It reads
 * every table with the same readers and options (a temporary limit in its owner's currency, rules
 * validated against the customers), builds the credit book once and checks. Three copies of this
 * pipeline drifted apart (issue #11); keep it one.
 */
import { checkOrders, type BatchCheck } from "../domain/credit/batch";
import { type CreditBook, creditBook, customersOfCheck } from "../domain/credit/book";
import type { CreditCheckOptions } from "../domain/credit/check";
import type { BlockingRule, Customer } from "../domain/credit/types";
import { validateRules } from "../domain/credit/validate-rules";
import { type CcError, fail, ok, type Result } from "../domain/errors";
import type { DateSystem } from "../domain/dates";
import type { ExchangeRate, Transaction } from "../domain/types";
import { readCreditGroups, readTemporaryLimits } from "./credit-groups";
import { creditReviewTable } from "./credit-output";
import { readRules } from "./credit-rules";
import { readCustomers } from "./customers";
import { readOrders } from "./orders";
import { readLedger } from "./ledger";
import { readExchangeRates, readTransactions } from "./transactions";

/** Records an edge has already read (the CLI reads the ledger and rates once for every command). */
export interface Preread<T> {
  readonly records: readonly T[];
}

export type CreditTable = "customers" | "transactions" | "orders" | "rules" | "groups" | "temporaryLimits" | "rates";

/**
 * The ranges of a credit check: each a 2-D range with a header row. `undefined` means "not
 * given" (an optional table); anything else is read, and a malformed range is an error.
 */
export interface CreditReviewRanges {
  readonly customers: unknown;
  readonly transactions: unknown;
  readonly orders?: unknown;
  readonly rules?: unknown;
  readonly groups?: unknown;
  readonly temporaryLimits?: unknown;
  readonly rates?: unknown;
  /** The names used in messages (a sheet or table name); default the key. */
  readonly names?: Partial<Record<CreditTable, string>>;
}

export interface CreditReadSettings {
  readonly asOfSerial: number;
  /** Blank or absent: the credit book decides (`creditAccountingCurrency`, decision 23). */
  readonly accountingCurrency?: string;
  /**
   * The customer whose order is checked (CC.CREDITCHECK). With `ledgerColumns`, only the ledger
   * rows its check reads are kept (`customersOfCheck`); every row is still validated.
   */
  readonly focusCustomer?: string;
  readonly roundAmounts?: boolean;
  /** The workbook's date system (default 1900). */
  readonly dateSystem?: DateSystem;
  /** Read the ledger into columns (src/workbook/ledger.ts), no record per row: a custom function over a full sheet. */
  readonly ledgerColumns?: boolean;
}

export interface CreditInputs {
  readonly book: CreditBook;
  /** Validated: every Customer rule names a customer, every Group rule a customer group. */
  readonly rules: readonly BlockingRule[];
  readonly customers: readonly Customer[];
}

function isPreread<T>(v: unknown): v is Preread<T> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && Array.isArray((v as { records?: unknown }).records);
}

/**
 * Read every table of a credit check and build the book. All read errors of all tables are
 * reported together, then rule references, then the book's own errors.
 * @example readCreditInputs({ customers, transactions }, { asOfSerial: 45473 }).value.book.customers.size // 2
 */
export function readCreditInputs(ranges: CreditReviewRanges, settings: CreditReadSettings): Result<CreditInputs> {
  const read = { roundAmounts: settings.roundAmounts ?? false, ...(settings.dateSystem !== undefined ? { dateSystem: settings.dateSystem } : {}) };
  const name = (t: CreditTable): string => ranges.names?.[t] ?? t;
  const errors: CcError[] = [];
  const take = <T>(r: Result<T>, empty: T): T => {
    if (r.ok) return r.value;
    errors.push(...r.errors);
    return empty;
  };
  // Customers already read (e.g. with a proposed adjustment journal applied) come as records.
  const customers: readonly Customer[] = isPreread<Customer>(ranges.customers)
    ? ranges.customers.records
    : take(readCustomers(ranges.customers, { ...read, name: name("customers") }), []);
  const groups = ranges.groups === undefined ? [] : take(readCreditGroups(ranges.groups, { ...read, name: name("groups") }), []);
  const customerCurrency = new Map(customers.map((c) => [c.customer, c.currency]));
  const groupCurrency = new Map(groups.map((g) => [g.creditGroup, g.currency]));
  const currencyOf = (owner: "Customer" | "Group", account: string): string | undefined =>
    owner === "Customer" ? customerCurrency.get(account) : groupCurrency.get(account);
  const focus = settings.focusCustomer === undefined ? undefined : customers.find((c) => c.customer === settings.focusCustomer);
  const kept = focus === undefined ? {} : { customers: customersOfCheck(customers, focus) };
  const columns = settings.ledgerColumns === true && !isPreread<Transaction>(ranges.transactions) ? take(readLedger(ranges.transactions, { ...read, name: name("transactions"), ...kept }), undefined) : undefined;
  const transactions: readonly Transaction[] = isPreread<Transaction>(ranges.transactions)
    ? ranges.transactions.records
    : settings.ledgerColumns === true
      ? []
      : take(readTransactions(ranges.transactions, { ...read, name: name("transactions") }), []);
  const orders = ranges.orders === undefined ? [] : take(readOrders(ranges.orders, { ...read, name: name("orders") }), []);
  const temporaryLimits =
    ranges.temporaryLimits === undefined ? [] : take(readTemporaryLimits(ranges.temporaryLimits, { ...read, name: name("temporaryLimits"), currencyOf }), []);
  const rates: readonly ExchangeRate[] =
    ranges.rates === undefined ? [] : isPreread<ExchangeRate>(ranges.rates) ? ranges.rates.records : take(readExchangeRates(ranges.rates, { ...read, name: name("rates") }), []);
  const rules = ranges.rules === undefined ? [] : take(readRules(ranges.rules, { ...read, name: name("rules") }), []);
  if (errors.length > 0) return fail(...errors);
  const checkedRules = validateRules(rules, customers, name("rules"));
  if (!checkedRules.ok) return checkedRules;
  const book = creditBook({
    customers, groups, transactions, orders, temporaryLimits, rates,
    ...(columns !== undefined ? { ledger: columns } : {}),
    ...(settings.accountingCurrency !== undefined ? { accountingCurrency: settings.accountingCurrency } : {}),
    ...(settings.focusCustomer !== undefined ? { focusCustomer: settings.focusCustomer } : {}),
    asOfSerial: settings.asOfSerial,
  });
  if (!book.ok) return book;
  return ok({ book: book.value, rules: checkedRules.value, customers });
}

export interface CreditReview {
  readonly batch: BatchCheck;
  /** `Order | Customer | Amount | OrderCurrency | Status | Reasons | Limit | Exposure | Available | Currency`. */
  readonly table: (string | number)[][];
}

/**
 * Check every open order (the Orders range is required here).
 * @example creditReview({ customers, transactions, orders }, { asOfSerial: 45473 }).value.table[0] // ["Order", "Customer", ...]
 */
export function creditReview(ranges: CreditReviewRanges, settings: CreditCheckOptions & CreditReadSettings): Result<CreditReview> {
  const inputs = readCreditInputs({ ...ranges, orders: ranges.orders ?? null }, settings);
  if (!inputs.ok) return inputs;
  const batch = checkOrders(inputs.value.book, inputs.value.rules, settings);
  if (!batch.ok) return batch;
  return ok({ batch: batch.value, table: creditReviewTable(batch.value) });
}
