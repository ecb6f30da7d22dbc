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
 * W9: 1,000.00 due 2020-01-01 (43831), as of 2020-02-15 (43876), 45 days overdue.
 * @example
 * const invoice = { customer: "C9", voucher: "INV9", type: "Invoice", dateSerial: 43800, dueSerial: 43831, amountMinor: 100000, currency: "USD", status: "None", row: 2 };
 * interestNotes([invoice], 43876, { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }] }).value[0].lines // [{ voucher: "INV9", row: 2, baseMinor: 100000, days: 45, ratePct: 1.5, interestMinor: 2250 }] (45 x 1.5 % / 30 = 22.50)
 * @example
 * const invoice = { customer: "C9", voucher: "INV9", type: "Invoice", dateSerial: 43800, dueSerial: 43831, amountMinor: 100000, currency: "USD", status: "None", row: 2 };
 * interestNotes([invoice], 43876, { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }, { fromMonth: 1, percentPerMonth: 2 }] }).value.map((n) => [n.totalMinor, n.lines[0].ratePct]) // [[2500, 2]] (15.00 for days 1-30 + 10.00 for days 31-45)
 * @example interestNotes(w1Items, 42292, { kind: "flat", percent: 2, minDays: 30, basis: "transaction" }).value.map((n) => [n.customer, n.lines.map((l) => [l.voucher, l.days, l.interestMinor]), n.totalMinor]) // [["2050", [["Invoice 1", 61, 200], ["Invoice 2", 44, 500]], 700]] (W1's interest note on 2015-10-15)
 * @example interestNotes(w1Items, 42292, { kind: "flat", percent: 2, minDays: 30, basis: "transaction" }).value[0].journal.map((l) => [l.offsetVoucher, l.amountMinor, l.accountRole, l.account]) // [["Invoice 1", 200, "Customer", ""], ["Invoice 1", -200, "Interest", "InterestIncome"], ["Invoice 2", 500, "Customer", ""], ["Invoice 2", -500, "Interest", "InterestIncome"]]
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
      errors.push(ccError(column === "Date" ? "date_must_not_be_blank" : "due_date_must_not_be_blank", { case: "interest" }, { table: TABLE, row: t.row, column }));
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
      errors.push(ccError("interest_must_fit_in_2_53_minor_units", { case: "item", days }, { table: TABLE, row: t.row, column: "Amount" }));
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
    return fail(ccError("interest_must_fit_in_2_53_minor_units", { case: "customer", customer, currency: currency || "none" }, { table: TABLE, ...(last !== undefined ? { row: last.row } : {}), column: "Amount" }));
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
    if (code.tiers.length === 0) errors.push(ccError("interest_code_must_have_a_rate", {}, where));
    const seen = new Set<number>();
    for (const t of code.tiers) {
      if (!Number.isInteger(t.fromMonth) || t.fromMonth < 0) errors.push(ccError("from_month_must_be_a_whole_number", { value: t.fromMonth }, { ...where, column: "FromMonth" }));
      if (seen.has(t.fromMonth)) errors.push(ccError("from_month_must_be_unique", { value: t.fromMonth }, { ...where, column: "FromMonth" }));
      seen.add(t.fromMonth);
      if (!(t.percentPerMonth >= 0)) errors.push(ccError("percent_must_not_be_negative", { option: "PercentPerMonth", value: t.percentPerMonth }, { ...where, column: "PercentPerMonth" }));
    }
  } else {
    if (!(code.percent >= 0)) errors.push(ccError("percent_must_not_be_negative", { option: "Percent", value: code.percent }, { ...where, column: "Percent" }));
    if (!Number.isInteger(code.minDays) || code.minDays < 0) errors.push(ccError("min_days_must_be_a_whole_number", { value: code.minDays }, { ...where, column: "MinDays" }));
  }
  return errors;
}
