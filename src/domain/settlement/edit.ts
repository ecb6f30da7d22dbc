/**
 * Editing a proposal (the task pane wizard): the user changes the amount to settle of some
 * vouchers, or marks or unmarks them; the edited proposal is proposed again as a manual settlement
 * so that every rule (open amounts, signs, credit available, discounts) is checked once more.
 */
import type { Result } from "../errors";
import { proposeSettlement, type SettlementRequest } from "./propose";
import type { Mark, Proposal } from "./types";

/** An edit of one voucher: a new amount to settle (item currency, minor units), 0 to unmark, or undefined for the maximum. */
export interface ProposalEdit {
  readonly voucher: string;
  readonly amountToSettleMinor: number | undefined;
}

/**
 * The marks that reproduce a proposal: its settled lines in the order visited, with their amounts.
 * @example marksFromProposal(w1DueDate) // [{ voucher: "Invoice 1", amountToSettleMinor: 10000 }, { voucher: "Invoice 2", amountToSettleMinor: 25000 }, { voucher: "Invoice 3", amountToSettleMinor: 35000 }] (W1 by due date; Interest 1 is untouched)
 */
export function marksFromProposal(proposal: Proposal): Mark[] {
  return proposal.lines.filter((l) => l.amountToSettleMinor > 0).map((l) => ({ voucher: l.item.voucher, amountToSettleMinor: l.amountToSettleMinor }));
}

/**
 * Apply edits to a proposal and propose again (manual marking). Edited vouchers keep their place;
 * newly marked ones go last, in the order of the edits.
 * @example
 * const p = editProposal(w1Request, w1DueDate, [{ voucher: "Invoice 3", amountToSettleMinor: 20000 }]).value;
 * [p.lines.map((l) => l.amountToSettleMinor), p.unappliedMinor] // [[10000, 25000, 20000, 0], 15000] (Invoice 3 settles 200.00 instead of 350.00)
 * @example
 * const p = editProposal(w1Request, w1DueDate, [{ voucher: "Invoice 1", amountToSettleMinor: 0 }, { voucher: "Interest 1", amountToSettleMinor: undefined }]).value;
 * [p.lines.map((l) => [l.item.voucher, l.amountToSettleMinor]), p.unappliedMinor] // [[["Invoice 2", 25000], ["Invoice 3", 35000], ["Interest 1", 700], ["Invoice 1", 0]], 9300] (Invoice 1 unmarked; Interest 1 marked last, for its whole 7.00)
 */
export function editProposal(request: SettlementRequest, proposal: Proposal, edits: readonly ProposalEdit[]): Result<Proposal> {
  const byVoucher = new Map(edits.map((e) => [e.voucher, e]));
  const marks: Mark[] = [];
  const toMark = (voucher: string, amount: number | undefined): void => {
    if (amount === 0) return;
    marks.push(amount === undefined ? { voucher } : { voucher, amountToSettleMinor: amount });
  };
  const kept = new Set<string>();
  for (const m of marksFromProposal(proposal)) {
    kept.add(m.voucher);
    const e = byVoucher.get(m.voucher);
    toMark(m.voucher, e === undefined ? m.amountToSettleMinor : e.amountToSettleMinor);
  }
  for (const e of edits) if (!kept.has(e.voucher)) toMark(e.voucher, e.amountToSettleMinor);
  return proposeSettlement({ ...request, method: { kind: "manual", marks }, options: proposal.options });
}
