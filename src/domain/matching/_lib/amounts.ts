/**
 * Does a line's amount pay a set of open items? Expected amounts with the cash discount the line's
 * date still allows, the settlement tolerances of the line's currency, and the bounded search for
 * the combinations of items a combined payment pays.
 */
import type { CcError } from "../../errors";
import { discountTiers, fullDiscount, grantedPct } from "../../settlement/_lib/discount";
import type { SettlementOptions } from "../../settlement/types";
import type { StatementLine } from "../types";
import type { Ctx } from "./context";
import type { LedgerIndex } from "./ledger-index";
import { findSubsets } from "./subset";

/**
 * Items (deduplicated) oldest due first, as the settlement engine marks them.
 * @example sortByDue(matchIndex, [1, 2, 0, 1]).map((i) => matchIndex.items[i].voucher) // ["INV-1", "INV-3", "INV-2"]
 */
export function sortByDue(ix: LedgerIndex, list: number[]): number[] {
  const due = (i: number): number => ix.items[i]?.dueSerial ?? ix.items[i]?.dateSerial ?? 0;
  return [...new Set(list)].sort((a, b) => due(a) - due(b) || a - b);
}

/**
 * What paying an item in full costs at the line's date: open less the cash discount still granted.
 * INV-3 (800.00) grants 2 % until 2025-01-15: 784.00 on 2025-01-10, 800.00 after.
 * @example expected(ocrLine, matchCtx, 2) // 78400
 * @example expected({ ...ocrLine, dateSerial: serialFromYmd(2025, 1, 20) }, matchCtx, 2) // 80000
 * @example expected(ocrLine, matchCtx, 2, false) // 80000 (without discount)
 */
export function expected(line: StatementLine, ctx: Ctx, i: number, withDiscount = true): number {
  const it = ctx.ix.items[i];
  const open = ctx.ix.open[i] ?? 0;
  if (it === undefined || !withDiscount) return open;
  const errors: CcError[] = [];
  const tiers = discountTiers(it, ctx.codes, errors);
  const pct = grantedPct(tiers, line.dateSerial, ctx.settlement.useCashDiscount);
  return open - fullDiscount(it, open, pct);
}

/**
 * What paying all of `list` in full costs at the line's date.
 * @example expectedSum(ocrLine, matchCtx, [1, 2]) // 118400 (400.00 + 784.00)
 * @example expectedSum(ocrLine, matchCtx, [1, 2], false) // 120000
 */
export function expectedSum(line: StatementLine, ctx: Ctx, list: readonly number[], withDiscount = true): number {
  return list.reduce((s, i) => s + expected(line, ctx, i, withDiscount), 0);
}

/**
 * The settlement options for a line: the tolerances of its currency over the common ones.
 * @example
 * const ctx = { ...matchCtx, options: { ...matchCtx.options, tolerancesByCurrency: new Map([["SEK", { maxOverUnderMinor: 500 }]]) } };
 * settlementFor(ocrLine, ctx).maxOverUnderMinor // 500
 * settlementFor({ ...ocrLine, currency: "EUR" }, ctx).maxOverUnderMinor // 0
 */
export function settlementFor(line: StatementLine, ctx: Ctx): SettlementOptions {
  const own = ctx.options.tolerancesByCurrency?.get(line.currency.toUpperCase());
  return own === undefined ? ctx.settlement : { ...ctx.settlement, ...own };
}

/**
 * The largest short payment and overpayment the tolerances close, in minor units of the line's currency.
 * @example window(ocrLine, { ...matchCtx, settlement: { ...matchCtx.settlement, maxPennyDifferenceMinor: 100, maxOverUnderMinor: 50 } }) // { under: 100, over: 100 }
 */
export function window(line: StatementLine, ctx: Ctx): { under: number; over: number } {
  const s = settlementFor(line, ctx);
  const m = Math.max(s.maxPennyDifferenceMinor, s.maxOverUnderMinor);
  return { under: m, over: m };
}

export type Fit = "agrees" | "agrees in full" | "short" | "over";

export const agrees = (f: Fit): boolean => f === "agrees" || f === "agrees in full";

/**
 * Does the line pay `list`? With the discounts the line's date allows ("agrees"), or, when the
 * payer ignored an available discount and paid the full open amount, without them ("agrees in
 * full": settled without discount rather than leaving the discount on account).
 * INV-3 is 800.00 with 2 % discount until 2025-01-15; the line is dated 2025-01-10.
 * @example amountFit({ ...ocrLine, amountMinor: 78400 }, matchCtx, [2]) // "agrees"
 * @example amountFit({ ...ocrLine, amountMinor: 80000 }, matchCtx, [2]) // "agrees in full"
 * @example amountFit({ ...ocrLine, amountMinor: 70000 }, matchCtx, [2]) // "short"
 * @example amountFit({ ...ocrLine, amountMinor: 90000 }, matchCtx, [2]) // "over"
 */
export function amountFit(line: StatementLine, ctx: Ctx, list: readonly number[]): Fit {
  const w = window(line, ctx);
  const diff = line.amountMinor - expectedSum(line, ctx, list);
  if (diff >= -w.under && diff <= w.over) return "agrees";
  if (diff > w.over) {
    const full = line.amountMinor - expectedSum(line, ctx, list, false);
    if (full >= -w.under && full <= w.over) return "agrees in full";
    return "over";
  }
  return "short";
}

/**
 * Combinations (2..maxSize items) of `cand` that the amount pays; at most 2 (enough to know one is unique).
 * @example subsetsOf({ ...ocrLine, amountMinor: 165000 }, matchCtx, [0, 1, 2], 3) // [[0, 1]] (1,250.00 + 400.00)
 * @example subsetsOf({ ...ocrLine, amountMinor: 100000 }, matchCtx, [0, 1, 2], 3) // []
 */
export function subsetsOf(line: StatementLine, ctx: Ctx, cand: readonly number[], maxSize: number): number[][] {
  if (cand.length < 2 || maxSize < 2) return [];
  const w = window(line, ctx);
  const amounts = cand.map((i) => expected(line, ctx, i));
  const r = findSubsets({ amounts, low: line.amountMinor - w.over, high: line.amountMinor + w.under, maxSize, maxSolutions: 2, budget: 20000 });
  // An exhausted search cannot vouch that a solution is the only one: report it twice (several).
  const sols = r.solutions.map((s) => s.map((k) => cand[k] as number));
  return r.exhausted && sols.length === 1 ? [sols[0] as number[], sols[0] as number[]] : sols;
}

