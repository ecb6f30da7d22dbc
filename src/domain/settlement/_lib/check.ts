/**
 * The invariants of a proposal, checked when it is built and again before it is posted
 * (TigerBeetle's habit: check twice). A broken invariant is a programmer error and throws.
 */
import { assert } from "../../_lib/assert";
import type { Proposal } from "../types";

/**
 * Proposals whose vouchers were already found unique, with the lines array and length then seen:
 * the second check (before posting) of the same, unchanged proposal skips the Set of every voucher
 * (a third of a large settlement's checking); the sums are checked again in full.
 */
const vouchersChecked = new WeakMap<Proposal, { readonly lines: Proposal["lines"]; readonly length: number }>();

/**
 * Check a proposal's invariants: each line's parts add up to its amount to settle and its balance,
 * and the credit item's open amount equals the credit used plus its discount, difference and
 * unapplied remainder. Returns nothing; a broken invariant throws an InvariantError.
 * `vouchersUnique`: the caller has just proven every line's voucher distinct (proposeSettlement
 * refuses repeated vouchers among its items and makes one line per item), so no Set is built.
 * @example checkProposal({ credit: { voucher: "PAY1", amountMinor: -10000 }, lines: [], creditDiscountMinor: 0, creditDifferenceMinor: 0, unappliedMinor: 10000 }) // undefined
 * @example
 * let message = "";
 * try { checkProposal({ credit: { voucher: "PAY1", amountMinor: -10000 }, lines: [], creditDiscountMinor: 0, creditDifferenceMinor: 0, unappliedMinor: 9000 }); } catch (e) { message = e.message; };
 * message // "the credit's 10000 minor units must equal used 0 + discount 0 + difference 0 + unapplied 9000"
 */
export function checkProposal(p: Proposal, vouchersUnique = false): void {
  let used = 0;
  const checked = vouchersChecked.get(p);
  const vouchers = vouchersUnique || (checked !== undefined && checked.lines === p.lines && checked.length === p.lines.length) ? undefined : new Set<string>();
  for (const l of p.lines) {
    if (vouchers !== undefined) {
      const v = l.item.voucher;
      if (vouchers.has(v)) fail(`voucher ${v} appears twice in the proposal`);
      vouchers.add(v);
    }
    // The messages (and the item's voucher, a load from another object) only for a broken line:
    // a template per check and line was most of the check's time.
    if (!(l.openMinor > 0)) failLine(l, "only debit items are settled");
    if (!(l.amountToSettleMinor >= 0 && l.amountToSettleMinor <= l.openMinor)) failLine(l, "settled beyond its open amount or across its sign");
    if (!(l.discountMinor >= 0 && l.differenceMinor >= 0 && l.paidMinor >= 0 && l.creditUsedMinor >= 0)) failLine(l, "negative part");
    if (l.paidMinor + l.discountMinor + l.differenceMinor !== l.amountToSettleMinor) failLine(l, "paid + discount + difference must equal the amount to settle");
    if (l.balanceMinor !== l.openMinor - l.amountToSettleMinor) failLine(l, "balance must be open - amount to settle");
    if (!(l.amountToSettleMinor > 0 || l.creditUsedMinor === 0)) failLine(l, "credit used on an untouched item");
    used += l.creditUsedMinor;
  }
  const open = -p.credit.amountMinor;
  assert(p.unappliedMinor >= 0 && p.creditDiscountMinor >= 0 && p.creditDifferenceMinor >= 0, "negative credit-side part");
  assert(
    used + p.creditDiscountMinor + p.creditDifferenceMinor + p.unappliedMinor === open,
    `the credit's ${open} minor units must equal used ${used} + discount ${p.creditDiscountMinor} + difference ${p.creditDifferenceMinor} + unapplied ${p.unappliedMinor}`,
  );
  vouchersChecked.set(p, { lines: p.lines, length: p.lines.length });
}

/** A broken invariant of one line, named by its voucher. */
function failLine(l: Proposal["lines"][number], what: string): never {
  fail(`voucher ${l.item.voucher}: ${what}`);
}

/** A broken invariant: throws through `assert`, the one way programmer errors are raised. */
function fail(message: string): never {
  assert(false, message);
}
