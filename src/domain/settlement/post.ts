/**
 * Post a proposal: the balanced settlement journal of docs/domain.md §4.7 and the items' new open amounts.
 */
import { assertBalanced, checkNotPosted, type Journal, journalHasher, journalIdOf, type JournalLine } from "../journal";
import { assert } from "../_lib/assert";
import { ccError, fail, ok, type Result } from "../errors";
import type { RateTable } from "../rates";
import { checkProposal } from "./_lib/check";
import { type JournalHeader, LineGroups } from "./_lib/lines";
import type { OpenChange, Proposal, ProposalLine } from "./types";

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
  const lines: JournalLine[] = [];
  const posted = post(proposal, ctx, (l) => {
    lines.push(l);
  });
  if (!posted.ok) return posted;
  const { journalId, settled } = posted.value;
  const { credit } = proposal;
  const journal: Journal = { journalId, kind: "Settlement", lines };
  assertBalanced(journal);
  // The changes are made when first asked for (CC.SETTLEJOURNAL never asks: a million objects less).
  let changes: OpenChange[] | undefined;
  return ok({
    journal,
    get changes(): readonly OpenChange[] {
      if (changes === undefined) {
        changes = settled.map((l) => ({
          customer: credit.customer, voucher: l.item.voucher, currency: l.item.currency, deltaMinor: -l.amountToSettleMinor, openMinor: l.balanceMinor,
        }));
        const closedOnCredit = -credit.amountMinor - proposal.unappliedMinor;
        if (closedOnCredit !== 0) {
          changes.push({ customer: credit.customer, voucher: credit.voucher, currency: credit.currency, deltaMinor: closedOnCredit, openMinor: proposal.unappliedMinor === 0 ? 0 : -proposal.unappliedMinor });
        }
      }
      return changes;
    },
  });
}

/**
 * `postSettlement`'s journal line by line: each line goes to `emit` as it is made (CC.SETTLEJOURNAL
 * turns it into its output row at once, so no array of a million lines is kept); the journal ID is
 * returned. The same lines, the same ID, the same errors, and the same balance check.
 * @example
 * const rows = [];
 * postSettlementTo(w1DueDate, { accountingCurrency: "USD" }, (l) => rows.push([l.lineNumber, l.voucher, l.amountMinor]));
 * rows.slice(0, 2) // [[1, "Invoice 1", -10000], [2, "PAY1", 10000]]
 * @example postSettlementTo(w1DueDate, { accountingCurrency: "USD" }, () => undefined).value === w1Posted.journal.journalId // true
 */
export function postSettlementTo(proposal: Proposal, ctx: PostContext, emit: (line: JournalLine) => void): Result<string> {
  let sum = 0;
  const posted = post(proposal, ctx, (l) => {
    sum += l.accountingMinor;
    emit(l);
  });
  if (!posted.ok) return posted;
  const { journalId } = posted.value;
  assert(sum === 0, `journal ${journalId} does not balance in the accounting currency (off by ${sum} minor units)`);
  return ok(journalId);
}

function post(proposal: Proposal, ctx: PostContext, emit: (line: JournalLine) => void): Result<{ journalId: string; settled: readonly ProposalLine[] }> {
  checkProposal(proposal);
  const { credit, dateSerial } = proposal;
  const settled = proposal.lines.filter((l) => l.amountToSettleMinor > 0);
  if (settled.length === 0) {
    return fail(ccError("settlement_must_settle_an_item", { voucher: credit.voucher }));
  }
  // The content, hashed piece by piece as joined by \u0001 (no string of a million parts).
  const hasher = journalHasher("Settlement").text(part(credit.customer)).text("\u0001").text(part(credit.voucher)).text("\u0001").text(part(dateSerial))
    .text("\u0001").text(ctx.salt ?? "").text("\u0001").text(part(proposal.creditDiscountMinor)).text("\u0001").text(part(proposal.creditDifferenceMinor));
  for (const l of settled) {
    hasher.text("\u0001").text(`${l.item.voucher}`).text(":").whole(l.amountToSettleMinor).text(":").whole(l.discountMinor).text(":").whole(l.differenceMinor).text(":").whole(l.creditUsedMinor);
  }
  const journalId = journalIdOf("Settlement", hasher);
  if (ctx.postedIds !== undefined) {
    const posted = checkNotPosted(journalId, ctx.postedIds);
    if (!posted.ok) return fail(...posted.errors);
  }
  const h: JournalHeader = {
    journalId, linkId: `LNK-${journalId.slice(journalId.indexOf("-") + 1)}`, dateSerial, customer: credit.customer,
    accountingCurrency: ctx.accountingCurrency.toUpperCase(), rates: ctx.rates,
  };
  const written = writeLines(proposal, settled, new LineGroups(h, emit));
  if (!written.ok) return written;
  return ok({ journalId, settled });
}

/** A part of the content as `Array.prototype.join` writes it. */
function part(v: unknown): string {
  return v === undefined || v === null ? "" : String(v);
}

/**
 * Whether `postSettlement` could value every line of a proposal: its error when a rate is missing,
 * without making the lines or the journal ID (CC.SETTLE shows the proposal, not the journal).
 * @example valueSettlement(w1DueDate, { accountingCurrency: "USD" }) // { ok: true, value: true }
 * @example valueSettlement(w1DueDate, { accountingCurrency: "EUR" }).errors[0].code // "exchange_rate_must_exist"
 */
export function valueSettlement(proposal: Proposal, ctx: Pick<PostContext, "accountingCurrency" | "rates">): Result<true> {
  checkProposal(proposal);
  const settled = proposal.lines.filter((l) => l.amountToSettleMinor > 0);
  if (settled.length === 0) {
    return fail(ccError("settlement_must_settle_an_item", { voucher: proposal.credit.voucher }));
  }
  const h: JournalHeader = {
    journalId: "", linkId: "", dateSerial: proposal.dateSerial, customer: proposal.credit.customer, accountingCurrency: ctx.accountingCurrency.toUpperCase(), rates: ctx.rates,
  };
  return writeLines(proposal, settled, new LineGroups(h, undefined));
}

/** The settlement's lines, group by group (docs/domain.md §4.7), into `group`. */
function writeLines(proposal: Proposal, settled: readonly ProposalLine[], group: LineGroups): Result<true> {
  const { credit, dateSerial } = proposal;
  const creditDate = credit.dateSerial ?? dateSerial;
  const cv = credit.voucher;
  const cc = credit.currency;
  let discountPct: number | undefined;
  let discountReason = "";
  for (const l of settled) {
    const v = l.item.voucher;
    const cur = l.item.currency;
    // Lines of amount 0 are left out: the discount and difference lines (and their reason texts)
    // are made only when there is an amount.
    if (!group.add(v, cv, -l.amountToSettleMinor, cur, "Customer", "Customer", "Settled", l.item.dateSerial ?? dateSerial)) return group.failure();
    if (!group.add(cv, v, l.creditUsedMinor, cc, "Customer", "Customer", "Settled", creditDate)) return group.failure();
    if (l.discountMinor !== 0) {
      if (l.discountPct !== discountPct) {
        discountPct = l.discountPct;
        discountReason = `Cash discount ${discountPct}%`;
      }
      if (!group.add(v, cv, l.discountMinor, cur, "Ledger", "CashDiscount", discountReason, dateSerial)) return group.failure();
    }
    if (l.differenceMinor !== 0) {
      const reason = l.differenceRole === "CashDiscount" ? "Underpayment within tolerance" : "Penny difference";
      if (!group.add(v, cv, l.differenceMinor, cur, "Ledger", l.differenceRole ?? "PennyDifference", reason, dateSerial)) return group.failure();
    }
    group.close(v, cv);
  }
  const creditSide: [number, string, string][] = [
    [proposal.creditDiscountMinor, "CashDiscount", "Cash discount on credit note"],
    [proposal.creditDifferenceMinor, proposal.creditDifferenceRole ?? "PennyDifference", proposal.creditDifferenceRole === "CashDiscount" ? "Overpayment within tolerance" : "Penny difference"],
  ];
  for (const [amount, role, reason] of creditSide) {
    if (amount === 0) continue;
    if (!group.add(cv, cv, amount, cc, "Customer", "Customer", reason, creditDate) || !group.add(cv, cv, -amount, cc, "Ledger", role, reason, dateSerial)) return group.failure();
    group.close(cv, cv);
  }
  return ok(true);
}
