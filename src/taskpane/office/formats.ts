/**
 * Output columns and their number formats: money at its currency's precision, dates as dates, and
 * text as text (format `@`), so that ledger text such as `=1+1` is never turned into a formula.
 */
import { type DateSystem, serialTo1904 } from "../../domain/dates";
import type { CellValue } from "./excel-subset";

export type ColumnKind = "text" | "money" | "date" | "integer" | "number";

export interface OutputColumn {
  readonly header: string;
  readonly kind: ColumnKind;
  /** A fixed money precision for this column (e.g. the accounting currency's), over the row's. */
  readonly exponent?: number;
}

/** Rows to write under `columns`. `exponents[i]` is the money precision of row i (default 2). */
export interface OutputTable {
  readonly columns: readonly OutputColumn[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly exponents?: readonly number[];
  /** The workbook's date system: dates are written as its serials (default 1900). */
  readonly dateSystem?: DateSystem;
}

export const TEXT_FORMAT = "@";
export const DATE_FORMAT = "yyyy-mm-dd";

/** `#,##0.00` for 2 decimals, `#,##0` for none, `#,##0.000` for 3. */
export function moneyFormat(exponent: number): string {
  return exponent <= 0 ? "#,##0" : `#,##0.${"0".repeat(exponent)}`;
}

export function numberFormatFor(kind: ColumnKind, exponent = 2): string {
  switch (kind) {
    case "text":
      return TEXT_FORMAT;
    case "money":
      return moneyFormat(exponent);
    case "date":
      return DATE_FORMAT;
    case "integer":
      return "0";
    case "number":
      return "General";
  }
}

/** The final number formats of rows `from`..`from + count`, money at each row's precision. */
export function finalFormats(table: OutputTable, from: number, count: number): string[][] {
  const out: string[][] = [];
  for (let i = from; i < from + count; i++) {
    const e = table.exponents?.[i] ?? 2;
    out.push(table.columns.map((c) => numberFormatFor(c.kind, c.exponent ?? e)));
  }
  return out;
}

/**
 * A value as a cell takes it: text columns get strings (numbers too), blanks become "", and a date
 * (a 1900-system serial inside the add-in) becomes the serial of the workbook's date system.
 */
export function cellFor(kind: ColumnKind, value: CellValue | undefined | null, system: DateSystem = "1900"): CellValue {
  if (value === undefined || value === null) return "";
  if (kind === "text") return typeof value === "string" ? value : String(value);
  if (kind === "date" && system === "1904" && typeof value === "number") return serialTo1904(value);
  return value;
}
