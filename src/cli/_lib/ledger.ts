/**
 * Reads what most commands share in one streaming pass: the ledger (Transactions), the exchange
 * rates, and any further tables a command asks for; turns the ledger into records and the rates
 * into a rate table; and settles the accounting currency.
 */
import type { Result } from "../../domain/errors";
import { impliedAccountingCurrency, type RateTable, rateTable } from "../../domain/rates";
import type { ExchangeRate, Transaction } from "../../domain/types";
import { readExchangeRates, readTransactions, type TransactionField } from "../../workbook/transactions";
import { CliError, inputError, USAGE_EXIT } from "./cli-error";
import { readInput, type RunContext } from "./context";
import { count } from "./format";
import { ratesRequest, transactionsRequest } from "./tables";
import type { ReadTable, TableRequest } from "./xlsx-read";

export interface Ledger {
  readonly sheet: ReadTable;
  readonly transactions: Transaction[];
  readonly rates: readonly ExchangeRate[];
  readonly rateTable: RateTable;
  readonly accountingCurrency: string;
  /** Further tables requested, by key. */
  readonly tables: ReadonlyMap<string, ReadTable>;
}

export const LEDGER_OPTIONS = [
  { name: "sheet", value: "NAME", description: "sheet holding the ledger (default: Transactions, else the sheet whose header has Customer and Amount)" },
  { name: "accounting-currency", value: "CODE", description: "accounting currency of the journals (default: the one ledger currency without exchange rates)" },
  { name: "round-amounts", description: "round amounts with more decimals than the currency has instead of refusing them" },
] as const;

/** Unwrap a reader's result, or throw a CliError naming the sheet, row and column. */
export function must<T>(result: Result<T>, table: ReadTable): T {
  if (!result.ok) throw inputError(result.errors, table.sheet, table.headerRow);
  return result.value;
}

/**
 * Read the ledger, the rates and the `more` tables. `keepAllColumns` keeps the ledger's columns
 * the transaction reader does not know too (the demo reads the Note column).
 */
export async function loadLedger(ctx: RunContext, require: readonly TransactionField[], more: readonly TableRequest[] = [], keepAllColumns = false): Promise<Ledger> {
  ctx.progress(`reading ${ctx.input}`);
  const tables = await readInput(ctx, [transactionsRequest(ctx.args.values.get("sheet"), keepAllColumns), ratesRequest(false), ...more], (sheet, rows) => ctx.progress(`${sheet}: ${count(rows)} rows read`));
  const sheet = tables.get("transactions") as ReadTable;
  const transactions = must(readTransactions(sheet.range, { name: sheet.sheet, require, roundAmounts: ctx.args.flags.has("round-amounts"), dateSystem: sheet.dateSystem }), sheet);
  const ratesSheet = tables.get("rates");
  const rates = ratesSheet === undefined ? [] : must(readExchangeRates(ratesSheet.range, { name: ratesSheet.sheet, dateSystem: ratesSheet.dateSystem }), ratesSheet);
  const accountingCurrency = accountingCurrencyOf(ctx, transactions, rates);
  ctx.progress(`${count(transactions.length)} transactions from sheet '${sheet.sheet}'; accounting currency ${accountingCurrency}`);
  return { sheet, transactions, rates, rateTable: rateTable(rates, accountingCurrency), accountingCurrency, tables };
}

/** `--accounting-currency`, else the one the ledger implies (`impliedAccountingCurrency`); a guess is refused. */
function accountingCurrencyOf(ctx: RunContext, transactions: readonly Transaction[], rates: readonly ExchangeRate[]): string {
  const given = ctx.args.values.get("accounting-currency");
  if (given !== undefined) return given.trim().toUpperCase();
  const implied = impliedAccountingCurrency(transactions, rates);
  if (implied !== undefined || transactions.length === 0) return implied ?? "";
  const currencies = [...new Set(transactions.map((t) => t.currency.trim().toUpperCase()))];
  const rated = [...new Set(rates.map((r) => r.currency))];
  throw new CliError(
    `cc ${ctx.command}: the ledger has ${currencies.join(", ")}; name the accounting currency with --accounting-currency (the ExchangeRates sheet gives rates for ${rated.join(", ") || "none"})`,
    USAGE_EXIT,
  );
}
