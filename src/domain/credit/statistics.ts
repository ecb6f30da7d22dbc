/**
 * Credit statistics (docs/domain.md §5.6, worked example W8): two DSO windows, average month-end
 * balance, average credit limit used %, average exposure % and average payment days.
 */
import { Decimal } from "../_lib/decimal";
import { addMonths, endOfMonth } from "../dates";
import { ccError, fail, ok, type Result } from "../errors";
import { HALF_AWAY_FROM_ZERO, mulDivRound, mulDivRoundBig } from "../money";
import type { Transaction } from "../types";
import { customerLimit, temporaryLimitIndex } from "./limits";
import { type Customer, OPEN_ORDER_STATUSES, type Order, type TemporaryLimit } from "./types";

/** A ledger row for statistics: the open amount, and when known the original amount and the day it was settled. */
export interface StatItem extends Transaction {
  readonly originalMinor?: number;
  readonly closedSerial?: number;
}

export interface StatisticsInput {
  readonly asOfSerial: number;
  readonly customerSinceSerial?: number;
  /** The customer's rows, all in one currency. */
  readonly items: readonly StatItem[];
  /** The customer's effective limit; null = unlimited (then the % figures are blank). */
  readonly limitMinor: number | null;
  /** Open orders and packing slips not invoiced, for the exposure %. */
  readonly openOrdersMinor: number;
  readonly dsoMonths: readonly [number, number];
  readonly balanceMonths: number;
}

export interface DsoWindow {
  readonly months: number;
  readonly days: number;
  readonly creditSalesMinor: number;
  /** Rounded to 2 decimals; null when there were no credit sales. */
  readonly dso: Decimal | null;
}

export interface CreditStatistics {
  readonly openBalanceMinor: number;
  readonly dso: readonly [DsoWindow, DsoWindow];
  readonly averageBalanceMinor: number;
  readonly averageCreditLimitUsedPct: Decimal | null;
  readonly averageExposurePct: Decimal | null;
  readonly averagePaymentDays: Decimal | null;
  readonly settledInvoices: number;
}

/**
 * DSO = open balance / credit sales x days, rounded half away from zero to 2 decimals.
 * @example dso(5000000, 15000000, 365)?.toFixed(2) // "121.67" (W8)
 * @example dso(5000000, 15000000, 183)?.toFixed(2) // "61.00"
 */
export function dso(openBalanceMinor: number, creditSalesMinor: number, days: number): Decimal | null {
  if (creditSalesMinor <= 0) return null;
  return hundredths(openBalanceMinor, days * 100, creditSalesMinor);
}

/** `a x b / c` rounded half away from zero to 2 decimals, exactly (BigInt: a tiny divisor may give a huge ratio). */
function hundredths(a: number, b: number, c: number): Decimal {
  return new Decimal(mulDivRoundBig(BigInt(a), BigInt(b), BigInt(c), HALF_AWAY_FROM_ZERO).toString()).div(100);
}

/**
 * Compute the statistics of one customer. Credit sales are invoices net of credit notes dated in
 * the window (OriginalAmount when given, else the amount); balances at month ends add up the rows
 * dated on or before each month end and not closed by then; payment days average settled invoices' ClosedDate - Date.
 * In the example, as of 2015-09-30 an invoice of 100,000.00 of January was paid in 30 days and one of
 * 50,000.00 of September is open: credit sales 150,000.00 in 12 months, 50,000.00 in 6; month-end
 * balances 100,000.00 (January) and 50,000.00 (September), 12,500.00 on average.
 * @example
 * const paid = { customer: "C1", voucher: "I1", type: "Invoice", dateSerial: serialFromYmd(2015, 1, 15), amountMinor: 0, originalMinor: 10000000,
 *   closedSerial: serialFromYmd(2015, 2, 14), currency: "USD", status: "None", row: 2 };
 * const open = { ...paid, voucher: "I2", dateSerial: serialFromYmd(2015, 9, 15), amountMinor: 5000000, originalMinor: undefined, closedSerial: undefined, row: 3 };
 * const s = creditStatistics({ asOfSerial: serialFromYmd(2015, 9, 30), items: [paid, open], limitMinor: 10000000, openOrdersMinor: 0, dsoMonths: [12, 6], balanceMonths: 12 }).value;
 * s.dso.map((w) => [w.days, w.dso.toFixed(2)]) // [[365, "121.67"], [183, "183.00"]]
 * [s.averageBalanceMinor, s.averageCreditLimitUsedPct.toFixed(2), s.averagePaymentDays.toFixed(2)] // [1250000, "12.50", "30.00"]
 */
export function creditStatistics(input: StatisticsInput): Result<CreditStatistics> {
  const currencies = new Set(input.items.map((i) => i.currency));
  if (currencies.size > 1) {
    return fail(ccError("statistics_need_one_currency", { case: "rows", currencies: [...currencies].join(", ") }, { table: "transactions", column: "Currency" }));
  }
  const { asOfSerial } = input;
  const posted = input.items.filter((i) => i.dateSerial === undefined || i.dateSerial <= asOfSerial);
  const openBalanceMinor = posted.reduce((a, i) => a + i.amountMinor, 0);
  const window = (months: number): DsoWindow => {
    const start = windowStart(asOfSerial, months);
    const since = input.customerSinceSerial;
    const days = since !== undefined && since > start ? Math.max(0, asOfSerial - since + 1) : asOfSerial - start;
    let sales = 0;
    for (const i of posted) {
      if ((i.type !== "Invoice" && i.type !== "CreditNote") || i.dateSerial === undefined || i.dateSerial <= start) continue;
      sales += i.originalMinor ?? i.amountMinor;
    }
    return { months, days, creditSalesMinor: sales, dso: dso(openBalanceMinor, sales, days) };
  };
  const monthEnds = lastMonthEnds(asOfSerial, input.balanceMonths);
  // A row is in a month-end balance when it was posted by then and not yet closed: a ledger of open
  // items with ClosedDate (no payment rows) and a ledger with payment rows both come out right.
  const balances = monthEnds.map((m) =>
    posted.reduce(
      (a, i) => ((i.dateSerial === undefined || i.dateSerial <= m) && (i.closedSerial === undefined || i.closedSerial > m) ? a + (i.originalMinor ?? i.amountMinor) : a),
      0,
    ),
  );
  const averageBalanceMinor = balances.length === 0 ? 0 : mulDivRound(balances.reduce((a, b) => a + b, 0), 1, balances.length, HALF_AWAY_FROM_ZERO);
  const pct = (minor: number): Decimal | null =>
    input.limitMinor === null || input.limitMinor === 0 ? null : hundredths(minor, 10000, input.limitMinor);
  const dso1 = window(input.dsoMonths[0]);
  const paymentStart = windowStart(asOfSerial, input.dsoMonths[0]);
  const settled = posted.filter((i) => i.type === "Invoice" && i.closedSerial !== undefined && i.dateSerial !== undefined && i.closedSerial > paymentStart && i.closedSerial <= asOfSerial);
  const paymentDays = settled.reduce((a, i) => a + Math.max(0, (i.closedSerial ?? 0) - (i.dateSerial ?? 0)), 0);
  return ok({
    openBalanceMinor,
    dso: [dso1, window(input.dsoMonths[1])],
    averageBalanceMinor,
    averageCreditLimitUsedPct: pct(averageBalanceMinor),
    averageExposurePct: pct(averageBalanceMinor + input.openOrdersMinor),
    averagePaymentDays: settled.length === 0 ? null : hundredths(paymentDays, 100, settled.length),
    settledInvoices: settled.length,
  });
}

/**
 * The day before a window of `months` months ending on `asOfSerial` (the window is (start, asOf]).
 * From a month end the window is whole months: 6 months to 2015-09-30 start after 2015-03-31.
 * @example windowStart(serialFromYmd(2015, 9, 30), 6) // serialFromYmd(2015, 3, 31)
 */
export function windowStart(asOfSerial: number, months: number): number {
  const start = addMonths(asOfSerial, -months);
  return endOfMonth(asOfSerial) === asOfSerial ? endOfMonth(start) : start;
}

/**
 * The last `count` month ends on or before `asOfSerial` (the as-of date itself when it is one), newest first.
 * @example lastMonthEnds(serialFromYmd(2015, 10, 25), 2).map(isoFromSerial) // ["2015-09-30", "2015-08-31"]
 */
export function lastMonthEnds(asOfSerial: number, count: number): number[] {
  const first = endOfMonth(asOfSerial) === asOfSerial ? asOfSerial : endOfMonth(addMonths(asOfSerial, -1));
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(endOfMonth(addMonths(first, -k)));
  return out;
}

/** The windows of CC.CREDITSTATS, cc risk and the task pane when none are given: DSO over 12 and 6 months, balances over 12. */
export const STATISTICS_DEFAULTS = { dsoMonths: [12, 6] as const, balanceMonths: 12 } as const;

/** The longest statistics window a user may ask for: 100 years of months (a window of a million months is a typo). */
export const STATISTICS_MAX_MONTHS = 1200;

/** What `customerStatistics` needs: the customer's key, the ledger (any customers), and when known the customer and the orders. */
export interface CustomerStatisticsInput {
  readonly customer: string;
  readonly asOfSerial: number;
  readonly ledger: readonly StatItem[];
  /** The customer's record (limit, currency, CustomerSince); undefined when no customers range was given. */
  readonly record?: Customer | undefined;
  /** Orders of any customers: the customer's open ones add to exposure. */
  readonly orders?: readonly Order[];
  /** Temporary limits of any customers or groups: one of the customer's in force on the as-of date is its limit. */
  readonly temporaryLimits?: readonly TemporaryLimit[];
  readonly dsoMonths?: readonly [number, number];
  readonly balanceMonths?: number;
}

/**
 * The statistics of one customer from a whole ledger (the one policy behind CC.CREDITSTATS, CC.DSO,
 * cc risk and the Credit limits screen's scoring):
 * the customer's rows; the currency of its record, else of its first row; its open orders (which
 * must be in that currency) as exposure; the limit in force on the as-of date (a customer bound by
 * its group's limit, or a mandatory zero limit, counts as 0; an unlimited one as none; a temporary
 * limit in force on that date replaces the normal one, as in the credit check); the default
 * windows of STATISTICS_DEFAULTS.
 * @example customerStatistics({ customer: "C1", asOfSerial: 42400, ledger: [{ customer: "C1", voucher: "I1", type: "Invoice", dateSerial: 42300, amountMinor: 10000, currency: "USD", status: "None", row: 2 }] }).value.currency // "USD"
 */
export function customerStatistics(input: CustomerStatisticsInput): Result<{ stats: CreditStatistics; currency: string }> {
  const { customer, asOfSerial, record } = input;
  const items = input.ledger.filter((t) => t.customer === customer);
  const currency = record?.currency ?? items[0]?.currency ?? "";
  let openOrdersMinor = 0;
  for (const o of input.orders ?? []) {
    if (o.customer !== customer || !OPEN_ORDER_STATUSES.has(o.status)) continue;
    if (o.currency !== currency) return fail(ccError("statistics_need_one_currency", { case: "order", order: o.order, currency: o.currency, customerCurrency: currency }, { table: "orders", row: o.row, column: "Currency" }));
    openOrdersMinor += o.amountMinor + o.packingSlipMinor;
  }
  const limit = record === undefined ? undefined : customerLimit(record, temporaryLimitIndex(input.temporaryLimits ?? []), asOfSerial);
  const limitMinor = limit === undefined ? null : limit.kind === "Limit" ? limit.limitMinor : limit.kind === "UseGroup" || limit.kind === "MandatoryZero" ? 0 : null;
  const stats = creditStatistics({
    asOfSerial,
    ...(record?.customerSinceSerial !== undefined ? { customerSinceSerial: record.customerSinceSerial } : {}),
    items,
    limitMinor,
    openOrdersMinor,
    dsoMonths: input.dsoMonths ?? STATISTICS_DEFAULTS.dsoMonths,
    balanceMonths: input.balanceMonths ?? STATISTICS_DEFAULTS.balanceMonths,
  });
  return stats.ok ? ok({ stats: stats.value, currency }) : stats;
}
