/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { unwrap } from "../domain/errors";
import { matchStatement } from "../domain/matching/match";
import { readStatement } from "../workbook/statement";
import { matchesTable, readMatchCustomers, readMatchItems, readMatchOptions } from "../workbook/statement-match";
import { absent, runFunction } from "./_lib/adapter";

/**
 * Matches bank statement lines to customers and open items: structured references (OCR, KID, FIK, RF), document numbers, payer and amount, each with a confidence.
 * @customfunction MATCH
 * @param openItems The Transactions table: Customer, Voucher, Amount; optional Invoice, PaymentReference, DueDate, Currency, CashDiscountDate, CashDiscountPct.
 * @param statement The Statement table: LineId, Date, Amount, Currency, Counterparty, Account, Reference, Text.
 * @param [customers] Customer, Name and BankAccount (several separated by ";").
 * @param [options] Name/Value rows: AutoApply, MaxPennyDifference, MaxOverUnder, PartialDiscount, UseCashDiscount, DiscountAdministration, MaxCombinedItems.
 * @returns LineId, Customer, Voucher, AmountToSettle, Currency, Confidence, Rule: one row per line and item it settles, in statement order.
 */
export function match(openItems: any[][], statement: any[][], customers?: any[][], options?: any[][]): any[][] {
  return runFunction(() => matchFunction(openItems, statement, customers ?? null, options ?? null));
}

export function matchFunction(openItems: unknown, statement: unknown, customers: unknown, options: unknown): (string | number)[][] {
  const lines = unwrap(readStatement(statement));
  const opts = unwrap(readMatchOptions(options, lines.map((l) => l.currency)));
  const items = unwrap(readMatchItems(openItems));
  const people = absent(customers) ? [] : unwrap(readMatchCustomers(customers));
  return matchesTable(unwrap(matchStatement(lines, items, people, opts)));
}
