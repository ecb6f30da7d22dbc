/**
 * Collection letters (docs/domain.md §6.4): a sequence of up to five letter codes, each with a fee,
 * a minimum overdue balance and grace days. Letter 1 is due when an item is more than its grace
 * days past its due date; each later letter when more than its grace days have passed since the
 * previous letter. A letter may block the customer. Letters are per customer and currency.
 */
import { isoFromSerial } from "../dates";
import { type CcError, ccError, fail, ok, type Result } from "../errors";
import { exponentOf, parseMoney } from "../money";
import { forEachRow, type LedgerColumns, type LedgerRow } from "../ledger";
import type { Transaction } from "../types";

export const MAX_LETTERS = 5;

export interface LetterCode {
  readonly code: string;
  /** The fee charged with the letter, in major units of each customer's currency (0 = none). */
  readonly fee: number;
  /** The letter is sent only when the overdue balance is at least this (major units). */
  readonly minOverdue: number;
  readonly graceDays: number;
  /** Sending this letter blocks the customer. */
  readonly block: boolean;
}

export interface SentLetter {
  readonly customer: string;
  /** "" applies to every currency of the customer. */
  readonly currency: string;
  readonly code: string;
  readonly dateSerial: number;
  readonly row: number;
}

export interface LetterOptions {
  /** Do not net open payments and credit notes against the overdue balance. */
  readonly ignorePaymentsAndCreditNotes?: boolean;
  /**
   * List each letter's overdue vouchers (default true). CC.LETTERS tables none: false skips
   * collecting a voucher per overdue item; the letters are the same, with `vouchers` empty.
   */
  readonly vouchers?: boolean;
}

export interface LetterDue {
  readonly customer: string;
  readonly currency: string;
  /** 1-based position in the sequence. */
  readonly level: number;
  readonly code: string;
  readonly feeMinor: number;
  readonly overdueMinor: number;
  readonly block: boolean;
  /** Why the letter is due, in a sentence (English: the CC.LETTERS column). */
  readonly reason: string;
  /**
   * The same, as figures for a sentence in another language: `days` since the oldest item fell
   * due (first letter) or since letter `sinceLevel` was sent, against the step's grace days.
   */
  readonly basis: { readonly days: number; readonly graceDays: number; readonly sinceLevel?: number };
  /** The overdue items the letter is about. */
  readonly vouchers: readonly string[];
}

/** A customer and currency with overdue items; its sums are kept by index in number arrays (unboxed doubles). */
interface Account {
  readonly customer: string;
  readonly currency: string;
}

/**
 * The letter each customer and currency is due for at `asOfSerial`.
 * W1's letters (docs/domain.md §8) on the three invoices of W1.
 * @example
 * const sequence = [{ code: "L1", fee: 5, minOverdue: 50, graceDays: 10, block: false }, { code: "L2", fee: 10, minOverdue: 50, graceDays: 14, block: true }];
 * lettersDue(w1Items.slice(0, 3), 42302, sequence, []) // { ok: true, value: [{ customer: "2050", currency: "USD", level: 1, code: "L1", feeMinor: 500, overdueMinor: 35000, block: false, reason: "oldest item 41 days past due (grace 10)", basis: { days: 41, graceDays: 10 }, vouchers: ["Invoice 1", "Invoice 2"] }] } (on 2015-10-25; Invoice 3 is not due)
 * @example
 * const sequence = [{ code: "L1", fee: 5, minOverdue: 50, graceDays: 10, block: false }, { code: "L2", fee: 10, minOverdue: 50, graceDays: 14, block: true }];
 * const history = [{ customer: "2050", currency: "", code: "L1", dateSerial: 42297, row: 2 }];
 * lettersDue(w1Items.slice(0, 3), 42311, sequence, history).value // [] (on 2015-11-03, 14 days since L1: within L2's grace)
 * @example
 * const sequence = [{ code: "L1", fee: 5, minOverdue: 50, graceDays: 10, block: false }, { code: "L2", fee: 10, minOverdue: 50, graceDays: 14, block: true }];
 * const history = [{ customer: "2050", currency: "", code: "L1", dateSerial: 42297, row: 2 }];
 * lettersDue(w1Items.slice(0, 3), 42312, sequence, history).value.map((l) => [l.code, l.level, l.feeMinor, l.block, l.reason]) // [["L2", 2, 1000, true, "15 days since letter 1 (grace 14)"]] (on 2015-11-04)
 * @example lettersDue(w1Items, 42302, [], []).errors[0].code // "sequence_must_not_be_empty"
 */
export function lettersDue(
  transactions: readonly Transaction[] | LedgerColumns,
  asOfSerial: number,
  sequence: readonly LetterCode[],
  history: readonly SentLetter[],
  options: LetterOptions = {},
): Result<LetterDue[]> {
  const errors = checkSequence(sequence);
  const levelOf = new Map(sequence.map((c, i) => [c.code.toUpperCase(), i + 1]));
  const last = new Map<string, { level: number; dateSerial: number }>();
  for (const h of history) {
    if (h.dateSerial > asOfSerial) {
      errors.push(ccError("letter_date_must_not_be_after_as_of", { sent: isoFromSerial(h.dateSerial), asOf: isoFromSerial(asOfSerial) }, { table: "history", row: h.row, column: "Date" }));
      continue;
    }
    const level = levelOf.get(h.code.toUpperCase());
    if (level === undefined) {
      errors.push(ccError("letter_code_must_be_in_sequence", { code: h.code }, { table: "history", row: h.row, column: "Code" }));
      continue;
    }
    const k = `${h.customer}\u0000${h.currency}`;
    const prev = last.get(k);
    if (prev === undefined || h.dateSerial > prev.dateSerial || (h.dateSerial === prev.dateSerial && level > prev.level)) last.set(k, { level, dateSerial: h.dateSerial });
  }
  // Accounts (customer and currency) in the order first met, found by customer then currency: no
  // key string per row (on columns, by the interned customer's chain of accounts).
  const accounts: Account[] = [];
  const overdueDebit: number[] = [];
  const credit: number[] = [];
  const oldestDue: number[] = [];
  const vouchers: string[][] = [];
  const listVouchers = options.vouchers !== false;
  const accountOf = accountFinder(transactions, accounts, (t) => {
    accounts.push({ customer: t.customer, currency: t.currency });
    overdueDebit.push(0);
    credit.push(0);
    oldestDue.push(Infinity);
    vouchers.push([]);
  });
  // Records or columns (a full sheet): the same rule, row by row in order.
  let k = 0;
  forEachRow(transactions, (t) => {
    const i = k++;
    if (t.amountMinor === 0 || (t.dateSerial !== undefined && t.dateSerial > asOfSerial)) return;
    const a = accountOf(t, i);
    if (t.amountMinor < 0) {
      if (options.ignorePaymentsAndCreditNotes !== true) credit[a] = (credit[a] as number) + t.amountMinor;
      return;
    }
    // A disputed item or a promise not yet due is not chased (a broken promise is).
    if (t.status === "Disputed" || (t.status === "PromiseToPay" && (t.promiseSerial ?? Infinity) >= asOfSerial)) return;
    if (t.dueSerial === undefined) {
      errors.push(ccError("due_date_must_not_be_blank", { case: "letters" }, { table: "transactions", row: t.row, column: "DueDate" }));
      return;
    }
    if (t.dueSerial >= asOfSerial) return;
    overdueDebit[a] = (overdueDebit[a] as number) + t.amountMinor;
    oldestDue[a] = Math.min(oldestDue[a] as number, t.dueSerial);
    if (listVouchers) (vouchers[a] as string[]).push(t.voucher);
  });
  if (errors.length > 0) return fail(...errors);
  const out: LetterDue[] = [];
  const inCurrencyCache = new Map<string, Result<{ feeMinor: number; minOverdueMinor: number }>>();
  for (let id = 0; id < accounts.length; id++) {
    const a = accounts[id] as Account;
    const k = `${a.customer}\u0000${a.currency}`;
    const sent = last.get(k) ?? last.get(`${a.customer}\u0000`);
    const level = (sent?.level ?? 0) + 1;
    const letter = sequence[level - 1];
    if (letter === undefined || overdueDebit[id] === 0) continue;
    const overdueMinor = (overdueDebit[id] as number) + (credit[id] as number);
    const moneyKey = `${level}\u0000${a.currency}`;
    let money = inCurrencyCache.get(moneyKey);
    if (money === undefined) {
      money = inCurrency(letter, a.currency);
      inCurrencyCache.set(moneyKey, money);
      if (!money.ok) errors.push(...money.errors);
    }
    if (!money.ok) continue;
    if (overdueMinor <= 0 || overdueMinor < money.value.minOverdueMinor) continue;
    const fromSerial = sent === undefined ? (oldestDue[id] as number) : sent.dateSerial;
    const days = asOfSerial - fromSerial;
    if (days <= letter.graceDays) continue;
    const reason = sent === undefined ? `oldest item ${days} days past due (grace ${letter.graceDays})` : `${days} days since letter ${sent.level} (grace ${letter.graceDays})`;
    const basis = sent === undefined ? { days, graceDays: letter.graceDays } : { days, graceDays: letter.graceDays, sinceLevel: sent.level };
    out.push({ customer: a.customer, currency: a.currency, level, code: letter.code, feeMinor: money.value.feeMinor, overdueMinor, block: letter.block, reason, basis, vouchers: vouchers[id] as string[] });
  }
  if (errors.length > 0) return fail(...errors);
  out.sort((x, y) => (x.customer < y.customer ? -1 : x.customer > y.customer ? 1 : x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0));
  return ok(out);
}

/**
 * The index of the account of row `i` (`t`) in `accounts`, made by `make` when first met: by
 * customer text then currency for records, by interned customer then currency id for columns.
 */
function accountFinder(transactions: readonly Transaction[] | LedgerColumns, accounts: readonly Account[], make: (t: LedgerRow) => void): (t: LedgerRow, i: number) => number {
  if (Array.isArray(transactions)) {
    const byCustomer = new Map<string, number[]>();
    return (t) => {
      let mine = byCustomer.get(t.customer);
      if (mine === undefined) byCustomer.set(t.customer, (mine = []));
      for (let j = 0; j < mine.length; j++) if ((accounts[mine[j] as number] as Account).currency === t.currency) return mine[j] as number;
      const id = accounts.length;
      make(t);
      mine.push(id);
      return id;
    };
  }
  const { customerOf, currencyOf, customers } = transactions as LedgerColumns;
  // Per customer its first account; per account its currency and the customer's next account.
  const first = new Int32Array(customers.length).fill(-1);
  const currencyAt: number[] = [];
  const next: number[] = [];
  return (t, i) => {
    const currency = currencyOf[i] as number;
    let j = first[customerOf[i] as number] as number;
    let last = -1;
    while (j >= 0) {
      if (currencyAt[j] === currency) return j;
      last = j;
      j = next[j] as number;
    }
    const id = accounts.length;
    currencyAt.push(currency);
    next.push(-1);
    if (last < 0) first[customerOf[i] as number] = id;
    else next[last] = id;
    make(t);
    return id;
  };
}

/** A letter's fee and minimum in minor units of one currency (5.5 is not a JPY amount). */
function inCurrency(letter: LetterCode, currency: string): Result<{ feeMinor: number; minOverdueMinor: number }> {
  const exponent = exponentOf(currency);
  const fee = parseMoney(letter.fee, exponent);
  const min = parseMoney(letter.minOverdue, exponent);
  const errors: CcError[] = [];
  if (!fee.ok) errors.push(ccError("fee_must_fit_currency", { case: "letter", value: letter.fee, currency: currency || "none", reason: fee.reason }, { table: "sequence", column: "Fee" }));
  if (!min.ok) errors.push(ccError("min_overdue_must_fit_currency", { value: letter.minOverdue, currency: currency || "none", reason: min.reason }, { table: "sequence", column: "MinOverdue" }));
  if (!fee.ok || !min.ok) return fail(...errors);
  return ok({ feeMinor: fee.minor, minOverdueMinor: min.minor });
}

function checkSequence(sequence: readonly LetterCode[]): CcError[] {
  const errors: CcError[] = [];
  const where = { table: "sequence" };
  if (sequence.length === 0) errors.push(ccError("sequence_must_not_be_empty", {}, where));
  if (sequence.length > MAX_LETTERS) errors.push(ccError("sequence_must_have_at_most_5_letters", { count: sequence.length, max: MAX_LETTERS }, where));
  const seen = new Map<string, number>();
  sequence.forEach((c, i) => {
    const row = { ...where, row: i + 2 };
    if (c.code.trim() === "") errors.push(ccError("letter_code_must_not_be_blank", {}, { ...row, column: "Code" }));
    const first = seen.get(c.code.toUpperCase());
    // The history names letters by code: two rows with one code would make the level depend on row order.
    if (first !== undefined) errors.push(ccError("letter_code_must_be_unique", { code: c.code, first }, { ...row, column: "Code" }));
    else seen.set(c.code.toUpperCase(), i + 2);
    if (!Number.isInteger(c.graceDays) || c.graceDays < 0) errors.push(ccError("grace_days_must_be_a_whole_number", { value: c.graceDays }, { ...row, column: "GraceDays" }));
    if (!(c.fee >= 0))  errors.push(ccError("fee_must_not_be_negative", { case: "cell" }, { ...row, column: "Fee" }));
    if (!(c.minOverdue >= 0))  errors.push(ccError("min_overdue_must_not_be_negative", {}, { ...row, column: "MinOverdue" }));
  });
  return errors;
}
