/**
 * Cash-discount tiers (docs/domain.md §4.3): an item's own discount date and percent, or a chain of
 * discount codes. Only the first tier whose date is met is granted, and only one.
 */
import { ccError, type CcError } from "../../errors";
import { HALF_AWAY_FROM_ZERO, mulDivRound, ratio } from "../../money";
import type { DiscountCode, SettlementItem, UseCashDiscount } from "../types";

export interface DiscountTier {
  readonly untilSerial: number;
  readonly pct: number;
}

const NONE: readonly DiscountTier[] = [];

/**
 * Index a code table by code (trimmed, upper case); duplicate codes and bad percents are errors.
 * @example [...indexCodes([{ code: "2p5", days: 5, pct: 2, next: "1P14" }, { code: "1P14", days: 14, pct: 1 }], []).keys()] // ["2P5", "1P14"]
 * @example
 * const errors = [];
 * indexCodes([{ code: "X", days: 5, pct: 100, row: 3 }], errors);
 * errors.map((e) => [e.code, e.row]) // [["discount_pct_must_be_below_100", 3]]
 */
export function indexCodes(codes: readonly DiscountCode[], errors: CcError[]): Map<string, DiscountCode> {
  const out = new Map<string, DiscountCode>();
  for (const c of codes) {
    const key = c.code.trim().toUpperCase();
    const where = { table: "discountCodes", ...(c.row !== undefined ? { row: c.row } : {}) };
    if (out.has(key)) errors.push(ccError("discount_code_must_appear_once", { code: c.code }, { ...where, column: "Code" }));
    if (!(c.pct >= 0 && c.pct < 100)) errors.push(ccError("discount_pct_must_be_below_100", { value: c.pct }, { ...where, column: "Pct" }));
    if ((c.days === undefined) === (c.dateSerial === undefined)) {
      errors.push(ccError("discount_code_must_have_days_or_date", { case: "code", code: c.code }, { ...where, column: "Days" }));
    }
    out.set(key, c);
  }
  return out;
}

/**
 * The tiers an item offers, best (first) first. The item's own date and percent win over a code.
 * @example discountTiers({ customer: "2050", voucher: "Invoice 1", type: "Invoice", amountMinor: 10000, currency: "USD", status: "None", row: 2, cashDiscountSerial: 42276, cashDiscountPct: 2 }, new Map(), []) // [{ untilSerial: 42276, pct: 2 }]
 */
export function discountTiers(item: SettlementItem, codes: ReadonlyMap<string, DiscountCode>, errors: CcError[], table = "openItems"): readonly DiscountTier[] {
  const where = { table, row: item.row };
  const pct = item.cashDiscountPct;
  if (pct !== undefined && pct !== 0) {
    if (!(pct > 0 && pct < 100)) {
      errors.push(ccError("cash_discount_pct_must_be_below_100", { value: pct }, { ...where, column: "CashDiscountPct" }));
      return NONE;
    }
    if (item.cashDiscountSerial === undefined) {
      if (item.discountCode === undefined) {
        errors.push(ccError("cash_discount_date_must_not_be_blank", {}, { ...where, column: "CashDiscountDate" }));
        return NONE;
      }
    } else return [{ untilSerial: item.cashDiscountSerial, pct }];
  }
  if (item.discountCode === undefined || item.discountCode.trim() === "") return NONE;
  const base = item.documentSerial ?? item.dateSerial;
  const tiers: DiscountTier[] = [];
  const seen = new Set<string>();
  let code: string | undefined = item.discountCode;
  while (code !== undefined && code.trim() !== "") {
    const key = code.trim().toUpperCase();
    if (seen.has(key)) {
      errors.push(ccError("discount_codes_must_not_loop", { from: item.discountCode, code }, { ...where, column: "CashDiscountCode" }));
      return NONE;
    }
    seen.add(key);
    const c = codes.get(key);
    if (c === undefined) {
      errors.push(ccError("discount_code_must_be_known", { code }, { ...where, column: "CashDiscountCode" }));
      return NONE;
    }
    let until = c.dateSerial;
    if (c.days !== undefined) {
      if (base === undefined) {
        errors.push(ccError("date_must_not_be_blank", { case: "discount", code: c.code }, { ...where, column: "Date" }));
        return NONE;
      }
      until = base + c.days;
    }
    if (until !== undefined && c.pct > 0) tiers.push({ untilSerial: until, pct: c.pct });
    code = c.next;
  }
  return tiers;
}

/**
 * The percent granted at `settleSerial`: the first tier whose date is met (Normal), the first tier (Always), or 0.
 * @example grantedPct([{ untilSerial: 42276, pct: 2 }], 42277, "Normal") // 0
 * @example grantedPct([{ untilSerial: 42276, pct: 2 }], 42276, "Normal") // 2
 */
export function grantedPct(tiers: readonly DiscountTier[], settleSerial: number, use: UseCashDiscount): number {
  if (use === "Never" || tiers.length === 0) return 0;
  if (use === "Always") return tiers[0]?.pct ?? 0;
  for (const t of tiers) if (settleSerial <= t.untilSerial) return t.pct;
  return 0;
}

/**
 * The full discount still available on an item at `pct`: of its original amount when known, less
 * what earlier partial settlements took; never more than the open amount, never negative.
 * @example fullDiscount({ customer: "2050", voucher: "I1", type: "Invoice", amountMinor: 10000, currency: "USD", status: "None", row: 2 }, 10000, 2) // 200
 */
export function fullDiscount(item: SettlementItem, openMinor: number, pct: number): number {
  if (pct === 0 || openMinor <= 0) return 0;
  const base = item.originalAmountMinor ?? openMinor;
  const r = ratio(pct);
  const full = mulDivRound(base, r.num, r.den * 100n, HALF_AWAY_FROM_ZERO) - (item.originalAmountMinor !== undefined ? (item.discountTakenMinor ?? 0) : 0);
  return Math.max(0, Math.min(full, openMinor));
}

/**
 * The discount a partial payment P earns: P / (1 - pct) x pct, rounded half away from zero.
 * @example partialDiscount(9800, 2) // 200
 */
export function partialDiscount(paidMinor: number, pct: number): number {
  if (pct === 0 || paidMinor <= 0) return 0;
  // P x pct / (100 - pct) = P x num / (100 x den - num) for pct = num / den.
  const r = ratio(pct);
  return mulDivRound(paidMinor, r.num, r.den * 100n - r.num, HALF_AWAY_FROM_ZERO);
}

/**
 * The discount on an amount to settle that already includes it: amount x pct.
 * @example discountIncluded(10000, 2) // 200
 */
export function discountIncluded(amountMinor: number, pct: number): number {
  if (pct === 0 || amountMinor <= 0) return 0;
  const r = ratio(pct);
  return mulDivRound(amountMinor, r.num, r.den * 100n, HALF_AWAY_FROM_ZERO);
}
