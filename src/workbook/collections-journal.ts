/**
 * A collections journal range (the `Write-off journal` sheet's columns: write-offs, interest notes,
 * fees, corrections, NSF cancellations) read back into journal lines, so that a charge journal on a
 * sheet can be waived, reinstated or reversed, and correction lines already posted can be read.
 * `readCollectionsJournal(writeOffJournalTable(lines))` gives `lines` back exactly.
 */
import type { CollectionsLine } from "../domain/collections";
import { type Result } from "../domain/errors";
import type { AccountType } from "../domain/journal";
import { exponentOf } from "../domain/money";
import { readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";

const LINE_TYPES = ["Customer", "Ledger", "SalesTax"] as const;

const REQUIRED = new Set(["JournalId", "Line", "Date", "LineType", "Customer", "Currency", "Voucher", "AccountingAmount", "AccountingCurrency", "AccountRole", "LinkId"]);

const COLUMNS: readonly ColumnSpec[] = [
  "JournalId", "Line", "Date", "LineType", "Customer", "Currency", "Dimension", "PostingProfile", "TaxAccount", "TaxCode", "Debit", "Credit", "Reason",
  "Account", "Voucher", "OffsetVoucher", "AccountingAmount", "AccountingCurrency", "AccountRole", "LinkId", "CorrectsJournalId",
].map((h) => ({ key: h, header: h, ...(REQUIRED.has(h) ? { required: true } : {}), ...(h === "Debit" || h === "Credit" ? { required: true } : {}) }));

/**
 * Read a journal in the `Write-off journal` shape. Debit and Credit: exactly one of them on each
 * line (a zero line is Debit 0); the amount is Debit − Credit. A Customer line is on the customer
 * account, Ledger and SalesTax lines on a ledger account.
 * @example readCollectionsJournal(writeOffJournalTable(note.journal)) // ok(note.journal)
 */
export function readCollectionsJournal(range: unknown, options: ReadOptions & { name?: string } = {}): Result<CollectionsLine[]> {
  const matched = matchTable(range, COLUMNS, options.name ?? "journal");
  if (!matched.ok) return matched;
  return readEachRow<CollectionsLine>(matched.value, options, (r, out) => {
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
    const accountType: AccountType = lineType === "Customer" ? "Customer" : "Ledger";
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
    // One record a line, made once (CorrectsJournalId only when the cell has one), fields in the
    // order the reader always gave them.
    out.push(
      correctsJournalId === undefined
        ? { journalId, lineNumber, dateSerial, customer, voucher, offsetVoucher, amountMinor, currency, accountingMinor, accountingCurrency, accountType, accountRole, reason, linkId, lineType, dimension, postingProfile, account, taxCode }
        : { journalId, lineNumber, dateSerial, customer, voucher, offsetVoucher, amountMinor, currency, accountingMinor, accountingCurrency, accountType, accountRole, reason, linkId, correctsJournalId, lineType, dimension, postingProfile, account, taxCode },
    );
  });
}
