/**
 * The settlement journal's history as policy for the next posting (docs/domain.md §4.7-§4.8):
 * which posted settlements can still be unapplied, the salt that gives a settlement repeated
 * after an unapply a new journal ID, and the currency a ledger is kept in. Adapters (the task
 * pane's wizard, the CLI) call these; they decide nothing themselves.
 */
import type { JournalLine } from "../journal";

/** A posted settlement that can still be unapplied. */
export interface UnappliableSettlement {
  readonly journalId: string;
  readonly customer: string;
  readonly dateSerial: number;
  /** The vouchers of its customer lines, in journal order, each once. */
  readonly vouchers: readonly string[];
}

/**
 * Posted settlements that are neither corrections nor already reversed, latest first; only the
 * given customer's when one is named.
 * @example unappliableSettlements([...w1Posted.journal.lines, ...pay2Posted.journal.lines]).map((s) => [s.dateSerial, s.vouchers]) // [[42310, ["Interest 1", "PAY2", "Invoice 3"]], [42302, ["Invoice 1", "PAY1", "Invoice 2", "Invoice 3"]]] (latest first)
 * @example
 * const reversal = { ...pay2Posted.journal.lines[0], journalId: "UNA-2", correctsJournalId: pay2Posted.journal.journalId };
 * unappliableSettlements([...w1Posted.journal.lines, ...pay2Posted.journal.lines, reversal]).map((s) => s.dateSerial) // [42302] (PAY2's settlement was unapplied)
 * @example unappliableSettlements(w1Posted.journal.lines, "9999") // []
 */
export function unappliableSettlements(history: readonly JournalLine[], customer?: string): UnappliableSettlement[] {
  const reversed = new Set(history.flatMap((l) => (l.correctsJournalId !== undefined ? [l.correctsJournalId] : [])));
  const out = new Map<string, { journalId: string; customer: string; dateSerial: number; vouchers: string[] }>();
  for (const l of history) {
    if (l.correctsJournalId !== undefined || reversed.has(l.journalId) || l.accountType !== "Customer") continue;
    if (customer !== undefined && l.customer !== customer) continue;
    const e = out.get(l.journalId) ?? { journalId: l.journalId, customer: l.customer, dateSerial: l.dateSerial, vouchers: [] };
    if (!e.vouchers.includes(l.voucher)) e.vouchers.push(l.voucher);
    out.set(l.journalId, e);
  }
  return [...out.values()].reverse();
}

/**
 * The salt of the next settlement's journal ID: the number of correcting journals (unapplies) in
 * the history. A settlement identical to one that was unapplied gets a new ID; a repeat of one
 * still posted keeps its ID, so posting it twice is refused.
 * @example repostSalt([...w1Posted.journal.lines, { ...w1Posted.journal.lines[0], journalId: "UNA-1", correctsJournalId: w1Posted.journal.journalId }]) // "1" (one unapply journal)
 * @example repostSalt([]) // "0"
 */
export function repostSalt(history: readonly JournalLine[]): string {
  return String(new Set(history.filter((l) => l.correctsJournalId !== undefined).map((l) => l.journalId)).size);
}
