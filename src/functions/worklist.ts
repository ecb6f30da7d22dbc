/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
/**
 * CC.WORKLIST: the collector's list for the day, ranked by the amount at risk.
 */
import { worklist as rankWorklist, type WorklistCustomer } from "../domain/collections";
import { unwrap } from "../domain/errors";
import { readCustomers } from "../workbook/customers";
import { rateTable } from "../domain/rates";
import { readLedger } from "../workbook/ledger";
import { readExchangeRates } from "../workbook/transactions";
import { readWorklistHistory, readWorklistOptions, worklistTable } from "../workbook/worklist";
import { absent, dateArg, runFunction } from "./_lib/adapter";

/**
 * The collector's list for today, ranked by the amount at risk (the expected late amount when the ledger has a ClosedDate history, else overdue weighted by age); disputes and open promises after the rest.
 * @customfunction WORKLIST
 * @param transactions The ledger: Customer, Amount, DueDate; Voucher, Type, Date, Currency, Status, PromiseDate used; with ClosedDate (and OriginalAmount) the late-payment prediction ranks.
 * @param asOf The day of the list.
 * @param [customers] The Customers table: Customer, Name, Pool, Agent, CustomerGroup.
 * @param [options] Name/Value rows: DisputesLast (TRUE), IncludeZeroBalance (FALSE), Pool, Agent, AccountingCurrency (rank several currencies in it).
 * @param [rates] Exchange rates: Currency, Date, Rate (accounting-currency units per unit), for AccountingCurrency.
 * @returns Rank, Customer, Name, Pool, Agent, Balance, Overdue, OldestDueDate, Status, NextAction.
 */
export function worklist(transactions: any[][], asOf: any, customers?: any[][], options?: any[][], rates?: any[][]): any[][] {
  return runFunction(() => worklistFunction(transactions, asOf, customers ?? null, options ?? null, rates ?? null));
}

export function worklistFunction(transactions: unknown, asOf: unknown, customers: unknown, options: unknown, rates: unknown = null): (string | number)[][] {
  const asOfSerial = dateArg(asOf, "asOf");
  const { accountingCurrency, ...opts } = unwrap(readWorklistOptions(options));
  // Several currencies are ranked in the accounting currency, converted at the as-of date's rate (docs/decisions.md).
  const accounting = accountingCurrency === undefined ? undefined : { currency: accountingCurrency, rates: rateTable(absent(rates) ? [] : unwrap(readExchangeRates(rates)), accountingCurrency) };
  // Every row validated into columns; records only to convert several currencies (they carry promised amounts).
  const columns = unwrap(readLedger(transactions, { require: ["dueDate"] }));
  const ledger = accounting === undefined ? columns : columns.records();
  const table = absent(customers) ? [] : unwrap(readCustomers(customers));
  const info: WorklistCustomer[] = table.map((c) => ({
    customer: c.customer,
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.pool !== undefined ? { pool: c.pool } : {}),
    ...(c.agent !== undefined ? { agent: c.agent } : {}),
    ...(c.customerGroup !== undefined ? { customerGroup: c.customerGroup } : {}),
  }));
  const history = unwrap(readWorklistHistory(transactions));
  return worklistTable(unwrap(rankWorklist(ledger, asOfSerial, { ...opts, customers: info, ...(history !== undefined ? { history } : {}), ...(accounting !== undefined ? { accounting } : {}) })));
}
