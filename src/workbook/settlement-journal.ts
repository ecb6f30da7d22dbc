/**
 * The `Settlement journal` sheet: journal lines as a 2-D table with a header, and back. Reading the
 * sheet back gives the history that unapply needs (CorrectsJournalId marks the reversals).
 */
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import type { AccountType, JournalLine } from "../domain/journal";
import { exponentOf, minorToNumber } from "../domain/money";
import { RowReader } from "./cells";
import { type ColumnSpec, MAX_ERRORS, matchTable, trimBlankRows } from "./table";
import { dropUndefined } from "./transactions";

export const JOURNAL_HEADER = [
  "JournalId", "Line", "Date", "Customer", "Voucher", "OffsetVoucher", "Amount", "Currency", "AccountingAmount",
  "AccountingCurrency", "AccountType", "AccountRole", "Reason", "LinkId", "CorrectsJournalId",
] as const;

/**
 * @example journalTable(posted.journal.lines)[1]
 * // ["SET-…", 1, 42302, "2050", "Invoice 1", "(payment)", -100, "USD", -100, "USD", "Customer", "Customer", "Settled", "LNK-…", ""]
 */
export function journalTable(lines: readonly JournalLine[]): (string | number)[][] {
  const out: (string | number)[][] = new Array(lines.length + 1);
  out[0] = [...JOURNAL_HEADER];
  const row = journalRows();
  for (let i = 0; i < lines.length; i++) out[i + 1] = row(lines[i] as JournalLine);
  return out;
}

/**
 * The row of one journal line as `journalTable` writes it. The function returned remembers the last
 * currencies' exponents: a journal has a currency or a few, so each is looked up once per change.
 */
export function journalRows(): (l: JournalLine) => (string | number)[] {
  let currency: string | undefined;
  let e = 2;
  let accounting: string | undefined;
  let ae = 2;
  return (l) => {
    if (l.currency !== currency) e = exponentOf((currency = l.currency));
    if (l.accountingCurrency !== accounting) ae = exponentOf((accounting = l.accountingCurrency));
    return [
      l.journalId, l.lineNumber, l.dateSerial, l.customer, l.voucher, l.offsetVoucher,
      minorToNumber(l.amountMinor, e), l.currency,
      minorToNumber(l.accountingMinor, ae), l.accountingCurrency,
      l.accountType, l.accountRole, l.reason, l.linkId, l.correctsJournalId ?? "",
    ];
  };
}

const SPECS: readonly ColumnSpec[] = JOURNAL_HEADER.map((h) => ({ key: h, header: h, required: h !== "CorrectsJournalId" && h !== "Reason" }));

/** Read a `Settlement journal` sheet back into lines (the history for unapply). */
export function readJournalLines(range: unknown, name = "journal"): Result<JournalLine[]> {
  const matched = matchTable(range, SPECS, name);
  if (!matched.ok) return matched;
  const table = { ...matched.value, rows: trimBlankRows(matched.value.rows) };
  const r = new RowReader(table);
  const out: JournalLine[] = [];
  const errors: CcError[] = r.errors;
  for (let i = 0; i < table.rows.length && errors.length < MAX_ERRORS; i++) {
    r.at(i);
    const currency = (r.text("Currency") ?? "").toUpperCase();
    const accountingCurrency = (r.text("AccountingCurrency") ?? "").toUpperCase();
    const amountMinor = r.money("Amount", exponentOf(currency), true);
    const accountingMinor = r.money("AccountingAmount", exponentOf(accountingCurrency), true);
    const accountType = r.choice<AccountType>("AccountType", ["Customer", "Ledger"]);
    const line = {
      journalId: r.text("JournalId", true), lineNumber: r.number("Line", true), dateSerial: r.date("Date", true),
      customer: r.text("Customer") ?? "", voucher: r.text("Voucher", true), offsetVoucher: r.text("OffsetVoucher") ?? "",
      amountMinor, currency, accountingMinor, accountingCurrency, accountType, accountRole: r.text("AccountRole", true),
      reason: r.text("Reason") ?? "", linkId: r.text("LinkId", true), correctsJournalId: r.text("CorrectsJournalId"),
    };
    if (accountType === undefined && !r.blank("AccountType")) continue;
    if (accountType === undefined) errors.push(ccError("accounttype_must_not_be_blank", {}, { table: name, row: r.rowNumber, column: "AccountType" }));
    if (Object.entries(line).some(([k, v]) => v === undefined && k !== "correctsJournalId")) continue;
    out.push(dropUndefined(line) as JournalLine);
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}
