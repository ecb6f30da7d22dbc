/**
 * Settling one debit item from what remains of the credit item, and closing out the credit item
 * (docs/domain.md §4.1-§4.4). Shared by proposals and the ledger-wide batch so both follow one rule set.
 */
import { ccError, fail, ok, type Result } from "../../errors";
import type { RateTable } from "../../rates";
import type { DifferenceRole, Mark, ProposalLine, SettlementItem, SettlementOptions } from "../types";
import { discountIncluded, type DiscountTier, fullDiscount, grantedPct, partialDiscount } from "./discount";

export type LineDraft = { -readonly [K in keyof ProposalLine]: ProposalLine[K] };

export interface SettleContext {
  readonly dateSerial: number;
  readonly options: SettlementOptions;
  readonly creditCurrency: string;
  readonly rates: RateTable | undefined;
  /** Tolerances in minor units of a currency, cached per currency. */
  readonly tolerances: Map<string, { penny: number; overUnder: number }>;
}

/**
 * The penny-difference and over/under tolerances in minor units of `currency`: the options give
 * them in the credit item's currency; another currency converts them at the settlement date.
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * tolerance(ctx, "USD") // { ok: true, value: { penny: 5, overUnder: 50 } }
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * tolerance(ctx, "EUR").errors[0].code // "exchange_rate_must_exist" (no rate table to convert 0.05 USD to EUR)
 */
export function tolerance(ctx: SettleContext, currency: string): Result<{ penny: number; overUnder: number }> {
  const same = currency.toUpperCase() === ctx.creditCurrency.toUpperCase();
  const key = `${ctx.creditCurrency}\u0000${currency}`;
  const hit = same ? ctx.tolerances.get(key) : undefined;
  if (hit !== undefined) return ok(hit);
  const penny = convertAt(ctx, ctx.options.maxPennyDifferenceMinor, ctx.creditCurrency, currency);
  if (!penny.ok) return penny;
  const overUnder = convertAt(ctx, ctx.options.maxOverUnderMinor, ctx.creditCurrency, currency);
  if (!overUnder.ok) return overUnder;
  const t = { penny: penny.value, overUnder: overUnder.value };
  if (same) ctx.tolerances.set(key, t);
  return ok(t);
}

/**
 * Convert at the settlement date; the same currency is the identity and needs no rate.
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * convertAt(ctx, 12345, "usd", "USD") // { ok: true, value: 12345 }
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * convertAt(ctx, 12345, "EUR", "USD").errors[0].code // "exchange_rate_must_exist"
 */
export function convertAt(ctx: SettleContext, minor: number, from: string, to: string): Result<number> {
  if (from.toUpperCase() === to.toUpperCase() || minor === 0) return ok(minor);
  if (ctx.rates === undefined) {
    return fail(ccError("exchange_rate_must_exist", { case: "settle", from, to }, { table: "rates" }));
  }
  return ctx.rates.convert(minor, from, to, ctx.dateSerial);
}

/**
 * A line that leaves the item untouched.
 * @example
 * const item = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42290, amountMinor: 10500, currency: "USD", status: "None", row: 2 };
 * const line = untouched(item, 10500);
 * [line.amountToSettleMinor, line.creditUsedMinor, line.balanceMinor] // [0, 0, 10500]
 */
export function untouched(item: SettlementItem, openMinor: number): LineDraft {
  return {
    item, openMinor, discountPct: 0, discountAvailableMinor: 0, discountMinor: 0, differenceMinor: 0,
    amountToSettleMinor: 0, paidMinor: 0, creditUsedMinor: 0, balanceMinor: openMinor,
  };
}

/**
 * Settle one debit item from `remainingCredit` (credit currency, > 0). Without an amount the
 * maximum is settled: the whole item (less its discount) when the credit covers it, within a
 * tolerance, else a partial amount (with a partial discount when that option is on).
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * const item = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42290, amountMinor: 10500, currency: "USD", status: "None", row: 2 };
 * const line = settleOne(item, 10500, [{ untilSerial: 42310, pct: 10 }], 9500, ctx).value;
 * [line.amountToSettleMinor, line.discountMinor, line.paidMinor, line.creditUsedMinor] // [10500, 1050, 9450, 9450] (10 % discount; 0.50 of the credit is left)
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * const item = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42290, amountMinor: 10500, currency: "USD", status: "None", row: 2 };
 * const line = settleOne(item, 10500, [], 10497, ctx).value;
 * [line.amountToSettleMinor, line.differenceMinor, line.differenceRole, line.balanceMinor] // [10500, 3, "PennyDifference", 0] (0.03 short, within the 0.05 penny tolerance)
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * const item = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42290, amountMinor: 10500, currency: "USD", status: "None", row: 2 };
 * const line = settleOne(item, 10500, [], 4000, ctx).value;
 * [line.amountToSettleMinor, line.discountMinor, line.balanceMinor] // [4000, 0, 6500] (partial: no discount without PartialDiscount)
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * const item = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42290, amountMinor: 10500, currency: "USD", status: "None", row: 2 };
 * settleOne(item, 10500, [], 20000, ctx, { voucher: "INV1", amountToSettleMinor: 20000 }).errors[0].code // "amount_to_settle_must_not_exceed_open"
 */
export function settleOne(
  item: SettlementItem,
  openMinor: number,
  tiers: readonly DiscountTier[],
  remainingCredit: number,
  ctx: SettleContext,
  mark?: Mark,
): Result<LineDraft> {
  const o = ctx.options;
  const pct = grantedPct(tiers, ctx.dateSerial, mark?.useCashDiscount ?? o.useCashDiscount);
  const full = fullDiscount(item, openMinor, pct);
  const line = untouched(item, openMinor);
  line.discountPct = pct;
  line.discountAvailableMinor = full;
  if (mark?.amountToSettleMinor !== undefined) {
    const where = { table: "openItems", row: item.row, column: "AmountToSettle" };
    const a = mark.amountToSettleMinor;
    if (!(a > 0)) return fail(ccError("amount_to_settle_must_be_positive", { voucher: item.voucher, amount: a }, where));
    if (a > openMinor) {
      return fail(ccError("amount_to_settle_must_not_exceed_open", { case: "marked", voucher: item.voucher, amount: a, open: openMinor }, where));
    }
    const d = a === openMinor ? full : o.partialDiscount ? Math.min(full, discountIncluded(a, pct)) : 0;
    const credit = convertAt(ctx, a - d, item.currency, ctx.creditCurrency);
    if (!credit.ok) return credit;
    if (credit.value > remainingCredit) {
      return fail(ccError("marks_must_not_exceed_credit", { voucher: item.voucher, left: remainingCredit, currency: ctx.creditCurrency }, where));
    }
    return ok(fill(line, a, d, 0, undefined, credit.value));
  }
  // The same code needs no conversion (convertAt's identity), and no Result for it.
  const same = item.currency === ctx.creditCurrency;
  let r = remainingCredit;
  if (!same) {
    const avail = convertAt(ctx, remainingCredit, ctx.creditCurrency, item.currency);
    if (!avail.ok) return avail;
    r = avail.value;
  }
  const need = openMinor - full;
  if (r >= need) {
    let used = remainingCredit;
    if (r !== need) {
      let c = need;
      if (!same) {
        const converted = convertAt(ctx, need, item.currency, ctx.creditCurrency);
        if (!converted.ok) return converted;
        c = converted.value;
      }
      used = Math.min(remainingCredit, c);
    }
    return ok(fill(line, openMinor, full, 0, undefined, used));
  }
  const short = need - r;
  const tolerated = tolerance(ctx, item.currency);
  if (!tolerated.ok) return tolerated;
  const tol = tolerated.value;
  const role: DifferenceRole | undefined = short <= tol.penny ? "PennyDifference" : short <= tol.overUnder ? "CashDiscount" : undefined;
  if (role !== undefined) return ok(fill(line, openMinor, full, short, role, remainingCredit));
  const d = o.partialDiscount ? Math.min(full, partialDiscount(r, pct), openMinor - r) : 0;
  return ok(fill(line, r + d, d, 0, undefined, remainingCredit));
}

function fill(line: LineDraft, a: number, d: number, t: number, role: DifferenceRole | undefined, creditUsed: number): LineDraft {
  line.amountToSettleMinor = a;
  line.discountMinor = d;
  line.differenceMinor = t;
  if (role !== undefined) line.differenceRole = role;
  line.paidMinor = a - d - t;
  line.creditUsedMinor = creditUsed;
  line.balanceMinor = line.openMinor - a;
  return line;
}

export interface CreditClose {
  readonly remaining: number;
  readonly differenceMinor: number;
  readonly role?: DifferenceRole;
}

/**
 * What to do with credit left over once every item in scope is closed: Unspecific administration
 * first gives back discount (latest line first), then the tolerances may close the rest.
 * W4: 105.00 with 10 % paid by 95.00 leaves 0.50 over once the invoice is closed.
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * const item = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42290, amountMinor: 10500, currency: "USD", status: "None", row: 2 };
 * const line = settleOne(item, 10500, [{ untilSerial: 42310, pct: 10 }], 9500, ctx).value;
 * closeCredit([line], 50, true, ctx) // { ok: true, value: { remaining: 0, differenceMinor: 50, role: "CashDiscount" } } (Specific: within MaxOverUnder 0.50)
 * @example
 * const ctx = { dateSerial: 42302, creditCurrency: "USD", rates: undefined, tolerances: new Map(), options: { partialDiscount: false, useCashDiscount: "Normal", maxPennyDifferenceMinor: 5, maxOverUnderMinor: 50, discountAdministration: "Specific" } };
 * const item = { customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: 42290, amountMinor: 10500, currency: "USD", status: "None", row: 2 };
 * const line = settleOne(item, 10500, [{ untilSerial: 42310, pct: 10 }], 9500, ctx).value;
 * const unspecific = { ...ctx, options: { ...ctx.options, discountAdministration: "Unspecific" } };
 * [closeCredit([line], 50, true, unspecific).value.remaining, line.discountMinor] // [0, 1000] (Unspecific: the discount gives back 0.50)
 */
export function closeCredit(lines: LineDraft[], remaining: number, allClosed: boolean, ctx: SettleContext): Result<CreditClose> {
  if (remaining <= 0 || !allClosed || !lines.some((l) => l.amountToSettleMinor > 0)) return ok({ remaining, differenceMinor: 0 });
  let left = remaining;
  if (ctx.options.discountAdministration === "Unspecific") {
    for (let i = lines.length - 1; i >= 0 && left > 0; i--) {
      const l = lines[i];
      if (l === undefined || l.discountMinor <= 0) continue;
      const inItem = convertAt(ctx, left, ctx.creditCurrency, l.item.currency);
      if (!inItem.ok) return inItem;
      const cut = Math.min(l.discountMinor, inItem.value);
      if (cut <= 0) continue;
      let cutCredit = left;
      if (cut < inItem.value) {
        const c = convertAt(ctx, cut, l.item.currency, ctx.creditCurrency);
        if (!c.ok) return c;
        cutCredit = Math.min(left, c.value);
      }
      l.discountMinor -= cut;
      l.paidMinor += cut;
      l.creditUsedMinor += cutCredit;
      left -= cutCredit;
    }
  }
  const tolerated = tolerance(ctx, ctx.creditCurrency);
  if (!tolerated.ok) return tolerated;
  const tol = tolerated.value;
  if (left > 0 && left <= tol.penny) return ok({ remaining: 0, differenceMinor: left, role: "PennyDifference" });
  if (left > 0 && left <= tol.overUnder) return ok({ remaining: 0, differenceMinor: left, role: "CashDiscount" });
  return ok({ remaining: left, differenceMinor: 0 });
}
