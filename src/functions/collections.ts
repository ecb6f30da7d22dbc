/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
/**
 * Collections previews: CC.WRITEOFF, CC.INTEREST and CC.LETTERS. They show what the task pane
 * posts; they never post.
 */
import { interestCharges, lettersDue, proposeWriteOff } from "../domain/collections";
import { unwrap } from "../domain/errors";
import { interestChargesTable, readInterestCode } from "../workbook/collections-interest";
import { lettersTable, readLetterHistory, readLetterSequence } from "../workbook/collections-letters";
import { readOptions } from "../workbook/options";
import { readLedger } from "../workbook/ledger";
import { readWriteOffOptions, writeOffTable } from "../workbook/writeoff";
import { absent, dateArg, later, optionalText, runFunction } from "./_lib/adapter";

/**
 * Previews the write-off journal of a customer's open items.
 * @customfunction WRITEOFF
 * @param transactions Range with a header row: Customer, Voucher, Amount, Currency; Dimension, PostingProfile, TaxCode and TaxAmount optional.
 * @param customer The customer to write off.
 * @param date The write-off date.
 * @param reason The reason code (required).
 * @param [options] Name/Value rows: SeparateSalesTax (TRUE/FALSE), Vouchers (list), WriteOffAccount.
 * @returns LineType, Customer, Currency, Dimension, PostingProfile, TaxAccount, TaxCode, Debit, Credit, Reason.
 */
export function writeoff(transactions: any[][], customer: any, date: any, reason: any, options?: any[][]): any[][] {
  return runFunction(() => writeOffFunction(transactions, customer, date, reason, options ?? null));
}

export function writeOffFunction(transactions: unknown, customer: unknown, date: unknown, reason: unknown, options: unknown): (string | number)[][] {
  const dateSerial = dateArg(date, "date");
  const opts = unwrap(readWriteOffOptions(options));
  // Every row is validated; only the customer's rows are kept and made records, the only ones a
  // write-off reads (proposeWriteOff passes over every other customer's).
  // A bad customer argument is reported after the ledger's errors, as it always was.
  const who = later(() => optionalText(customer, "customer") ?? "");
  const columns = unwrap(readLedger(transactions, { ...(opts.vouchers.length > 0 ? { require: ["voucher"] as const } : {}), ...(who.ok ? { customer: who.value.trim() } : {}) }));
  if (!who.ok) throw who.error;
  const ledger = columns.records();
  const proposal = unwrap(
    proposeWriteOff(ledger, {
      customer: who.value,
      dateSerial,
      reason: optionalText(reason, "reason") ?? "",
      vouchers: opts.vouchers,
      separateSalesTax: opts.separateSalesTax,
      ...(opts.writeOffAccount !== undefined ? { writeOffAccount: opts.writeOffAccount } : {}),
    }),
  );
  return writeOffTable(proposal.lines);
}

/**
 * Computes the interest an interest code charges on overdue items.
 * @customfunction INTEREST
 * @param transactions Range with a header row: Customer, Voucher, Type, Amount, DueDate (and Date for codes counting from the transaction date).
 * @param asOf The date the interest is computed at.
 * @param code Rows of FromMonth and PercentPerMonth (tiers), or a flat code: Percent, MinDays, Basis ("due" or "transaction").
 * @returns Voucher, Days, Rate (percent points), Interest, and a Total row.
 */
export function interest(transactions: any[][], asOf: any, code: any[][]): any[][] {
  return runFunction(() => interestFunction(transactions, asOf, code));
}

export function interestFunction(transactions: unknown, asOf: unknown, code: unknown): (string | number)[][] {
  const asOfSerial = dateArg(asOf, "asOf");
  const parsed = unwrap(readInterestCode(code));
  const ledger = unwrap(readLedger(transactions));
  // The table shows the notes' lines and totals, not their journals or IDs: written from columns.
  return interestChargesTable(ledger, unwrap(interestCharges(ledger, asOfSerial, parsed)));
}

/**
 * Shows the collection letter each customer is due for.
 * @customfunction LETTERS
 * @param transactions Range with a header row: Customer, Amount, DueDate; Currency, Voucher, Status optional.
 * @param asOf The date the letters would be sent.
 * @param sequence Up to five rows of Code, Fee, MinOverdue, GraceDays, Block.
 * @param [history] Letters already sent: Customer, Code, Date (Currency optional).
 * @param [options] Name/Value rows: IgnorePaymentsAndCreditNotes (TRUE/FALSE).
 * @returns Customer, Currency, Letter, Level, Fee, OverdueBalance, Block, Reason.
 */
export function letters(transactions: any[][], asOf: any, sequence: any[][], history?: any[][], options?: any[][]): any[][] {
  return runFunction(() => lettersFunction(transactions, asOf, sequence, history ?? null, options ?? null));
}

export function lettersFunction(transactions: unknown, asOf: unknown, sequence: unknown, history: unknown, options: unknown): (string | number | boolean)[][] {
  const asOfSerial = dateArg(asOf, "asOf");
  const seq = unwrap(readLetterSequence(sequence));
  const sent = absent(history) ? [] : unwrap(readLetterHistory(history));
  const opts = unwrap(readOptions(options, { IgnorePaymentsAndCreditNotes: { kind: "bool" } }));
  const ledger = unwrap(readLedger(transactions, { require: ["dueDate"] }));
  // The table shows no vouchers: none are collected.
  return lettersTable(unwrap(lettersDue(ledger, asOfSerial, seq, sent, { ignorePaymentsAndCreditNotes: opts["IgnorePaymentsAndCreditNotes"] === true, vouchers: false })));
}
