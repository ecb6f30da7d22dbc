/**
 * Cash application's review, as the Bank screen and any other caller see it: which lines were
 * posted already (their LineId is a payment voucher in the ledger), which lines are preselected
 * (at or above AutoApply), and a person's accept / reject / change decisions as the matching
 * engine's overrides. The policy lives here, not in the task pane.
 */
import type { LineOverride, StatementLine } from "../domain/matching/types";
import type { Transaction } from "../domain/types";
import type { LineResult } from "../domain/matching/match";
import { autoApplies } from "./statement-match";
import type { Confidence } from "../domain/matching/types";

/** What a person decided on one line: accept it, and optionally a customer and items of their own. */
export interface LineChoice {
  readonly accepted: boolean;
  /** The customer and vouchers chosen instead of the engine's (vouchers [] = on account). */
  readonly assign?: { readonly customer: string; readonly vouchers: readonly string[] };
}

/**
 * LineIds already in the ledger as payments: every posted line becomes a ledger payment whose
 * voucher is its LineId, so a statement imported again (or matched again) never pays twice.
 * @example postedLineIds([{ voucher: "L1", amountMinor: 0, ... }], [{ lineId: "L1", ... }, { lineId: "L2", ... }]) // Set { "L1" }
 */
export function postedLineIds(transactions: readonly Transaction[], lines: readonly StatementLine[]): Set<string> {
  const ids = new Set(lines.map((l) => l.lineId));
  const out = new Set<string>();
  for (const t of transactions) if (ids.has(t.voucher) && t.type === "Payment") out.add(t.voucher);
  return out;
}

/**
 * The first choices of a review: lines at or above the auto-apply level are accepted, lines
 * already posted or matched to no customer are not.
 */
export function initialChoices(matches: readonly LineResult[], level: Confidence, posted: ReadonlySet<string>): Map<string, LineChoice> {
  const out = new Map<string, LineChoice>();
  for (const m of matches) out.set(m.line.lineId, { accepted: !posted.has(m.line.lineId) && m.customer !== "" && autoApplies(m.confidence, level) });
  return out;
}

/**
 * The engine's overrides for a review: a changed line is assigned its customer and items; a line
 * already posted, or (when `acceptedOnly`) not accepted, is skipped, so it consumes nothing that an
 * accepted line after it may pay.
 */
export function reviewOverrides(lines: readonly StatementLine[], choices: ReadonlyMap<string, LineChoice>, posted: ReadonlySet<string>, acceptedOnly: boolean): Map<string, LineOverride> {
  const out = new Map<string, LineOverride>();
  for (const l of lines) {
    const c = choices.get(l.lineId);
    if (posted.has(l.lineId) || (acceptedOnly && c?.accepted !== true)) out.set(l.lineId, { kind: "skip" });
    else if (c?.assign !== undefined) out.set(l.lineId, { kind: "assign", customer: c.assign.customer, vouchers: c.assign.vouchers });
  }
  return out;
}
