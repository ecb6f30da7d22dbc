/**
 * The table requests of the add-in's tables: sheet names tried, the headers that identify each
 * table when it lives on a sheet of another name, and the columns kept (every spelling the
 * src/workbook readers accept, so nothing a reader needs is dropped and nothing else is held).
 */
import { EXCHANGE_RATE_COLUMNS, TRANSACTION_COLUMNS } from "../../workbook/transactions";
import { type ColumnSpec, normalizeHeader } from "../../workbook/table";
import type { TableRequest } from "./xlsx-read";

function spellings(specs: readonly ColumnSpec[]): Set<string> {
  const out = new Set<string>();
  for (const s of specs) for (const a of [s.header, s.key, ...(s.aliases ?? [])]) out.add(normalizeHeader(a));
  return out;
}

const TRANSACTION_SPELLINGS = spellings(TRANSACTION_COLUMNS);

/** The ledger. `keepAll` keeps unknown columns too (carried through by readers that keep extras). */
export function transactionsRequest(sheet: string | undefined, keepAll = false): TableRequest {
  return {
    key: "transactions",
    sheets: [...(sheet === undefined ? [] : [sheet]), "Transactions", "Ledger", "CustomerTransactions", "OpenItems"],
    identifyBy: ["customer", "amount"],
    ...(keepAll ? {} : { keep: (h: string) => TRANSACTION_SPELLINGS.has(h) }),
  };
}

export function ratesRequest(required = false): TableRequest {
  const keep = spellings(EXCHANGE_RATE_COLUMNS);
  return { key: "rates", sheets: ["ExchangeRates", "Rates"], identifyBy: ["currency", "date", "rate"], keep: (h) => keep.has(h), required };
}

/** A table read whole (every column), found by sheet name or by its identifying headers. */
export function plainRequest(key: string, sheets: readonly string[], identifyBy: readonly string[], required = true): TableRequest {
  return { key, sheets, identifyBy, required };
}
