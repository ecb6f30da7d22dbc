/**
 * The credit book: customers, groups, temporary limits, the ledger and the open orders, indexed
 * once with Maps at an as-of date. Single checks and batch checks both read it; exposure per
 * customer and per group is computed once per target currency and memoized.
 */
import type { LedgerColumns } from "../ledger";
import { ccError, type CcError, fail, ok, type Result } from "../errors";
import { accountingCurrencyOf, rateTable, type RateTable } from "../rates";
import type { ExchangeRate, Transaction } from "../types";
import { buildProfiles, buildProfilesFromColumns, type CurrencySums, currencySums, type CustomerProfile } from "./_lib/profiles";
import { customerLimit, type CustomerLimit, groupLimit, temporaryLimitIndex } from "./limits";
import type { CreditGroup, Customer, Order, TemporaryLimit } from "./types";

export interface CreditBookInput {
  readonly customers: readonly Customer[];
  readonly transactions: readonly Transaction[];
  /** The ledger in columns (a custom function over a full sheet): when given, used instead of `transactions`. */
  readonly ledger?: LedgerColumns;
  readonly orders?: readonly Order[];
  readonly groups?: readonly CreditGroup[];
  readonly temporaryLimits?: readonly TemporaryLimit[];
  readonly rates?: readonly ExchangeRate[];
  /** The currency rates are quoted in; when blank or absent, `creditAccountingCurrency` decides. */
  readonly accountingCurrency?: string;
  /** The customer whose order is checked (CC.CREDITCHECK): its limit currency is the default accounting currency. */
  readonly focusCustomer?: string;
  readonly asOfSerial: number;
}

export interface CustomerExposure {
  /** Open items, in the target currency. */
  readonly balanceMinor: number;
  /** Open orders and packing slips not invoiced. */
  readonly ordersMinor: number;
  /** The insurance value when the customer counts it in exposure, else 0. */
  readonly insuranceMinor: number;
  readonly totalMinor: number;
}

export interface CreditBook {
  readonly asOfSerial: number;
  readonly rates: RateTable;
  readonly orders: readonly Order[];
  customer(key: string): Customer | undefined;
  group(key: string): CreditGroup | undefined;
  customerLimit(customer: Customer): CustomerLimit;
  groupLimitMinor(group: CreditGroup): number;
  /** The customer's exposure without the order being checked, in `currency`. */
  exposure(customer: Customer, currency: string): Result<CustomerExposure>;
  /** The sum of the members' exposure, in the group's currency. */
  groupExposure(group: CreditGroup): Result<number>;
  /** Overdue debit items in `currency`. */
  overdueMinor(customer: Customer, currency: string): Result<number>;
  daysOverdue(customer: Customer): number;
  convert(minor: number, from: string, to: string): Result<number>;
}

/**
 * The currency a credit book's rates are quoted in: the one given; else, for the check of one
 * customer's order, that customer's limit currency; else the one the customers' limit currencies
 * imply (their only one, or the only one without a rate), else their main one. Decision 23.
 * @example creditAccountingCurrency({ customers: [customerWith10000], accountingCurrency: " sek " }) // "SEK"
 * @example creditAccountingCurrency({ customers: [customerWith10000, { ...customerNoCredit, currency: "EUR" }], focusCustomer: "C2" }) // "EUR"
 * @example creditAccountingCurrency({ customers: [{ ...customerNoCredit, currency: "EUR" }, customerWith10000], rates: [{ currency: "EUR" }] }) // "USD"
 */
export function creditAccountingCurrency(input: {
  readonly customers: readonly Customer[];
  readonly accountingCurrency?: string;
  readonly focusCustomer?: string;
  readonly rates?: readonly { readonly currency: string }[];
}): string {
  const typed = (input.accountingCurrency ?? "").trim().toUpperCase();
  if (typed !== "") return typed;
  const focus = input.focusCustomer === undefined ? undefined : input.customers.find((c) => c.customer === input.focusCustomer);
  if (focus !== undefined) return focus.currency.toUpperCase();
  return accountingCurrencyOf("", input.customers, input.rates ?? []);
}

/**
 * The customers whose ledger rows the credit check of one customer's order reads: the customer,
 * and, when it belongs to a credit group, the group's members (the group limit counts their
 * exposure). A reader may keep only these rows.
 * @example [...customersOfCheck([customerWith10000, { ...customerNoCredit, creditGroup: "G" }, { ...customerWith10000, customer: "C3", creditGroup: "G" }], { ...customerNoCredit, creditGroup: "G" })] // ["C2", "C3"]
 * @example [...customersOfCheck([customerWith10000, customerNoCredit], customerWith10000)] // ["C1"]
 */
export function customersOfCheck(customers: readonly Customer[], target: Customer): Set<string> {
  const group = target.creditGroup;
  return new Set([target.customer, ...(group === undefined ? [] : customers.filter((c) => c.creditGroup === group).map((c) => c.customer))]);
}

/**
 * Index the inputs and validate their references: every credit group a customer names exists,
 * every temporary limit's owner exists, customers are unique.
 * @example
 * const book = creditBook({ customers: [customerWith10000], transactions: [c1Invoice], asOfSerial }).value;
 * book.exposure(customerWith10000, "USD").value // { balanceMinor: 900000, ordersMinor: 0, insuranceMinor: 0, totalMinor: 900000 }
 * book.daysOverdue(customerWith10000) // 30
 * @example creditBook({ customers: [{ ...customerWith10000, creditGroup: "G9" }], transactions: [], asOfSerial }).errors[0].code // "credit_group_must_exist"
 */
export function creditBook(input: CreditBookInput): Result<CreditBook> {
  const errors = validateReferences(input);
  if (errors.length > 0) return fail(...errors);
  const customers = new Map(input.customers.map((c) => [c.customer, c]));
  const groups = new Map((input.groups ?? []).map((g) => [g.creditGroup, g]));
  const members = new Map<string, Customer[]>();
  for (const c of input.customers) {
    if (c.creditGroup === undefined) continue;
    const list = members.get(c.creditGroup) ?? [];
    list.push(c);
    members.set(c.creditGroup, list);
  }
  const { asOfSerial } = input;
  const orders = input.orders ?? [];
  const profiles =
    input.ledger === undefined ? buildProfiles(input.transactions, orders, customers.keys(), asOfSerial) : buildProfilesFromColumns(input.ledger, orders, customers.keys(), asOfSerial);
  const rates = rateTable(input.rates ?? [], creditAccountingCurrency(input));
  const temporary = temporaryLimitIndex(input.temporaryLimits ?? []);
  const convert = (minor: number, from: string, to: string): Result<number> => rates.convert(minor, from, to, asOfSerial);
  const sumIn = (sums: readonly CurrencySums[], which: "balance" | "overdue" | "orders", to: string): Result<number> => {
    let total = 0;
    for (const s of sums) {
      const minor = s[which];
      if (minor !== minor) continue; // no item in this currency
      const c = convert(minor, s.currency, to);
      if (!c.ok) return c;
      total += c.value;
    }
    return ok(total);
  };
  // One memo per customer object: its limit, and exposure and overdue in its own currency (nearly
  // every question) or in others (`more`); no composite string key per question.
  interface InCurrency {
    readonly currency: string;
    exposure: Result<CustomerExposure> | undefined;
    overdue: Result<number> | undefined;
  }
  interface Memo extends InCurrency {
    limit: CustomerLimit | undefined;
    more: InCurrency[] | undefined;
  }
  const memos = new Map<Customer, Memo>();
  const memoFor = (c: Customer): Memo => {
    let m = memos.get(c);
    if (m === undefined) memos.set(c, (m = { currency: c.currency, exposure: undefined, overdue: undefined, limit: undefined, more: undefined }));
    return m;
  };
  const memoOf = (c: Customer, currency: string): InCurrency => {
    const m = memoFor(c);
    if (m.currency === currency) return m;
    m.more ??= [];
    for (const x of m.more) if (x.currency === currency) return x;
    const x = { currency, exposure: undefined, overdue: undefined };
    m.more.push(x);
    return x;
  };
  const exposure = (c: Customer, currency: string): Result<CustomerExposure> => {
    const m = memoOf(c, currency);
    return (m.exposure ??= computeExposure(c, profiles.get(c.customer), currency, sumIn, convert));
  };
  const overdueMinor = (c: Customer, currency: string): Result<number> => {
    const m = memoOf(c, currency);
    return (m.overdue ??= sumIn(currencySums(profiles.get(c.customer)), "overdue", currency));
  };
  const limitOf = (c: Customer): CustomerLimit => {
    const m = memoFor(c);
    return (m.limit ??= customerLimit(c, temporary, asOfSerial));
  };
  const groupMemo = new Map<string, Result<number>>();
  const groupExposure = (g: CreditGroup): Result<number> => {
    const hit = groupMemo.get(g.creditGroup);
    if (hit !== undefined) return hit;
    let total = 0;
    let result: Result<number> | undefined;
    for (const m of members.get(g.creditGroup) ?? []) {
      const e = exposure(m, g.currency);
      if (!e.ok) {
        result = e;
        break;
      }
      total += e.value.totalMinor;
    }
    result ??= ok(total);
    groupMemo.set(g.creditGroup, result);
    return result;
  };
  return ok({
    asOfSerial,
    rates,
    orders,
    customer: (key) => customers.get(key),
    group: (key) => groups.get(key),
    customerLimit: limitOf,
    groupLimitMinor: (g) => groupLimit(g, temporary, asOfSerial),
    exposure,
    groupExposure,
    overdueMinor,
    daysOverdue: (c) => profiles.get(c.customer)?.maxDaysOverdue ?? 0,
    convert,
  });
}

function computeExposure(
  c: Customer,
  profile: CustomerProfile | undefined,
  currency: string,
  sumIn: (sums: readonly CurrencySums[], which: "balance" | "orders", to: string) => Result<number>,
  convert: (minor: number, from: string, to: string) => Result<number>,
): Result<CustomerExposure> {
  const sums = currencySums(profile);
  const balance = sumIn(sums, "balance", currency);
  if (!balance.ok) return balance;
  const orders = sumIn(sums, "orders", currency);
  if (!orders.ok) return orders;
  let insuranceMinor = 0;
  if (c.insuranceInExposure && c.insuranceMinor !== undefined) {
    const ins = convert(c.insuranceMinor, c.currency, currency);
    if (!ins.ok) return ins;
    insuranceMinor = ins.value;
  }
  return ok({
    balanceMinor: balance.value,
    ordersMinor: orders.value,
    insuranceMinor,
    totalMinor: balance.value + orders.value + insuranceMinor,
  });
}

function validateReferences(input: CreditBookInput): CcError[] {
  const errors: CcError[] = [];
  const seen = new Set<string>();
  const groupKeys = new Set((input.groups ?? []).map((g) => g.creditGroup));
  for (const c of input.customers) {
    if (seen.has(c.customer)) {
      errors.push(ccError("customer_must_appear_once", { case: "book", customer: c.customer }, { table: "customers", row: c.row, column: "Customer" }));
    }
    seen.add(c.customer);
    if (c.creditGroup !== undefined && !groupKeys.has(c.creditGroup)) {
      errors.push(
        ccError("credit_group_must_exist", { group: c.creditGroup }, { table: "customers", row: c.row, column: "CreditGroup" }),
      );
    }
  }
  for (const t of input.temporaryLimits ?? []) {
    const exists = t.owner === "Customer" ? seen.has(t.account) : groupKeys.has(t.account);
    if (!exists) {
      errors.push(
        ccError("temporary_limit_owner_must_exist", { owner: t.owner, account: t.account }, {
          table: "temporaryLimits",
          row: t.row,
          column: t.owner === "Customer" ? "Customer" : "CreditGroup",
        }),
      );
    }
  }
  return errors;
}
