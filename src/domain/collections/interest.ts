/**
 * Interest notes (docs/domain.md §6.5): an interest code charges either a monthly percent, tiered
 * by overdue month and charged per overdue day (W9), or a flat percent of the amounts at least N
 * days old (the 7.00 of W1). One note per customer and currency lists the transactions it charges,
 * the days and the interest, rounded once per line; its journal debits the customer and credits
 * the interest account, one pair of lines per charged transaction so that the interest of a single
 * transaction can later be waived on its own.
 */
import { type CcError, ccError, fail, ok, type Result } from "../errors";
import { checkNotPosted, journalIdFor } from "../journal";
import { forEachRow, type LedgerColumns, type LedgerRow } from "../ledger";
import type { Transaction } from "../types";
import { InterestCalculator, type InterestTier, tierOfDay } from "./_lib/interest-rate";
import { type Accounting, assertCollectionsJournal, chargeLines, type CollectionsLine } from "./_lib/lines";

export type { InterestTier } from "./_lib/interest-rate";

export type InterestCode =
  | { readonly kind: "tiered"; readonly code?: string; readonly tiers: readonly InterestTier[] }
  | { readonly kind: "flat"; readonly code?: string; readonly percent: number; readonly minDays: number; readonly basis: "due" | "transaction" };

export interface InterestOptions {
  /** Charge interest on earlier interest notes too (default off). */
  readonly interestOnInterest?: boolean;
  /** The ledger account credited with the interest; default "InterestIncome". */
  readonly interestAccount?: string;
  readonly accounting?: Accounting;
  readonly postedJournalIds?: ReadonlySet<string>;
  /**
   * Build each note's journal lines (default true). CC.INTEREST tables only the notes: false skips
   * two line objects per charged item; the notes, their totals and journal IDs are the same, and
   * `journal` is empty.
   */
  readonly journal?: boolean;
}

export interface InterestLine {
  readonly voucher: string;
  readonly row: number;
  readonly baseMinor: number;
  /** Overdue days (tiered) or age in days (flat) at the as-of date. */
  readonly days: number;
  /** Percent points: per month for tiered codes (the tier of the last day), flat otherwise. */
  readonly ratePct: number;
  readonly interestMinor: number;
}

export interface InterestNote {
  readonly journalId: string;
  readonly customer: string;
  readonly currency: string;
  readonly lines: readonly InterestLine[];
  readonly totalMinor: number;
  readonly journal: readonly CollectionsLine[];
}

const TABLE = "transactions";

/**
 * Compute the interest notes due at `asOfSerial`: items with a zero charge are left out.
 * @example
 * // W9: 1,000.00 overdue 45 days at 1.5 % per month
 * interestNotes([inv], 45000, { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }] })
 * // ok([{ totalMinor: 2250, lines: [{ days: 45, ratePct: 1.5, interestMinor: 2250, … }], … }])
 */
export function interestNotes(transactions: readonly Transaction[] | LedgerColumns, asOfSerial: number, code: InterestCode, options: InterestOptions = {}): Result<InterestNote[]> {
  const codeErrors = checkCode(code);
  if (codeErrors.length > 0) return fail(...codeErrors);
  const errors: CcError[] = [];
  interface Group {
    readonly customer: string;
    readonly currency: string;
    readonly lines: InterestLine[];
  }
  const groups: Group[] = [];
  const byCustomer = new Map<string, Group[]>();
  const tiers = code.kind === "tiered" ? [...code.tiers].sort((a, b) => a.fromMonth - b.fromMonth) : [];
  // A flat percent is one month's worth of a monthly rate: amount x pct / 100 = 30 days x pct / 30.
  const calculator = new InterestCalculator(code.kind === "tiered" ? tiers : [{ fromMonth: 0, percentPerMonth: code.percent }]);
  // Records or columns (a full sheet): the same rule, row by row in order.
  forEachRow(transactions, (t) => {
    if (!chargeable(t, options)) return;
    if (t.dateSerial !== undefined && t.dateSerial > asOfSerial) return;
    const basisSerial = code.kind === "flat" && code.basis === "transaction" ? t.dateSerial : t.dueSerial;
    if (basisSerial === undefined) {
      const column = code.kind === "flat" && code.basis === "transaction" ? "Date" : "DueDate";
      errors.push(ccError(column === "Date" ? "date_must_not_be_blank" : "due_date_must_not_be_blank", "interest needs this date", { table: TABLE, row: t.row, column }));
      return;
    }
    const days = asOfSerial - basisSerial;
    let interest: number | undefined;
    let ratePct: number;
    if (code.kind === "tiered") {
      if (days <= 0) return;
      interest = calculator.interestMinor(t.amountMinor, days);
      ratePct = tierOfDay(days, tiers)?.percentPerMonth ?? 0;
    } else {
      if (days < code.minDays) return;
      interest = calculator.interestMinor(t.amountMinor, 30);
      ratePct = code.percent;
    }
    if (interest === undefined) {
      errors.push(ccError("interest_must_fit_in_2_53_minor_units", `the interest on this amount over ${days} days is more than 2^53 minor units`, { table: TABLE, row: t.row, column: "Amount" }));
      return;
    }
    if (interest === 0) return;
    // Groups (customer and currency) in the order first met, found by customer then currency: no key string per row.
    let mine = byCustomer.get(t.customer);
    if (mine === undefined) byCustomer.set(t.customer, (mine = []));
    let g: Group | undefined;
    for (const x of mine) if (x.currency === t.currency) g = x;
    if (g === undefined) {
      g = { customer: t.customer, currency: t.currency, lines: [] };
      mine.push(g);
      groups.push(g);
    }
    g.lines.push({ voucher: t.voucher, row: t.row, baseMinor: t.amountMinor, days, ratePct, interestMinor: interest });
  });
  if (errors.length > 0) return fail(...errors);
  const notes: InterestNote[] = [];
  for (const g of groups) {
    const note = buildNote(g.customer, g.currency, g.lines, asOfSerial, code, options);
    if (!note.ok) return note;
    notes.push(note.value);
  }
  return ok(notes);
}

/** Debit items that carry interest: invoices, fees and letter fees; interest notes only on request. */
function chargeable(t: LedgerRow, options: InterestOptions): boolean {
  if (t.amountMinor <= 0) return false;
  // A controller does not charge interest on what the customer disputes or has promised to pay.
  if (t.status === "Disputed" || t.status === "PromiseToPay") return false;
  if (t.type === "InterestNote") return options.interestOnInterest === true;
  return t.type === "Invoice" || t.type === "Fee" || t.type === "CollectionLetter";
}

function buildNote(customer: string, currency: string, lines: InterestLine[], asOfSerial: number, code: InterestCode, options: InterestOptions): Result<InterestNote> {
  const sum = lines.reduce((a, l) => a + l.interestMinor, 0);
  if (!Number.isSafeInteger(sum)) {
    const last = lines[lines.length - 1];
    return fail(ccError("interest_must_fit_in_2_53_minor_units", `customer ${customer}'s interest in ${currency || "the ledger currency"} adds up to more than 2^53 minor units`, { table: TABLE, ...(last !== undefined ? { row: last.row } : {}), column: "Amount" }));
  }
  const content = [customer, currency, asOfSerial, code.code ?? "", ...lines.map((l) => `${l.row}:${l.voucher}:${l.interestMinor}`)].join("|");
  const journalId = journalIdFor("Interest", content);
  const posted = checkNotPosted(journalId, options.postedJournalIds ?? new Set());
  if (!posted.ok) return posted;
  const totalMinor = sum;
  if (options.journal === false) return ok({ journalId, customer, currency, lines, totalMinor, journal: [] });
  const account = options.interestAccount ?? "InterestIncome";
  const charges = lines.map((l) => ({ customer, offsetVoucher: l.voucher, currency, amountMinor: l.interestMinor, linkId: `${l.row}` }));
  const frame = { journalId, dateSerial: asOfSerial, reason: code.code ?? "Interest", ...(options.accounting ? { accounting: options.accounting } : {}) };
  const journal = chargeLines(frame, charges, { accountRole: "Interest", account });
  if (!journal.ok) return journal;
  assertCollectionsJournal(journalId, journal.value);
  return ok({ journalId, customer, currency, lines, totalMinor, journal: journal.value });
}

function checkCode(code: InterestCode): CcError[] {
  const errors: CcError[] = [];
  const where = { table: "code" };
  if (code.kind === "tiered") {
    if (code.tiers.length === 0) errors.push(ccError("interest_code_must_have_a_rate", "give tiers (FromMonth, PercentPerMonth) or a flat Percent", where));
    const seen = new Set<number>();
    for (const t of code.tiers) {
      if (!Number.isInteger(t.fromMonth) || t.fromMonth < 0) errors.push(ccError("from_month_must_be_a_whole_number", `FromMonth ${t.fromMonth} is not a whole number >= 0`, { ...where, column: "FromMonth" }));
      if (seen.has(t.fromMonth)) errors.push(ccError("from_month_must_be_unique", `FromMonth ${t.fromMonth} is given twice`, { ...where, column: "FromMonth" }));
      seen.add(t.fromMonth);
      if (!(t.percentPerMonth >= 0)) errors.push(ccError("percent_must_not_be_negative", `PercentPerMonth ${t.percentPerMonth} is negative`, { ...where, column: "PercentPerMonth" }));
    }
  } else {
    if (!(code.percent >= 0)) errors.push(ccError("percent_must_not_be_negative", `Percent ${code.percent} is negative`, { ...where, column: "Percent" }));
    if (!Number.isInteger(code.minDays) || code.minDays < 0) errors.push(ccError("min_days_must_be_a_whole_number", `MinDays ${code.minDays} is not a whole number >= 0`, { ...where, column: "MinDays" }));
  }
  return errors;
}
