/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
/**
 * Charge journals for analysts: CC.INTERESTJOURNAL (the journal posting CC.INTEREST's notes would
 * write) and CC.CHARGECORRECTION (waive, reinstate or reverse interest notes and fees). Both spill
 * the `Write-off journal` sheet's columns, so a spilled journal can be pasted under that sheet or
 * fed back as `chargeJournal` / `posted`.
 */
import { type ChargeCorrectionKind, correctChargesWith, interestNotes } from "../domain/collections";
import { CcInputError, ccError, unwrap } from "../domain/errors";
import { matchChoice } from "../workbook/cells";
import { readCollectionsJournal, readJournalLines } from "../workbook/collections-journal";
import { readInterestCode } from "../workbook/collections-interest";
import { readLedger } from "../workbook/ledger";
import { readOptions } from "../workbook/options";
import { journalRowWriter, splitList, WRITEOFF_JOURNAL_HEADER, writeOffJournalTable } from "../workbook/writeoff";
import { absent, dateArg, flatValues, optionalText, runFunction } from "./_lib/adapter";

/**
 * The interest-note journal that posting CC.INTEREST's notes would write (the Write-off journal's columns).
 * @customfunction INTERESTJOURNAL
 * @param transactions Range with a header row: Customer, Voucher, Type, Amount, DueDate (and Date for codes counting from the transaction date).
 * @param asOf The date the interest is computed at (the notes' date).
 * @param code Rows of FromMonth and PercentPerMonth (tiers), or a flat code: Percent, MinDays, Basis.
 * @param [options] Name/Value rows: InterestOnInterest (TRUE/FALSE), InterestAccount (default InterestIncome).
 * @returns JournalId, Line, Date, LineType, Customer, Currency, ..., Debit, Credit, Reason, Account, Voucher, OffsetVoucher, AccountingAmount, AccountingCurrency, AccountRole, LinkId, CorrectsJournalId.
 */
export function interestjournal(transactions: any[][], asOf: any, code: any[][], options?: any[][]): any[][] {
  return runFunction(() => interestJournalFunction(transactions, asOf, code, options ?? null));
}

export function interestJournalFunction(transactions: unknown, asOf: unknown, code: unknown, options: unknown): (string | number)[][] {
  const asOfSerial = dateArg(asOf, "asOf");
  const parsed = unwrap(readInterestCode(code));
  const opts = unwrap(readOptions(options, { InterestOnInterest: { kind: "bool" }, InterestAccount: { kind: "text" } }));
  const ledger = unwrap(readLedger(transactions));
  const account = opts["InterestAccount"];
  const notes = unwrap(
    interestNotes(ledger, asOfSerial, parsed, {
      interestOnInterest: opts["InterestOnInterest"] === true,
      ...(typeof account === "string" && account !== "" ? { interestAccount: account } : {}),
    }),
  );
  return writeOffJournalTable(notes.flatMap((n) => n.journal));
}

const KINDS: readonly ChargeCorrectionKind[] = ["Waive", "Reinstate", "Reverse"];

/**
 * Waives, reinstates or reverses interest notes and fees: the correction journal, each line naming the journal it corrects.
 * @customfunction CHARGECORRECTION
 * @param chargeJournal The charge journal lines (interest notes, fees) in the Write-off journal's columns.
 * @param kind "Waive", "Reinstate" or "Reverse".
 * @param date The correction's date.
 * @param reason The reason code (required).
 * @param [vouchers] Waive or reinstate only the interest of these charged transactions (a range or a list separated by commas).
 * @param [posted] Correction lines already posted, in the same columns: a second waive of a waived charge is refused.
 * @returns The correction journal in the Write-off journal's columns, CorrectsJournalId on every line.
 */
export function chargecorrection(chargeJournal: any[][], kind: any, date: any, reason: any, vouchers?: any[][], posted?: any[][]): any[][] {
  return runFunction(() => chargeCorrectionFunction(chargeJournal, kind, date, reason, vouchers ?? null, posted ?? null));
}

export function chargeCorrectionFunction(chargeJournal: unknown, kind: unknown, date: unknown, reason: unknown, vouchers: unknown, posted: unknown): (string | number)[][] {
  const kindText = optionalText(kind, "kind") ?? "";
  const k = matchChoice(kindText, KINDS);
  if (k === undefined) throw new CcInputError([ccError("kind_must_be_one_of", { value: kindText }, { column: "kind" })]);
  const dateSerial = dateArg(date, "date");
  // The charges as lines made when asked for: no record kept per line of a million-line journal.
  const charges = unwrap(readJournalLines(chargeJournal, { name: "chargeJournal" }));
  const postedLines = absent(posted) ? [] : unwrap(readCollectionsJournal(posted, { name: "posted" }));
  const offsetVouchers = flatValues(vouchers).flatMap((v) => splitList(String(v)));
  // The engine names its request's fields; in Excel the charges are the chargeJournal argument.
  type Correction = ReturnType<typeof correctChargesWith<(string | number)[]>>;
  const asArgument = (r: Correction): Correction =>
    r.ok ? r : { ok: false, errors: r.errors.map((e) => (e.column === "charges" && e.table === undefined ? { ...e, column: "chargeJournal" } : e)) };
  // Each correction line is written straight into its sheet row (the rows writeOffJournalTable
  // writes of correctCharges' lines), without a record per line.
  const correction = unwrap(asArgument(
    correctChargesWith(
      {
        kind: k,
        dateSerial,
        reason: optionalText(reason, "reason") ?? "",
        charges,
        ...(offsetVouchers.length > 0 ? { offsetVouchers } : {}),
        posted: postedLines,
        postedJournalIds: new Set(postedLines.map((l) => l.journalId)),
      },
      journalRowWriter(),
    ),
  ));
  const out = correction.lines;
  out.unshift([...WRITEOFF_JOURNAL_HEADER]);
  return out;
}
