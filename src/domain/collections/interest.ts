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
  if (!Array.isArray(transactions)) {
    // Columns (a full sheet): the charges in columns, then the notes made of them.
    const ledger = transactions as LedgerColumns;
    const charged = chargesOf(ledger, asOfSerial, code, options, false);
    if (!charged.ok) return charged;
    const c = charged.value;
    const notes: InterestNote[] = [];
    for (const g of c.notes) {
      const lines: InterestLine[] = [];
      for (let j = g.start; j < g.end; j++) {
        const k = c.at[j] as number;
        lines.push({ voucher: ledger.voucher[k] as string, row: ledger.row[k] as number, baseMinor: ledger.amountMinor[k] as number, days: c.days[j] as number, ratePct: c.ratePct[j] as number, interestMinor: c.interestMinor[j] as number });
      }
      const note = buildNote(g.customer, g.currency, lines, asOfSerial, code, options);
      if (!note.ok) return note;
      notes.push(note.value);
    }
    return ok(notes);
  }
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
  const charge = chargeRule(asOfSerial, code, options, errors);
  const out = { days: 0, ratePct: 0, interestMinor: 0 };
  forEachRow(transactions, (t) => {
    if (!charge(t, out)) return;
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
    g.lines.push({ voucher: t.voucher, row: t.row, baseMinor: t.amountMinor, days: out.days, ratePct: out.ratePct, interestMinor: out.interestMinor });
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

/**
 * The rule for one row: false when the row is not charged (or is an error, pushed to `errors`);
 * true with its days, rate and interest in `out`. One rule for records and columns.
 */
function chargeRule(asOfSerial: number, code: InterestCode, options: InterestOptions, errors: CcError[]): (t: LedgerRow, out: { days: number; ratePct: number; interestMinor: number }) => boolean {
  const tiers = code.kind === "tiered" ? [...code.tiers].sort((a, b) => a.fromMonth - b.fromMonth) : [];
  // A flat percent is one month's worth of a monthly rate: amount x pct / 100 = 30 days x pct / 30.
  const calculator = new InterestCalculator(code.kind === "tiered" ? tiers : [{ fromMonth: 0, percentPerMonth: code.percent }]);
  const byTransactionDate = code.kind === "flat" && code.basis === "transaction";
  // Read once: a module binding read per row costs a getter where modules are loaded as CommonJS.
  const tierOf = tierOfDay;
  return (t, out) => {
    if (!chargeable(t, options)) return false;
    if (t.dateSerial !== undefined && t.dateSerial > asOfSerial) return false;
    const basisSerial = byTransactionDate ? t.dateSerial : t.dueSerial;
    if (basisSerial === undefined) {
      const column = byTransactionDate ? "Date" : "DueDate";
      errors.push(ccError(column === "Date" ? "date_must_not_be_blank" : "due_date_must_not_be_blank", { case: "interest" }, { table: TABLE, row: t.row, column }));
      return false;
    }
    const days = asOfSerial - basisSerial;
    let interest: number | undefined;
    let ratePct: number;
    if (code.kind === "tiered") {
      if (days <= 0) return false;
      interest = calculator.interestMinor(t.amountMinor, days);
      ratePct = tierOf(days, tiers)?.percentPerMonth ?? 0;
    } else {
      if (days < code.minDays) return false;
      interest = calculator.interestMinor(t.amountMinor, 30);
      ratePct = code.percent;
    }
    if (interest === undefined) {
      errors.push(ccError("interest_must_fit_in_2_53_minor_units", { case: "item", days }, { table: TABLE, row: t.row, column: "Amount" }));
      return false;
    }
    if (interest === 0) return false;
    out.days = days;
    out.ratePct = ratePct;
    out.interestMinor = interest;
    return true;
  };
}

/** One note's charges in `InterestCharges`: lines `start` to `end` (exclusive), and their total. */
export interface InterestChargeGroup {
  readonly customer: string;
  readonly currency: string;
  readonly start: number;
  readonly end: number;
  readonly totalMinor: number;
}

/**
 * `interestNotes`' lines in columns, without their notes' journal IDs or journals: what a table of a
 * full sheet's interest needs, with no object per charged row. Line `j` charges ledger row `at[j]`;
 * the lines of a note are contiguous (`notes`, in the order first met; rows in ledger order).
 */
export interface InterestCharges {
  readonly at: Int32Array;
  readonly days: Float64Array;
  readonly ratePct: Float64Array;
  readonly interestMinor: Float64Array;
  readonly notes: readonly InterestChargeGroup[];
}

/**
 * The interest `interestNotes` charges on a columnar ledger, in columns, with the same errors in
 * the same order (a row's, then a note's total past 2^53 minor units). Posted journal IDs are not
 * checked here: the notes' IDs are not made.
 * W9: 1,000.00 due 2020-01-01 (43831), as of 2020-02-15 (43876), 45 days overdue.
 * @example
 * const ledger = { length: 2, customers: ["C9"], customerOf: Int32Array.of(0, 0), currencies: ["USD"], currencyOf: Int32Array.of(0, 0), amountMinor: Float64Array.of(100000, -5000), typeOf: Uint8Array.of(0, 2), statusOf: Uint8Array.of(0, 0), dateSerial: Float64Array.of(43800, 43800), dueSerial: Float64Array.of(43831, 43800), promiseSerial: Float64Array.of(NaN, NaN), voucher: ["INV9", "PAY9"], row: Int32Array.of(2, 3) };
 * const charges = interestCharges(ledger, 43876, { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }] }).value;
 * [[...charges.at], [...charges.days], [...charges.interestMinor], charges.notes] // [[0], [45], [2250], [{ customer: "C9", currency: "USD", start: 0, end: 1, totalMinor: 2250 }]]
 */
export function interestCharges(ledger: LedgerColumns, asOfSerial: number, code: InterestCode, options: InterestOptions = {}): Result<InterestCharges> {
  return chargesOf(ledger, asOfSerial, code, options, true);
}

/** `interestCharges`; without `checkTotals` a note's total is left for `buildNote` to check, in its turn. */
function chargesOf(ledger: LedgerColumns, asOfSerial: number, code: InterestCode, options: InterestOptions, checkTotals: boolean): Result<InterestCharges> {
  const codeErrors = checkCode(code);
  if (codeErrors.length > 0) return fail(...codeErrors);
  const errors: CcError[] = [];
  const charge = chargeRule(asOfSerial, code, options, errors);
  const out = { days: 0, ratePct: 0, interestMinor: 0 };
  const n = ledger.length;
  const { customerOf, currencyOf } = ledger;
  // Groups (customer and currency) in the order first met: per customer a chain of its groups.
  const firstGroup = new Int32Array(ledger.customers.length).fill(-1);
  const groupCustomer: number[] = [];
  const groupCurrency: number[] = [];
  const nextGroup: number[] = [];
  const chargedAt = new Int32Array(n);
  const chargedGroup = new Int32Array(n);
  const days = new Float64Array(n);
  const rate = new Float64Array(n);
  const interest = new Float64Array(n);
  let count = 0;
  let k = 0;
  forEachRow(ledger, (t) => {
    const i = k++;
    if (!charge(t, out)) return;
    const customer = customerOf[i] as number;
    const currency = currencyOf[i] as number;
    let g = firstGroup[customer] as number;
    let last = -1;
    while (g >= 0 && groupCurrency[g] !== currency) {
      last = g;
      g = nextGroup[g] as number;
    }
    if (g < 0) {
      g = groupCustomer.length;
      groupCustomer.push(customer);
      groupCurrency.push(currency);
      nextGroup.push(-1);
      if (last < 0) firstGroup[customer] = g;
      else nextGroup[last] = g;
    }
    chargedAt[count] = i;
    chargedGroup[count] = g;
    days[count] = out.days;
    rate[count] = out.ratePct;
    interest[count] = out.interestMinor;
    count++;
  });
  if (errors.length > 0) return fail(...errors);
  // Lines note by note, each note's in ledger order (a stable counting sort by group).
  const groups = groupCustomer.length;
  const start = new Int32Array(groups + 1);
  for (let j = 0; j < count; j++) {
    const g = (chargedGroup[j] as number) + 1;
    start[g] = (start[g] as number) + 1;
  }
  for (let g = 0; g < groups; g++) start[g + 1] = (start[g + 1] as number) + (start[g] as number);
  const fill = start.slice(0, groups);
  const at = new Int32Array(count);
  const lineDays = new Float64Array(count);
  const lineRate = new Float64Array(count);
  const lineInterest = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const g = chargedGroup[j] as number;
    const to = fill[g] as number;
    fill[g] = to + 1;
    at[to] = chargedAt[j] as number;
    lineDays[to] = days[j] as number;
    lineRate[to] = rate[j] as number;
    lineInterest[to] = interest[j] as number;
  }
  const notes: InterestChargeGroup[] = [];
  for (let g = 0; g < groups; g++) {
    const from = start[g] as number;
    const to = start[g + 1] as number;
    // Summed in line order, as buildNote sums a note's lines.
    let sum = 0;
    for (let j = from; j < to; j++) sum += lineInterest[j] as number;
    const customer = ledger.customers[groupCustomer[g] as number] as string;
    const currency = ledger.currencies[groupCurrency[g] as number] as string;
    if (checkTotals && !Number.isSafeInteger(sum)) {
      return fail(ccError("interest_must_fit_in_2_53_minor_units", { case: "customer", customer, currency: currency || "none" }, { table: TABLE, row: ledger.row[at[to - 1] as number] as number, column: "Amount" }));
    }
    notes.push({ customer, currency, start: from, end: to, totalMinor: sum });
  }
  return ok({ at, days: lineDays, ratePct: lineRate, interestMinor: lineInterest, notes });
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
