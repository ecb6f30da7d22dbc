/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { checkCredit } from "../domain/credit/check";
import { parseRanks } from "../domain/credit/_lib/ranks";
import { customerStatistics, STATISTICS_DEFAULTS, STATISTICS_MAX_MONTHS } from "../domain/credit/statistics";
import type { Customer } from "../domain/credit/types";
import { isBlank } from "../workbook/table";
import { matchChoice, toNumber } from "../workbook/cells";
import { readCheckpoints } from "../workbook/credit-checkpoints";
import { shouldCheck } from "../domain/credit/checkpoints";
import { CHECKPOINT_STEPS, type CheckpointStep } from "../domain/credit/types";
import { creditStatisticsTable, readStatisticsLedger } from "../workbook/credit-statistics";
import { serialFromLocalDate } from "../domain/dates";
import { CcInputError, ccError, unwrap } from "../domain/errors";
import { currencyExponent, parseMoney } from "../domain/money";
import { readTemporaryLimits } from "../workbook/credit-groups";
import { readCustomers } from "../workbook/customers";
import { readCreditInputs } from "../workbook/credit-review";
import { creditCheckTable } from "../workbook/credit-output";
import { readOptions } from "../workbook/options";
import { readOrders } from "../workbook/orders";
import { absent, cellArg, dateArg, optionalText, runFunction, scalar } from "./_lib/adapter";

export const CREDIT_CHECK_OPTIONS = {
  CheckGroupLimit: { kind: "bool" },
  IgnoreBlankExpiry: { kind: "bool" },
  AccountingCurrency: { kind: "text" },
  OrderCurrency: { kind: "text" },
  PaymentTerms: { kind: "text" },
  CashDiscount: { kind: "text" },
  PaymentTermsRanks: { kind: "text" },
  CashDiscountRanks: { kind: "text" },
  RoundAmounts: { kind: "bool" },
} as const;

/**
 * Checks an order against the customer's credit limit, its credit group's limit and blocking rules.
 * @customfunction CREDITCHECK
 * @volatile
 * @param customer The customer account.
 * @param orderAmount The amount of the order being checked (in the customer's currency unless OrderCurrency is set).
 * @param customers Customers range with a header row: Customer, CreditLimit, Currency, CreditGroup, ...
 * @param transactions Transactions range (the ledger): Customer, Amount, Currency, DueDate, ...
 * @param [orders] Open sales orders: Order, Customer, Amount, Currency, PackingSlipAmount, Status.
 * @param [rules] Blocking rules: RuleType, ValidFor, Account, RiskGroup, Kind, ValueType, Value, Threshold, ReleaseOrder.
 * @param [groups] Credit groups: CreditGroup, CreditLimit, Currency, CreditLimitExpiry.
 * @param [asOf] As-of date (default: today, the local date; the function is volatile so the default stays current).
 * @param [options] Name/Value rows: CheckGroupLimit, IgnoreBlankExpiry, AccountingCurrency, OrderCurrency, PaymentTerms, CashDiscount, PaymentTermsRanks, CashDiscountRanks, RoundAmounts.
 * @param [rates] Exchange rates: Currency, Date, Rate (accounting-currency units per unit).
 * @param [temporaryLimits] Temporary limits: Customer or CreditGroup, CreditLimit, From, To.
 * @returns Status, Reasons, Limit, Exposure, Available, Currency.
 */
export function creditcheck(
  customer: any,
  orderAmount: any,
  customers: any[][],
  transactions: any[][],
  orders?: any[][],
  rules?: any[][],
  groups?: any[][],
  asOf?: any,
  options?: any[][],
  rates?: any[][],
  temporaryLimits?: any[][],
): any[][] {
  const today = absent(asOf) ? serialFromLocalDate(new Date()) : undefined;
  return runFunction(() =>
    creditCheckFunction({ customer, orderAmount, customers, transactions, orders, rules, groups, asOf: today ?? asOf, options, rates, temporaryLimits }),
  );
}

export interface CreditCheckArgs {
  readonly customer: unknown;
  readonly orderAmount: unknown;
  readonly customers: unknown;
  readonly transactions: unknown;
  readonly orders?: unknown;
  readonly rules?: unknown;
  readonly groups?: unknown;
  readonly asOf: unknown;
  readonly options?: unknown;
  readonly rates?: unknown;
  readonly temporaryLimits?: unknown;
}

/** The plain adapter behind CC.CREDITCHECK (asOf is required here: only `creditcheck` reads the clock). */
export function creditCheckFunction(args: CreditCheckArgs): (string | number)[][] {
  const asOfSerial = dateArg(args.asOf, "asOf");
  const opts = unwrap(readOptions(absent(args.options) ? null : args.options, CREDIT_CHECK_OPTIONS));
  const read = { roundAmounts: opts["RoundAmounts"] === true };
  const customerKey = optionalText(args.customer, "customer");
  if (customerKey === undefined) throw new CcInputError([ccError("customer_must_not_be_blank", { case: "argument" }, { column: "customer" })]);
  const customers = unwrap(readCustomers(args.customers, read));
  const target = customers.find((c) => c.customer === customerKey);
  if (target === undefined) throw new CcInputError([ccError("customer_must_exist", { case: "range", customer: customerKey }, { column: "customer" })]);
  const given = (v: unknown): unknown => (absent(v) ? undefined : v);
  const { book, rules } = unwrap(
    readCreditInputs(
      {
        customers: args.customers,
        transactions: args.transactions,
        orders: given(args.orders),
        rules: given(args.rules),
        groups: given(args.groups),
        temporaryLimits: given(args.temporaryLimits),
        rates: given(args.rates),
      },
      {
        asOfSerial,
        ...(typeof opts["AccountingCurrency"] === "string" ? { accountingCurrency: opts["AccountingCurrency"] } : {}),
        focusCustomer: target.customer,
        roundAmounts: read.roundAmounts,
        ledgerColumns: true,
      },
    ),
  );
  const orderCurrency = (typeof opts["OrderCurrency"] === "string" ? opts["OrderCurrency"] : target.currency).toUpperCase();
  const exponent = currencyExponent(orderCurrency);
  if (exponent === undefined) throw new CcInputError([ccError("currency_must_be_known", { case: "plain", currency: orderCurrency }, { table: "options", column: "OrderCurrency" })]);
  const amountCell = cellArg(args.orderAmount, "orderAmount");
  // The order being checked is an amount of zero or more: a blank is not 0, a negative would lower exposure.
  if (isBlank(amountCell)) throw new CcInputError([ccError("order_amount_must_not_be_blank", {}, { column: "orderAmount" })]);
  const amount = parseMoney(amountCell, exponent, read.roundAmounts, orderCurrency);
  if (!amount.ok) throw new CcInputError([ccError("order_amount_must_be_an_amount", { reason: amount.reason }, { column: "orderAmount" })]);
  if (amount.minor < 0) throw new CcInputError([ccError("order_amount_must_not_be_negative", { value: String(amountCell) }, { column: "orderAmount" })]);
  const text = (k: string): string | undefined => (typeof opts[k] === "string" ? (opts[k] as string) : undefined);
  const termsRanks = text("PaymentTermsRanks");
  const discountRanks = text("CashDiscountRanks");
  const result = checkCredit(
    book,
    {
      customer: customerKey,
      amountMinor: amount.minor,
      currency: orderCurrency,
      ...(text("PaymentTerms") !== undefined ? { paymentTerms: text("PaymentTerms") as string } : {}),
      ...(text("CashDiscount") !== undefined ? { cashDiscount: text("CashDiscount") as string } : {}),
    },
    rules,
    {
      checkGroupLimit: opts["CheckGroupLimit"] !== false,
      ignoreBlankExpiry: opts["IgnoreBlankExpiry"] !== false,
      ...(termsRanks !== undefined ? { paymentTermsRanks: unwrap(parseRanks(termsRanks, "payment_terms")) } : {}),
      ...(discountRanks !== undefined ? { cashDiscountRanks: unwrap(parseRanks(discountRanks, "cash_discount")) } : {}),
    },
  );
  return creditCheckTable(unwrap(result));
}

/**
 * Days sales outstanding: open balance / credit sales of the last `months` months x the days in them.
 * @customfunction DSO
 * @volatile
 * @param customer The customer account.
 * @param transactions Transactions range: Customer, Type, Date, Amount; OriginalAmount optional.
 * @param months The window in months (e.g. 12).
 * @param [asOf] As-of date (default: today, the local date; the function is volatile so the default stays current).
 * @returns DSO in days, rounded to 2 decimals.
 */
export function dsoCustom(customer: any, transactions: any[][], months: any, asOf?: any): number {
  const today = absent(asOf) ? serialFromLocalDate(new Date()) : undefined;
  return runFunction(() => dsoFunction(customer, transactions, months, today ?? asOf));
}

export function dsoFunction(customer: unknown, transactions: unknown, months: unknown, asOf: unknown): number {
  const m = toNumber(cellArg(months, "months"));
  if (m === undefined || !Number.isInteger(m) || m < 1 || m > MAX_MONTHS) throw new CcInputError([ccError("months_must_be_a_whole_number", { value: String(scalar(months)), max: MAX_MONTHS }, { column: "months" })]);
  const stats = statisticsFor(customer, transactions, null, null, asOf, { DsoMonths1: m, DsoMonths2: m });
  const d = stats.stats.dso[0];
  if (d.dso === null) throw new CcInputError([ccError("credit_sales_must_be_positive", { months: m }, { column: "transactions" })]);
  return d.dso.toNumber();
}

/**
 * Credit statistics of a customer: two DSO windows, average balance, average credit limit used %, average exposure %, average payment days.
 * @customfunction CREDITSTATS
 * @volatile
 * @param customer The customer account.
 * @param transactions Transactions range: Customer, Type, Date, Amount; OriginalAmount and ClosedDate optional.
 * @param [customers] Customers range (for the limit and CustomerSince).
 * @param [orders] Open orders (for the exposure %).
 * @param [asOf] As-of date (default: today, the local date; the function is volatile so the default stays current).
 * @param [options] Name/Value rows: DsoMonths1 (12), DsoMonths2 (6), BalanceMonths (12), RoundAmounts.
 * @param [temporaryLimits] Temporary limits: Customer or CreditGroup, CreditLimit, From, To (one in force on the as-of date is the customer's limit).
 * @returns Statistic and Value rows.
 */
export function creditstats(customer: any, transactions: any[][], customers?: any[][], orders?: any[][], asOf?: any, options?: any[][], temporaryLimits?: any[][]): any[][] {
  const today = absent(asOf) ? serialFromLocalDate(new Date()) : undefined;
  return runFunction(() => creditStatsFunction(customer, transactions, customers ?? null, orders ?? null, today ?? asOf, options ?? null, temporaryLimits ?? null));
}

/** Longest statistics window, the domain's. */
const MAX_MONTHS = STATISTICS_MAX_MONTHS;

const STATS_OPTIONS = {
  DsoMonths1: { kind: "number", min: 1, max: MAX_MONTHS, integer: true },
  DsoMonths2: { kind: "number", min: 1, max: MAX_MONTHS, integer: true },
  BalanceMonths: { kind: "number", min: 1, max: MAX_MONTHS, integer: true },
  RoundAmounts: { kind: "bool" },
} as const;

export function creditStatsFunction(customer: unknown, transactions: unknown, customers: unknown, orders: unknown, asOf: unknown, options: unknown, temporaryLimits: unknown = null): (string | number)[][] {
  const opts = unwrap(readOptions(absent(options) ? null : options, STATS_OPTIONS));
  const { stats, currency } = statisticsFor(customer, transactions, customers, orders, asOf, opts, temporaryLimits);
  return creditStatisticsTable(stats, currency);
}

/** Parse the arguments, call the domain's customerStatistics (the policy), return its result. */
function statisticsFor(customer: unknown, transactions: unknown, customers: unknown, orders: unknown, asOf: unknown, opts: Record<string, unknown>, temporaryLimits: unknown = null) {
  const asOfSerial = dateArg(asOf, "asOf");
  const key = optionalText(customer, "customer");
  if (key === undefined) throw new CcInputError([ccError("customer_must_not_be_blank", { case: "argument" }, { column: "customer" })]);
  const read = { roundAmounts: opts["RoundAmounts"] === true };
  // Items only of the customer: customerStatistics reads no other customer's rows.
  const ledger = unwrap(readStatisticsLedger(transactions, read, key));
  let record: Customer | undefined;
  let all: readonly Customer[] = [];
  if (!absent(customers)) {
    all = unwrap(readCustomers(customers, read));
    record = all.find((c) => c.customer === key);
    if (record === undefined) throw new CcInputError([ccError("customer_must_exist", { case: "range", customer: key }, { column: "customer" })]);
  }
  const currencyOf = (owner: "Customer" | "Group", account: string): string | undefined => (owner === "Customer" ? all.find((c) => c.customer === account)?.currency : undefined);
  const num = (k: string, d: number): number => (typeof opts[k] === "number" ? (opts[k] as number) : d);
  return unwrap(
    customerStatistics({
      customer: key,
      asOfSerial,
      ledger,
      record,
      orders: absent(orders) ? [] : unwrap(readOrders(orders, read)),
      temporaryLimits: absent(temporaryLimits) ? [] : unwrap(readTemporaryLimits(temporaryLimits, { ...read, currencyOf })),
      dsoMonths: [num("DsoMonths1", STATISTICS_DEFAULTS.dsoMonths[0]), num("DsoMonths2", STATISTICS_DEFAULTS.dsoMonths[1])],
      balanceMonths: num("BalanceMonths", STATISTICS_DEFAULTS.balanceMonths),
    }),
  );
}

/**
 * Whether the credit check runs at a posting step, given the checkpoints and the last pass (grace days).
 * @customfunction CREDITCHECKPOINT
 * @param checkpoints Checkpoints range: Checkpoint, Posting, ProForma, GraceDays.
 * @param step The step being posted: Confirmation, PickingList, PackingSlip or Invoice.
 * @param day The posting date.
 * @param [lastStep] The step at which the order last passed or was released.
 * @param [lastDay] The date of that pass.
 * @param [mode] "Posting" (default) or "ProForma".
 * @returns TRUE when the credit check runs.
 */
export function creditcheckpoint(checkpoints: any[][], step: any, day: any, lastStep?: any, lastDay?: any, mode?: any): boolean {
  return runFunction(() => checkpointFunction(checkpoints, step, day, lastStep ?? null, lastDay ?? null, mode ?? null));
}

export function checkpointFunction(checkpoints: unknown, step: unknown, day: unknown, lastStep: unknown, lastDay: unknown, mode: unknown): boolean {
  const cps = unwrap(readCheckpoints(checkpoints));
  const stepArg = (v: unknown, name: "step" | "lastStep"): CheckpointStep => {
    const found = matchChoice(optionalText(v, name) ?? "", CHECKPOINT_STEPS, { PackingList: "PackingSlip", Packing: "PackingSlip", Picking: "PickingList", Confirm: "Confirmation" });
    if (found === undefined) throw new CcInputError([ccError(name === "step" ? "step_must_be_a_step" : "laststep_must_be_a_step", { value: String(scalar(v)), steps: CHECKPOINT_STEPS.join(", ") }, { column: name })]);
    return found;
  };
  const modeText = optionalText(mode, "mode") ?? "Posting";
  const m = matchChoice(modeText, ["Posting", "ProForma"] as const);
  if (m === undefined) throw new CcInputError([ccError("mode_must_be_posting_or_proforma", { value: modeText }, { column: "mode" })]);
  const hasLast = optionalText(lastStep, "lastStep") !== undefined;
  return unwrap(shouldCheck(cps, {
    step: stepArg(step, "step"),
    mode: m,
    daySerial: dateArg(day, "day"),
    ...(hasLast ? { lastPass: { step: stepArg(lastStep, "lastStep"), daySerial: dateArg(lastDay, "lastDay") } } : {}),
    rulesConfigured: true,
  }));
}
