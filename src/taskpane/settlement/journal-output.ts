/**
 * Journal lines as an output table for the gateway: the shared sheet layout of the settlement and
 * write-off journals (src/workbook/settlement-journal.ts), with column kinds and money precision.
 */
import type { JournalLine } from "../../domain/journal";
import { exponentOf } from "../../domain/money";
import { JOURNAL_HEADER, journalTable } from "../../workbook/settlement-journal";
import type { CellValue } from "../office/excel-subset";
import type { ColumnKind, OutputTable } from "../office/formats";

const KIND: Partial<Record<string, ColumnKind>> = { Line: "integer", Date: "date", Amount: "money", AccountingAmount: "money" };

/** Journal lines -> output rows: Amount at each line's currency precision, AccountingAmount at the accounting currency's. */
export function journalOutput(lines: readonly JournalLine[]): OutputTable {
  const [, ...rows] = journalTable(lines);
  const accounting = exponentOf(lines[0]?.accountingCurrency ?? "");
  return {
    columns: JOURNAL_HEADER.map((h) => ({ header: h, kind: KIND[h] ?? "text", ...(h === "AccountingAmount" ? { exponent: accounting } : {}) })),
    rows: rows as CellValue[][],
    exponents: lines.map((l) => exponentOf(l.currency)),
  };
}

export const SETTLEMENT_TARGET = { sheet: "Settlement journal", table: "SettlementJournal", idHeader: "JournalId" } as const;
