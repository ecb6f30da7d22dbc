/**
 * A collections journal range (the `Write-off journal` sheet's columns: write-offs, interest notes,
 * fees, corrections, NSF cancellations) read back into journal lines, so that a charge journal on a
 * sheet can be waived, reinstated or reversed, and correction lines already posted can be read.
 * `readCollectionsJournal(writeOffJournalTable(lines))` gives `lines` back exactly.
 *
 * A row whose cells are all plain (clean text, numbers that are exact amounts, whole line numbers,
 * date serials, known currencies) is read by a fast path with its column indexes resolved once; any
 * other row goes through `ruleLine`, the one rule, so that a bad cell is the same error (code,
 * message, table, row, column) in the same order as before. Both make the record with `line`.
 */
import type { CollectionsLine } from "../domain/collections";
import { MAX_SERIAL, MIN_SERIAL, OFFSET_1904 } from "../domain/dates";
import { fail, ok, type Result } from "../domain/errors";
import type { AccountType } from "../domain/journal";
import { currencyExponent, exponentOf, MAX_MINOR, minorFromNumber, NO_CURRENCY, pow10 } from "../domain/money";
import { float64Column, int32Column, uint8Column } from "./_lib/column-pool";
import { matchChoice, type ReadOptions, RowReader } from "./cells";
import { type ColumnSpec, excelErrorOf, isBlank, MAX_ERRORS, type MatchedTable, matchTable, plainText, trimBlankRows } from "./table";

const LINE_TYPES = ["Customer", "Ledger", "SalesTax"] as const;
type LineType = (typeof LINE_TYPES)[number];

const REQUIRED = new Set(["JournalId", "Line", "Date", "LineType", "Customer", "Currency", "Voucher", "AccountingAmount", "AccountingCurrency", "AccountRole", "LinkId"]);

const HEADERS = [
  "JournalId", "Line", "Date", "LineType", "Customer", "Currency", "Dimension", "PostingProfile", "TaxAccount", "TaxCode", "Debit", "Credit", "Reason",
  "Account", "Voucher", "OffsetVoucher", "AccountingAmount", "AccountingCurrency", "AccountRole", "LinkId", "CorrectsJournalId",
] as const;

const COLUMNS: readonly ColumnSpec[] = HEADERS.map((h) => ({ key: h, header: h, ...(REQUIRED.has(h) ? { required: true } : {}), ...(h === "Debit" || h === "Credit" ? { required: true } : {}) }));

/** Options of `readCollectionsJournal`. */
export interface CollectionsJournalOptions extends ReadOptions {
  /** The table's name in errors ("journal" when absent). */
  readonly name?: string;
  /** Read every row by the rule, without the fast path (for tests that compare the two). */
  readonly byRule?: boolean;
}

/**
 * Read a journal in the `Write-off journal` shape. Debit and Credit: exactly one of them on each
 * line (a zero line is Debit 0); the amount is Debit − Credit. A Customer line is on the customer
 * account, Ledger and SalesTax lines on a ledger account.
 * @example readCollectionsJournal(writeOffJournalTable(note.journal)) // ok(note.journal)
 */
export function readCollectionsJournal(range: unknown, options: CollectionsJournalOptions = {}): Result<CollectionsLine[]> {
  const read = readJournalLines(range, options);
  if (!read.ok) return read;
  const lines = read.value;
  const out = new Array<CollectionsLine>(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = lines.at(i);
  return ok(out);
}

/** The lines of a journal range, each made when asked for (a fast-path line is a few numbers and its row until then). */
export interface JournalLines {
  readonly length: number;
  /** Line `i`, a new record on each call, exactly as `readCollectionsJournal` gives it. */
  at(i: number): CollectionsLine;
}

/**
 * `readCollectionsJournal` without a record per line: the same checks and errors, and each line
 * made by `at` when a caller asks for it (CC.CHARGECORRECTION reads a million-line journal this way,
 * keeping a few numbers a line instead of a twenty-field record). The lines' columns may come
 * from the column pool: use them within the call that read them.
 * @example readJournalLines(writeOffJournalTable(note.journal)).value.at(1).accountRole // "Interest"
 */
export function readJournalLines(range: unknown, options: CollectionsJournalOptions = {}): Result<JournalLines> {
  const matched = matchTable(range, COLUMNS, options.name ?? "journal");
  if (!matched.ok) return matched;
  const table: MatchedTable = { ...matched.value, rows: trimBlankRows(matched.value.rows) };
  const r = new RowReader(table, options);
  const n = table.rows.length;
  const errors = r.errors;
  const fast = fastReader(table, options, n);
  // Lines the rule read, by line index (a fast line is in the fast reader's columns).
  const ruleLines = new Map<number, CollectionsLine>();
  const out: CollectionsLine[] = [];
  let fastOn = options.byRule !== true;
  let length = 0;
  // Module bindings read once: in the loop each would be a read through the module object.
  const maxErrors = MAX_ERRORS;
  for (let i = 0; i < n && errors.length < maxErrors; i++) {
    if (fastOn && fast.read(i, length)) {
      length++;
      continue;
    }
    const before = errors.length;
    r.at(i);
    // The rule's reader tallies amounts itself: first give it what the fast path counted since.
    if (fastOn) fast.handOver(r);
    ruleLine(r, out);
    if (errors.length > before) {
      // After an error the rest is read by the rule alone: its tally is then the only one.
      fastOn = false;
      continue;
    }
    const l = out.pop() as CollectionsLine;
    fast.counted(l, i);
    ruleLines.set(length++, l);
  }
  if (errors.length > 0) return fail(...errors);
  const lineAt = fast.line;
  return ok({ length, at: ruleLines.size === 0 ? lineAt : (i: number) => ruleLines.get(i) ?? lineAt(i) });
}

/** The record of a line, in the order of fields the reader always gave (CorrectsJournalId only when the cell has one). */
function line(
  journalId: string, lineNumber: number, dateSerial: number, customer: string, voucher: string, offsetVoucher: string, amountMinor: number, currency: string, accountingMinor: number,
  accountingCurrency: string, accountRole: string, reason: string, linkId: string, correctsJournalId: string | undefined, lineType: LineType,
  dimension: string, postingProfile: string, account: string, taxCode: string,
): CollectionsLine {
  // A Customer line is on the customer account, Ledger and SalesTax lines on a ledger account.
  const accountType: AccountType = lineType === "Customer" ? "Customer" : "Ledger";
  return correctsJournalId === undefined
    ? { journalId, lineNumber, dateSerial, customer, voucher, offsetVoucher, amountMinor, currency, accountingMinor, accountingCurrency, accountType, accountRole, reason, linkId, lineType, dimension, postingProfile, account, taxCode }
    : { journalId, lineNumber, dateSerial, customer, voucher, offsetVoucher, amountMinor, currency, accountingMinor, accountingCurrency, accountType, accountRole, reason, linkId, correctsJournalId, lineType, dimension, postingProfile, account, taxCode };
}

/** The rule: one row read cell by cell through the RowReader; pushes the line, or records errors. */
function ruleLine(r: RowReader, out: CollectionsLine[]): void {
  const { code: currency, exponent } = r.currency("Currency");
  const { code: accountingCurrency, exponent: accExp } = r.currency("AccountingCurrency");
  const debit = r.money("Debit", exponent ?? 2);
  const credit = r.money("Credit", exponent ?? 2);
  if (debit !== undefined && credit !== undefined) r.error("Credit", "debit_or_credit_must_be_blank", {});
  if (r.blank("Debit") && r.blank("Credit")) r.error("Debit", "debit_or_credit_must_not_be_blank", {});
  const lineType = r.choice("LineType", LINE_TYPES);
  if (lineType === undefined && r.blank("LineType")) r.error("LineType", "line_type_must_not_be_blank", {});
  const lineNumber = r.number("Line", true);
  if (lineNumber !== undefined && (!Number.isInteger(lineNumber) || lineNumber < 1)) r.error("Line", "line_must_be_a_whole_number", { value: lineNumber });
  // Each cell read in the order of the record's fields (the order its errors are reported in).
  const journalId = r.text("JournalId", true);
  const dateSerial = r.date("Date", true);
  const customer = r.text("Customer", true);
  const voucher = r.text("Voucher", true);
  const offsetVoucher = r.text("OffsetVoucher") ?? "";
  const amountMinor = debit !== undefined && credit === undefined ? debit : credit !== undefined && debit === undefined ? -credit : undefined;
  const accountingMinor = r.money("AccountingAmount", accExp ?? exponentOf(currency), true);
  const accountRole = r.text("AccountRole", true);
  const reason = r.text("Reason") ?? "";
  const linkId = r.text("LinkId", true);
  const correctsJournalId = r.text("CorrectsJournalId");
  const dimension = r.text("Dimension") ?? "";
  const postingProfile = r.text("PostingProfile") ?? "";
  const account = r.text("Account") ?? r.text("TaxAccount") ?? "";
  const taxCode = r.text("TaxCode") ?? "";
  if (exponent === undefined || accExp === undefined) return;
  if (journalId === undefined || lineNumber === undefined || dateSerial === undefined || customer === undefined || voucher === undefined || amountMinor === undefined) return;
  if (accountingMinor === undefined || accountRole === undefined || linkId === undefined || lineType === undefined) return;
  out.push(line(journalId, lineNumber, dateSerial, customer, voucher, offsetVoucher, amountMinor, currency, accountingMinor, accountingCurrency, accountRole, reason, linkId, correctsJournalId, lineType, dimension, postingProfile, account, taxCode));
}

interface FastReader {
  /** Row `i` by the fast path, kept as line `k`; false when a cell needs the rule (nothing was kept or counted then). */
  read(i: number, k: number): boolean;
  /** The record of fast line `k`, as the rule makes it. */
  line(k: number): CollectionsLine;
  /** Give the rule's reader the amounts the fast path counted since the last hand-over. */
  handOver(r: RowReader): void;
  /** Count the amounts of a line the rule read from row `i` without an error. */
  counted(l: CollectionsLine, i: number): void;
}


const NO_CELLS: readonly unknown[] = [];

/** A currency cell's code and the factor of its minor units. */
interface Currency {
  readonly id: number;
  readonly code: string;
  readonly exponent: number;
  readonly factor: number;
}

/** Most distinct Currency and LineType texts remembered (a column of many distinct bad texts goes to the rule). */
const MAX_REMEMBERED = 1000;

/** The fast path over `table`'s rows, with every column index resolved once. */
function fastReader(table: MatchedTable, options: ReadOptions, capacity: number): FastReader {
  const col = (k: string): number => table.index.get(k) ?? -1;
  const cJournal = col("JournalId");
  const cLine = col("Line");
  const cDate = col("Date");
  const cLineType = col("LineType");
  const cCustomer = col("Customer");
  const cCurrency = col("Currency");
  const cDimension = col("Dimension");
  const cProfile = col("PostingProfile");
  const cTaxAccount = col("TaxAccount");
  const cTaxCode = col("TaxCode");
  const cDebit = col("Debit");
  const cCredit = col("Credit");
  const cReason = col("Reason");
  const cAccount = col("Account");
  const cVoucher = col("Voucher");
  const cOffset = col("OffsetVoucher");
  const cAccounting = col("AccountingAmount");
  const cAccCurrency = col("AccountingCurrency");
  const cRole = col("AccountRole");
  const cLink = col("LinkId");
  const cCorrects = col("CorrectsJournalId");
  const extras = table.extras.map((e) => e.index);
  const rows = table.rows;
  const offset = options.dateSystem === "1904" ? OFFSET_1904 : 0;
  const isPlain = plainText;
  const fromNumber = minorFromNumber;
  const errorOf = excelErrorOf;
  const maxMinor = MAX_MINOR;
  const minSerial = MIN_SERIAL;
  const maxSerial = MAX_SERIAL;

  const currencies = new Map<string, Currency | null>();
  const currencyList: Currency[] = [];
  let lastCurrencyText: unknown;
  let lastCurrency: Currency | null = null;
  /** A Currency cell's currency, or null when the rule must read it (blank reads as no currency). */
  const currencyOf = (v: unknown): Currency | null => {
    if (v === lastCurrencyText) return lastCurrency;
    const text = v === null || v === undefined || v === "" ? NO_CURRENCY : isPlain(v) ? v : undefined;
    if (text === undefined) return null;
    let known = currencies.get(text);
    if (known === undefined) {
      if (currencies.size >= MAX_REMEMBERED) return null;
      const code = text.toUpperCase();
      const exponent = currencyExponent(code);
      known = exponent === undefined ? null : { id: currencyList.length, code, exponent, factor: pow10(exponent) };
      if (known !== null) currencyList.push(known);
      currencies.set(text, known);
    }
    lastCurrencyText = v;
    lastCurrency = known;
    return known;
  };
  const lineTypes = new Map<string, LineType | null>();
  let lastTypeText: unknown;
  let lastType: LineType | null = null;
  const lineTypeOfCell = (v: unknown): LineType | null => {
    if (v === lastTypeText) return lastType;
    if (!isPlain(v)) return null;
    let t = lineTypes.get(v);
    if (t === undefined) {
      if (lineTypes.size >= MAX_REMEMBERED) return null;
      t = matchChoice(v, LINE_TYPES) ?? null;
      lineTypes.set(v, t);
    }
    lastTypeText = v;
    lastType = t;
    return t;
  };
  /** An optional text cell: itself when plain, "" when blank, undefined when the rule must read it. */
  const optional = (row: readonly unknown[], c: number): string | undefined => {
    if (c < 0) return "";
    const v = row[c];
    if (v === null || v === undefined || v === "") return "";
    return isPlain(v) ? v : undefined;
  };

  // What a fast line keeps: its row, amounts, date, currencies and line type (its text cells are
  // plain, so the record takes them from the row as they are).
  const rowOf = int32Column(capacity);
  const amountOf = float64Column(capacity);
  const accountingOf = float64Column(capacity);
  const dateOf = float64Column(capacity);
  const currencyIdOf = int32Column(capacity);
  const accountingCurrencyIdOf = int32Column(capacity);
  const lineTypeOf = uint8Column(capacity);

  // Per money column, the sum of the magnitudes read (the rule's RowReader.tally), and how much of
  // it the rule's reader was given.
  let debits = 0;
  let credits = 0;
  let accounting = 0;
  let debitsGiven = 0;
  let creditsGiven = 0;
  let accountingGiven = 0;

  const read = (i: number, k: number): boolean => {
    // A hole of a sparse range reads as a blank row (the rule's reader does the same).
    const row = (rows[i] ?? NO_CELLS) as readonly unknown[];
    const journalId = row[cJournal];
    const customer = row[cCustomer];
    const voucher = row[cVoucher];
    const role = row[cRole];
    const link = row[cLink];
    if (!isPlain(journalId) || !isPlain(customer) || !isPlain(voucher) || !isPlain(role) || !isPlain(link)) return false;
    const cur = currencyOf(row[cCurrency]);
    if (cur === null) return false;
    const acc = currencyOf(row[cAccCurrency]);
    if (acc === null) return false;
    // Exactly one of Debit and Credit: a number of whole minor units; the other blank.
    const d = row[cDebit];
    const c = row[cCredit];
    let amount: number;
    let fromDebit: boolean;
    if (typeof d === "number") {
      if (!(c === null || c === undefined || c === "")) return false;
      amount = fromNumber(d, cur.factor);
      fromDebit = true;
    } else if (typeof c === "number") {
      if (!(d === null || d === undefined || d === "")) return false;
      amount = fromNumber(c, cur.factor);
      fromDebit = false;
    } else return false;
    if (amount !== amount) return false;
    const lineType = lineTypeOfCell(row[cLineType]);
    if (lineType === null) return false;
    const lineNumber = row[cLine];
    if (typeof lineNumber !== "number" || !Number.isInteger(lineNumber) || lineNumber < 1 || lineNumber >= 1e15) return false;
    const date = row[cDate];
    if (typeof date !== "number" || !(date >= minSerial - offset && date < maxSerial - offset + 1)) return false;
    const dateSerial = Math.floor(date) + offset;
    const offsetVoucher = optional(row, cOffset);
    if (offsetVoucher === undefined) return false;
    const a = row[cAccounting];
    if (typeof a !== "number") return false;
    const accountingMinor = fromNumber(a, acc.factor);
    if (accountingMinor !== accountingMinor) return false;
    const reason = optional(row, cReason);
    const correctsCell = optional(row, cCorrects);
    const dimension = optional(row, cDimension);
    const postingProfile = optional(row, cProfile);
    const account = optional(row, cAccount);
    const taxAccount = optional(row, cTaxAccount);
    const taxCode = optional(row, cTaxCode);
    if (reason === undefined || correctsCell === undefined || dimension === undefined || postingProfile === undefined || account === undefined || taxAccount === undefined || taxCode === undefined) return false;
    // Columns no reader reads: refused only for an Excel error value, as the rule's checkRow does.
    for (let e = 0; e < extras.length; e++) if (errorOf(row[extras[e] as number]) !== undefined) return false;
    // The row is valid. Its amounts count towards their columns' 2^53 limits; the row that would
    // pass one goes to the rule, which refuses it.
    const magnitude = amount < 0 ? -amount : amount;
    const nextDebits = fromDebit ? debits + magnitude : debits;
    const nextCredits = fromDebit ? credits : credits + magnitude;
    const nextAccounting = accounting + (accountingMinor < 0 ? -accountingMinor : accountingMinor);
    if (nextDebits > maxMinor || nextCredits > maxMinor || nextAccounting > maxMinor) return false;
    debits = nextDebits;
    credits = nextCredits;
    accounting = nextAccounting;
    rowOf[k] = i;
    amountOf[k] = fromDebit ? amount : -amount;
    accountingOf[k] = accountingMinor;
    dateOf[k] = dateSerial;
    currencyIdOf[k] = cur.id;
    accountingCurrencyIdOf[k] = acc.id;
    lineTypeOf[k] = LINE_TYPES.indexOf(lineType);
    return true;
  };
  const lineAt = (k: number): CollectionsLine => {
    const row = rows[rowOf[k] as number] as readonly unknown[];
    const lineType = LINE_TYPES[lineTypeOf[k] as number] as LineType;
    const corrects = optional(row, cCorrects) as string;
    const account = optional(row, cAccount) as string;
    return line(
      row[cJournal] as string, row[cLine] as number, dateOf[k] as number, row[cCustomer] as string, row[cVoucher] as string, optional(row, cOffset) as string, amountOf[k] as number,
      (currencyList[currencyIdOf[k] as number] as Currency).code, accountingOf[k] as number, (currencyList[accountingCurrencyIdOf[k] as number] as Currency).code,
      row[cRole] as string, optional(row, cReason) as string, row[cLink] as string, corrects === "" ? undefined : corrects, lineType,
      optional(row, cDimension) as string, optional(row, cProfile) as string, account === "" ? (optional(row, cTaxAccount) as string) : account, optional(row, cTaxCode) as string,
    );
  };
  return {
    read,
    line: lineAt,
    handOver(r: RowReader): void {
      if (debits > debitsGiven) r.tally("Debit", debits - debitsGiven);
      if (credits > creditsGiven) r.tally("Credit", credits - creditsGiven);
      if (accounting > accountingGiven) r.tally("AccountingAmount", accounting - accountingGiven);
      debitsGiven = debits;
      creditsGiven = credits;
      accountingGiven = accounting;
    },
    counted(l: CollectionsLine, i: number): void {
      const row = (rows[i] ?? NO_CELLS) as readonly unknown[];
      const c = row[cCredit];
      // A line read without an error has exactly one of Debit and Credit.
      const fromCredit = !isBlank(c);
      if (fromCredit) credits += Math.abs(l.amountMinor);
      else debits += Math.abs(l.amountMinor);
      accounting += Math.abs(l.accountingMinor);
      debitsGiven = debits;
      creditsGiven = credits;
      accountingGiven = accounting;
    },
  };
}
