/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { CcInputError, ccError, unwrap } from "../domain/errors";
import { currencyExponent, parseMoney } from "../domain/money";
import { rateTable } from "../domain/rates";
import { postSettlementTo, valueSettlement } from "../domain/settlement/post";
import { proposeSettled } from "../domain/settlement/propose";
import { DEFAULT_SETTLEMENT_METHOD, type Proposal, type SettlementItem, type SettlementMethod } from "../domain/settlement/types";
import { matchChoice } from "../workbook/cells";
import { readOpenItems, readPriority, readSettleOptions, settleTolerances } from "../workbook/settlement-input";
import { JOURNAL_HEADER, journalRows } from "../workbook/settlement-journal";
import { settleTable } from "../workbook/settlement-output";
import { readExchangeRates } from "../workbook/transactions";
import { absent, cellArg, dateArg, flatValues, optionalText, runFunction, scalar } from "./_lib/adapter";

/** The voucher CC.SETTLE gives the payment it settles. */
export const PAYMENT_VOUCHER = "(payment)";

/**
 * Settles a payment against one customer's open items: by due date (default) or by a priority of transaction types.
 * @customfunction SETTLE
 * @param openItems Range with a header row: Voucher, Amount and DueDate (or Date); Type, Date, Currency, CashDiscountDate, CashDiscountPct optional.
 * @param payment The payment amount, a positive number.
 * @param paymentDate The payment date: a date or ISO text such as "2015-10-25".
 * @param [method] "duedate" (default) or "priority".
 * @param [priority] Transaction types in order, default {"Fee","CollectionLetter","InterestNote","Invoice"}.
 * @param [options] Name/Value rows: PartialDiscount, DiscountOnCreditNotes, UseCashDiscount, MaxPennyDifference, MaxOverUnder, DiscountAdministration, PaymentCurrency, AccountingCurrency.
 * @param [rates] ExchangeRates range (Currency, Date, Rate), needed only when currencies differ.
 * @returns Voucher, Type, DueDate, Open, CashDiscount, AmountToSettle, Balance, Currency per item, then the Unapplied row.
 */
export function settle(openItems: any[][], payment: any, paymentDate: any, method?: string, priority?: any[][], options?: any[][], rates?: any[][]): any[][] {
  return runFunction(() => settleFunction(openItems, payment, paymentDate, method ?? null, priority ?? null, options ?? null, rates ?? null));
}

/**
 * The settlement journal CC.SETTLE's settlement would post: one line per movement, balanced in the accounting currency.
 * @customfunction SETTLEJOURNAL
 * @param openItems Range with a header row, as for CC.SETTLE.
 * @param payment The payment amount, a positive number.
 * @param paymentDate The payment date.
 * @param [method] "duedate" (default) or "priority".
 * @param [priority] Transaction types in order.
 * @param [options] Name/Value rows, as for CC.SETTLE.
 * @param [rates] ExchangeRates range, needed when a currency differs from the accounting currency.
 * @returns JournalId, Line, Date, Customer, Voucher, OffsetVoucher, Amount, Currency, AccountingAmount, AccountingCurrency, AccountType, AccountRole, Reason, LinkId, CorrectsJournalId.
 */
export function settleJournal(openItems: any[][], payment: any, paymentDate: any, method?: string, priority?: any[][], options?: any[][], rates?: any[][]): any[][] {
  return runFunction(() => settleJournalFunction(openItems, payment, paymentDate, method ?? null, priority ?? null, options ?? null, rates ?? null));
}

export function settleFunction(openItems: unknown, payment: unknown, paymentDate: unknown, method: unknown, priority: unknown, options: unknown, rates: unknown): (string | number)[][] {
  const { proposal, untouched } = settleAndPost(openItems, payment, paymentDate, method, priority, options, rates, false);
  return settleTable(proposal, untouched);
}

export function settleJournalFunction(openItems: unknown, payment: unknown, paymentDate: unknown, method: unknown, priority: unknown, options: unknown, rates: unknown): (string | number)[][] {
  const rows = settleAndPost(openItems, payment, paymentDate, method, priority, options, rates, true).rows;
  return rows ?? [[...JOURNAL_HEADER]];
}

/**
 * The proposal (its lines: the items the payment reached), the open items it never reached, and
 * the journal's output rows (`journal` false: the lines are only valued, so that a missing rate is
 * the same error, and no rows are made). Vouchers were proven distinct by readOpenItems; untouched items get no line object.
 */
function settleAndPost(
  openItems: unknown, payment: unknown, paymentDate: unknown, method: unknown, priority: unknown, options: unknown, rates: unknown, journal: boolean,
): { proposal: Proposal; untouched: readonly SettlementItem[]; rows?: (string | number)[][] } {
  const dateSerial = dateArg(paymentDate, "paymentDate");
  const opts = unwrap(readSettleOptions(options));
  const items = unwrap(readOpenItems(openItems));
  const chosen = readMethod(method, priority);
  const currency = opts.paymentCurrency ?? singleCurrency(items);
  const tolerances = unwrap(settleTolerances(opts.tolerances, currency));
  const accountingCurrency = opts.accountingCurrency ?? currency;
  const table = rateTable(absent(rates) ? [] : unwrap(readExchangeRates(rates)), accountingCurrency);
  const credit: SettlementItem = {
    customer: items[0]?.customer ?? "", voucher: PAYMENT_VOUCHER, type: "Payment", amountMinor: -paymentMinor(payment, currency),
    currency, dateSerial, status: "None", row: 0,
  };
  const { proposal, untouched } = unwrap(proposeSettled({ credit, items, dateSerial, method: chosen, options: { ...opts.options, ...tolerances }, rates: table, vouchersDistinct: true }));
  // Posting proves the settlement can be valued: a missing exchange rate is an error here too.
  if (proposal.lines.every((l) => l.amountToSettleMinor === 0)) return { proposal, untouched };
  if (!journal) {
    unwrap(valueSettlement(proposal, { accountingCurrency, rates: table }));
    return { proposal, untouched };
  }
  // Each journal line becomes its output row as it is made (journalTable's rows, no array of lines).
  const rows: (string | number)[][] = [[...JOURNAL_HEADER]];
  const row = journalRows();
  unwrap(postSettlementTo(proposal, { accountingCurrency, rates: table }, (l) => {
    rows.push(row(l));
  }));
  return { proposal, untouched, rows };
}

function readMethod(method: unknown, priority: unknown): SettlementMethod {
  const text = optionalText(method, "method") ?? DEFAULT_SETTLEMENT_METHOD;
  const kind = matchChoice(text, ["duedate", "priority"] as const, { due: "duedate", DueDate: "duedate", default: "duedate", type: "priority" });
  if (kind === undefined) throw new CcInputError([ccError("method_must_be_known", { value: text }, { column: "method" })]);
  if (kind === "duedate") {
    if (!absent(priority)) throw new CcInputError([ccError("priority_needs_priority_method", {}, { column: "priority" })]);
    return { kind };
  }
  return { kind, types: unwrap(readPriority(flatValues(priority))) };
}

function singleCurrency(items: readonly SettlementItem[]): string {
  // One loop, no array of the debit items or of their currencies (a million rows on a full sheet).
  const set = new Set<string>();
  let last: string | undefined;
  for (const i of items) {
    if (i.amountMinor > 0 && i.currency !== last) set.add((last = i.currency));
  }
  if (set.size > 1) {
    throw new CcInputError([ccError("payment_currency_must_be_given", { currencies: [...set].join(", ") }, { table: "options" })]);
  }
  return [...set][0] ?? "";
}

function paymentMinor(payment: unknown, currency: string): number {
  const parsed = parseMoney(cellArg(payment, "payment"), currencyExponent(currency) ?? 2);
  if (!parsed.ok) throw new CcInputError([ccError("payment_must_be_an_amount", { reason: parsed.reason }, { column: "payment" })]);
  if (parsed.minor <= 0) throw new CcInputError([ccError("payment_must_be_positive", { value: String(scalar(payment)) }, { column: "payment" })]);
  return parsed.minor;
}
