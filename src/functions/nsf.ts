/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
/**
 * NSF for analysts: CC.NSF previews what cancelling a bounced payment changes on the ledger,
 * CC.NSFJOURNAL the journals it would post (the settlements' unapply journals, the payment's
 * cancellation and the NSF fee), in the `Write-off journal` sheet's columns.
 */
import { nsfPayment, type NsfResult } from "../domain/collections";
import { unwrap } from "../domain/errors";
import { currencyExponent } from "../domain/money";
import { nsfTable, readNsfOptions } from "../workbook/nsf";
import { readSettlementHistory } from "../workbook/settlement-history";
import { type Ledger, readLedger } from "../workbook/ledger";
import { writeOffJournalTable } from "../workbook/writeoff";
import { absent, dateArg, later, optionalText, runFunction } from "./_lib/adapter";

/**
 * Cancels a bounced payment: the open amounts that change (invoices reopen, the payment, the NSF fee).
 * @customfunction NSF
 * @param transactions The ledger as it stands: Customer, Voucher, Type, Amount (open), Currency.
 * @param settlementJournal The Settlement journal table (the payment's settlements are read from it).
 * @param customer The payment's customer.
 * @param payment The bounced payment's voucher.
 * @param date The date of the cancellation.
 * @param reason The reason code (required).
 * @param [options] Name/Value rows: FeeAmount or FeePct (the NSF fee), BankAccount (default Bank).
 * @param [nsfJournal] The NSF journal table: the unapply lines of earlier NSFs count as part of the settlement history.
 * @returns Voucher, Type, Change, Balance, Currency.
 */
export function nsf(transactions: any[][], settlementJournal: any[][], customer: any, payment: any, date: any, reason: any, options?: any[][], nsfJournal?: any[][]): any[][] {
  return runFunction(() => nsfFunction(transactions, settlementJournal, customer, payment, date, reason, options ?? null, nsfJournal ?? null));
}

/**
 * The journals cancelling a bounced payment would post: unapply, cancellation and fee lines.
 * @customfunction NSFJOURNAL
 * @param transactions The ledger as it stands: Customer, Voucher, Type, Amount (open), Currency.
 * @param settlementJournal The Settlement journal table (the payment's settlements are read from it).
 * @param customer The payment's customer.
 * @param payment The bounced payment's voucher.
 * @param date The date of the cancellation.
 * @param reason The reason code (required).
 * @param [options] Name/Value rows: FeeAmount or FeePct (the NSF fee), BankAccount (default Bank).
 * @param [nsfJournal] The NSF journal table: the unapply lines of earlier NSFs count as part of the settlement history.
 * @returns The journal lines in the Write-off journal's columns.
 */
export function nsfjournal(transactions: any[][], settlementJournal: any[][], customer: any, payment: any, date: any, reason: any, options?: any[][], nsfJournal?: any[][]): any[][] {
  return runFunction(() => nsfJournalFunction(transactions, settlementJournal, customer, payment, date, reason, options ?? null, nsfJournal ?? null));
}

export function nsfFunction(transactions: unknown, settlementJournal: unknown, customer: unknown, payment: unknown, date: unknown, reason: unknown, options: unknown, nsfJournal: unknown = null): (string | number)[][] {
  const run = runNsf(transactions, settlementJournal, customer, payment, date, reason, options, nsfJournal);
  // The table looks up only the vouchers the bounce changed (all the customer's): records of those rows.
  const changed = new Set(run.result.changes.map((c) => c.voucher));
  const ledger = run.ledger.records((i) => changed.has(run.ledger.voucher[i] as string));
  return nsfTable(ledger, run.voucher, run.result);
}

export function nsfJournalFunction(transactions: unknown, settlementJournal: unknown, customer: unknown, payment: unknown, date: unknown, reason: unknown, options: unknown, nsfJournal: unknown = null): (string | number)[][] {
  const { result } = runNsf(transactions, settlementJournal, customer, payment, date, reason, options, nsfJournal);
  return writeOffJournalTable([...result.unapplied.flatMap((j) => j.lines), ...result.cancellation.lines, ...(result.fee?.lines ?? [])]);
}

function runNsf(transactions: unknown, settlementJournal: unknown, customer: unknown, payment: unknown, date: unknown, reason: unknown, options: unknown, nsfJournal: unknown): { ledger: Ledger; voucher: string; result: NsfResult } {
  const dateSerial = dateArg(date, "date");
  // Every row is validated; only the customer's rows are kept, the only ones nsfPayment looks at. A
  // bad customer argument is reported after the ranges' errors, as it always was.
  const whoArg = later(() => optionalText(customer, "customer") ?? "");
  const columns = unwrap(readLedger(transactions, { require: ["voucher"], ...(whoArg.ok ? { customer: whoArg.value } : {}) }));
  // The one settlement-history reader: an earlier NSF's unapply lines count (docs/reliability.md).
  const history = unwrap(readSettlementHistory(absent(settlementJournal) ? null : settlementJournal, absent(nsfJournal) ? null : nsfJournal, { settlement: "settlementJournal", nsf: "nsfJournal" }));
  if (!whoArg.ok) throw whoArg.error;
  const who = whoArg.value;
  const voucher = optionalText(payment, "payment") ?? "";
  const ledger = columns.records();
  // The fee amount is in the payment's currency; an unknown payment is reported by the engine.
  const paid = ledger.find((t) => t.customer === who && t.voucher === voucher);
  const opts = unwrap(readNsfOptions(options, currencyExponent(paid?.currency ?? "") ?? 2));
  const result = unwrap(
    nsfPayment(ledger, history, {
      customer: who,
      voucher,
      dateSerial,
      reason: optionalText(reason, "reason") ?? "",
      ...(opts.charge !== undefined ? { charge: opts.charge } : {}),
      ...(opts.bankAccount !== undefined ? { bankAccount: opts.bankAccount } : {}),
    }),
  );
  return { ledger: columns, voucher, result };
}
