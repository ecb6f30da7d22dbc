/**
 * Post a proposal: the balanced settlement journal of docs/domain.md §4.7 and the items' new open amounts.
 */
import { assertBalanced, checkNotPosted, type Journal, journalIdFor, type JournalLine } from "../journal";
import { ccError, fail, ok, type Result } from "../errors";
import type { RateTable } from "../rates";
import { checkProposal } from "./_lib/check";
import { type JournalHeader, type LineSpec, pushGroup } from "./_lib/lines";
import type { OpenChange, Proposal } from "./types";

export interface PostContext {
  readonly accountingCurrency: string;
  /** Needed when a currency differs from the accounting currency. */
  readonly rates?: RateTable;
  /** Journal IDs already posted: posting the same proposal again is refused. */
  readonly postedIds?: ReadonlySet<string>;
  /**
   * Distinguishes a repeat of an identical settlement after an unapply (e.g. the count of journals
   * already posted). Without it the same proposal always gets the same journal ID.
   */
  readonly salt?: string;
}

export interface PostedSettlement {
  readonly journal: Journal;
  /** Every item whose open amount changed, the credit item last. */
  readonly changes: readonly OpenChange[];
}

/**
 * The settlement journal of a proposal (one credit line per settled item, one debit of the
 * payment per item, then discount, difference and gain/loss lines) and the new open amounts.
 * @example postSettlement(w1DueDate, { accountingCurrency: "USD" }).value.journal.lines.map((l) => [l.voucher, l.offsetVoucher, l.amountMinor]) // [["Invoice 1", "PAY1", -10000], ["PAY1", "Invoice 1", 10000], ["Invoice 2", "PAY1", -25000], ["PAY1", "Invoice 2", 25000], ["Invoice 3", "PAY1", -35000], ["PAY1", "Invoice 3", 35000]]
 * @example postSettlement(w1DueDate, { accountingCurrency: "USD" }).value.changes.map((c) => [c.voucher, c.deltaMinor, c.openMinor]) // [["Invoice 1", -10000, 0], ["Invoice 2", -25000, 0], ["Invoice 3", -35000, 15000], ["PAY1", 70000, 0]]
 * @example postSettlement(w1DueDate, { accountingCurrency: "USD" }).value.journal.journalId.startsWith("SET-") // true
 * @example postSettlement(w1DueDate, { accountingCurrency: "USD", postedIds: new Set([w1Posted.journal.journalId]) }).errors[0].code // "journal_must_not_be_posted_twice"
 */
export function postSettlement(proposal: Proposal, ctx: PostContext): Result<PostedSettlement> {
  checkProposal(proposal);
  const { credit, dateSerial } = proposal;
  const settled = proposal.lines.filter((l) => l.amountToSettleMinor > 0);
  if (settled.length === 0) {
    return fail(ccError("settlement_must_settle_an_item", { voucher: credit.voucher }));
  }
  const content = [
    credit.customer, credit.voucher, dateSerial, ctx.salt ?? "", proposal.creditDiscountMinor, proposal.creditDifferenceMinor,
    ...settled.map((l) => `${l.item.voucher}:${l.amountToSettleMinor}:${l.discountMinor}:${l.differenceMinor}:${l.creditUsedMinor}`),
  ].join("\u0001");
  const journalId = journalIdFor("Settlement", content);
  if (ctx.postedIds !== undefined) {
    const posted = checkNotPosted(journalId, ctx.postedIds);
    if (!posted.ok) return fail(...posted.errors);
  }
  const h: JournalHeader = {
    journalId, linkId: `LNK-${journalId.slice(journalId.indexOf("-") + 1)}`, dateSerial, customer: credit.customer,
    accountingCurrency: ctx.accountingCurrency.toUpperCase(), rates: ctx.rates,
  };
  const lines: JournalLine[] = [];
  const creditDate = credit.dateSerial ?? dateSerial;
  const cv = credit.voucher;
  const cc = credit.currency;
  for (const l of settled) {
    const v = l.item.voucher;
    const cur = l.item.currency;
    const specs: LineSpec[] = [
      { voucher: v, offsetVoucher: cv, amountMinor: -l.amountToSettleMinor, currency: cur, accountType: "Customer", accountRole: "Customer", reason: "Settled", rateSerial: l.item.dateSerial ?? dateSerial },
      { voucher: cv, offsetVoucher: v, amountMinor: l.creditUsedMinor, currency: cc, accountType: "Customer", accountRole: "Customer", reason: "Settled", rateSerial: creditDate },
    ];
    // Lines of amount 0 are left out by pushGroup: the discount and difference specs (and their
    // reason texts) are made only when there is an amount.
    if (l.discountMinor !== 0) {
      specs.push({ voucher: v, offsetVoucher: cv, amountMinor: l.discountMinor, currency: cur, accountType: "Ledger", accountRole: "CashDiscount", reason: `Cash discount ${l.discountPct}%`, rateSerial: dateSerial });
    }
    if (l.differenceMinor !== 0) {
      specs.push({
        voucher: v, offsetVoucher: cv, amountMinor: l.differenceMinor, currency: cur, accountType: "Ledger", accountRole: l.differenceRole ?? "PennyDifference",
        reason: l.differenceRole === "CashDiscount" ? "Underpayment within tolerance" : "Penny difference", rateSerial: dateSerial,
      });
    }
    const pushed = pushGroup(h, lines, specs, v, cv);
    if (!pushed.ok) return pushed;
  }
  const creditSide: [number, string, string][] = [
    [proposal.creditDiscountMinor, "CashDiscount", "Cash discount on credit note"],
    [proposal.creditDifferenceMinor, proposal.creditDifferenceRole ?? "PennyDifference", proposal.creditDifferenceRole === "CashDiscount" ? "Overpayment within tolerance" : "Penny difference"],
  ];
  for (const [amount, role, reason] of creditSide) {
    if (amount === 0) continue;
    const pushed = pushGroup(h, lines, [
      { voucher: cv, offsetVoucher: cv, amountMinor: amount, currency: cc, accountType: "Customer", accountRole: "Customer", reason, rateSerial: creditDate },
      { voucher: cv, offsetVoucher: cv, amountMinor: -amount, currency: cc, accountType: "Ledger", accountRole: role, reason, rateSerial: dateSerial },
    ], cv, cv);
    if (!pushed.ok) return pushed;
  }
  const journal: Journal = { journalId, kind: "Settlement", lines };
  assertBalanced(journal);
  const changes: OpenChange[] = settled.map((l) => ({
    customer: credit.customer, voucher: l.item.voucher, currency: l.item.currency, deltaMinor: -l.amountToSettleMinor, openMinor: l.balanceMinor,
  }));
  const closedOnCredit = -credit.amountMinor - proposal.unappliedMinor;
  if (closedOnCredit !== 0) {
    changes.push({ customer: credit.customer, voucher: cv, currency: cc, deltaMinor: closedOnCredit, openMinor: proposal.unappliedMinor === 0 ? 0 : -proposal.unappliedMinor });
  }
  return ok({ journal, changes });
}
