/**
 * Journals (docs/domain.md §4.7 and §7): append-only lists of balanced lines. A journal's ID is
 * derived from its content, so the same proposal always has the same ID and posting it twice is
 * detected and refused.
 */
import { assert } from "./_lib/assert";
import { contentId, Hash53, idOfHash } from "./_lib/hash";
import { ccError, fail, ok, type Result } from "./errors";

export type AccountType = "Customer" | "Ledger";

export interface JournalLine {
  readonly journalId: string;
  readonly lineNumber: number;
  readonly dateSerial: number;
  readonly customer: string;
  /** The voucher this line settles, writes off or charges. */
  readonly voucher: string;
  /** The other side: the payment for a settled invoice, the invoice for a payment line. */
  readonly offsetVoucher: string;
  /** Signed: debit > 0, credit < 0, in minor units of `currency`. */
  readonly amountMinor: number;
  readonly currency: string;
  /** The same amount in minor units of the accounting currency. */
  readonly accountingMinor: number;
  readonly accountingCurrency: string;
  readonly accountType: AccountType;
  /** e.g. Customer, CashDiscount, PennyDifference, OverUnder, RealizedGain, RealizedLoss, WriteOff, SalesTax, Interest, Fee. */
  readonly accountRole: string;
  readonly reason: string;
  /** Joins the lines of one settlement (or one correction with what it corrects). */
  readonly linkId: string;
  /** For corrections: the journal this one reverses or corrects. */
  readonly correctsJournalId?: string;
}

export interface Journal {
  readonly journalId: string;
  readonly kind: string;
  readonly lines: readonly JournalLine[];
}

/**
 * A journal ID from a kind and the content that identifies the proposal.
 * @example journalIdFor("SET", "x") === journalIdFor("SET", "x") // true (the same content, the same ID)
 */
export function journalIdFor(kind: string, content: string): string {
  return journalIdOf(kind, journalHasher(kind).text(content));
}

/**
 * `journalIdFor` fed piece by piece: a hasher started with the kind. Feed it the content, then take
 * the ID with `journalIdOf` (the same ID `journalIdFor` gives the content joined into one string).
 * @example journalIdOf("Settlement", journalHasher("Settlement").text("a\u0001").whole(-5)) === journalIdFor("Settlement", "a\u0001-5") // true
 */
export function journalHasher(kind: string): Hash53 {
  return new Hash53().text(kind).text("\u0000");
}

/**
 * The journal ID of the content fed to a `journalHasher` of the same kind.
 * @example journalIdOf("Settlement", journalHasher("Settlement").text("x")).startsWith("SET-") // true
 */
export function journalIdOf(kind: string, hasher: Hash53): string {
  return idOfHash(kind.slice(0, 3).toUpperCase(), hasher.value());
}

/**
 * Debits equal credits in the accounting currency: a broken invariant throws.
 * @example
 * const line = { journalId: "FEE-1", lineNumber: 1, dateSerial: 42302, customer: "2050", voucher: "FEE1", offsetVoucher: "FEE1", amountMinor: 500, currency: "USD", accountingMinor: 500, accountingCurrency: "USD", accountType: "Customer", accountRole: "Customer", reason: "Fee", linkId: "LNK-1" };
 * assertBalanced({ journalId: "FEE-1", kind: "Fee", lines: [line, { ...line, lineNumber: 2, amountMinor: -500, accountingMinor: -500, accountType: "Ledger", accountRole: "Fee" }] }) // undefined
 * @example
 * const line = { journalId: "FEE-1", lineNumber: 1, dateSerial: 42302, customer: "2050", voucher: "FEE1", offsetVoucher: "FEE1", amountMinor: 500, currency: "USD", accountingMinor: 500, accountingCurrency: "USD", accountType: "Customer", accountRole: "Customer", reason: "Fee", linkId: "LNK-1" };
 * let message = "";
 * try { assertBalanced({ journalId: "FEE-1", kind: "Fee", lines: [line] }); } catch (e) { message = e.message; };
 * message // "journal FEE-1 does not balance in the accounting currency (off by 500 minor units)"
 */
export function assertBalanced(journal: Journal): void {
  const sum = journal.lines.reduce((a, l) => a + l.accountingMinor, 0);
  assert(sum === 0, `journal ${journal.journalId} does not balance in the accounting currency (off by ${sum} minor units)`);
  // The message is built only for the broken line (a template per line was the loop's cost).
  for (const l of journal.lines) if (l.journalId !== journal.journalId) assert(false, `line ${l.lineNumber} belongs to another journal`);
}

/**
 * Refuse a journal whose ID was already posted.
 * @example checkNotPosted("SET-1", new Set(["SET-1"])).ok // false
 * @example checkNotPosted("SET-2", new Set(["SET-1"])) // { ok: true, value: true }
 */
export function checkNotPosted(journalId: string, postedIds: ReadonlySet<string>): Result<true> {
  if (postedIds.has(journalId)) {
    return fail(ccError("journal_must_not_be_posted_twice", { case: "journal", journal: journalId }));
  }
  return ok(true);
}

/**
 * The content-derived ID of rows appended to a log that has no ID column (e.g. the credit hold
 * log): the same entries always get the same ID, so a repeated post is detected.
 * @example logEntryId("CreditHoldLog", [["SO-1", "Release"]]).startsWith("LOG-") // true (the same for the same rows)
 */
export function logEntryId(table: string, rows: readonly (readonly unknown[])[]): string {
  return contentId("LOG", `${table}\u0000${rows.map((r) => r.map((v) => String(v)).join("\u0001")).join("\u0002")}`);
}
