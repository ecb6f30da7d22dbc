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

/**
 * The currency a ledger is kept in: the one most of its items use (the first seen on a tie), or
 * undefined for an empty ledger. The default accounting currency and typed-payment currency.
 * @example ledgerCurrency([{ currency: "SEK" }, { currency: "EUR" }, { currency: "SEK" }]) // "SEK"
 */
export function ledgerCurrency(items: readonly { readonly currency: string }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const i of items) {
    const c = i.currency.trim().toUpperCase();
    if (c !== "") counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [c, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = c;
  return best;
}

/**
 * The accounting currency to use: the one typed (in capitals), or the ledger's main currency when
 * the field is left blank ("" for an empty ledger). docs/decisions.md, decision 23.
 * @example accountingCurrencyOf(" ", [{ currency: "SEK" }, { currency: "EUR" }, { currency: "SEK" }]) // "SEK"
 * @example accountingCurrencyOf("eur", [{ currency: "SEK" }]) // "EUR"
 */
export function accountingCurrencyOf(typed: string, items: readonly { readonly currency: string }[]): string {
  return typed.trim().toUpperCase() || (ledgerCurrency(items) ?? "");
}
