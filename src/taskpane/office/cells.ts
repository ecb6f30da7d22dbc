/**
 * The one writer of cell values in the task pane: every value the add-in puts into a cell goes
 * through `writeCells`. A non-empty string is always written into a cell formatted as text (`@`)
 * *before* the value is set, whatever the column, so that a leading `=`, `+`, `-`, `@`, a tab, a
 * carriage return or number-like text ("00123", "1e5", "-5") lands as the text it is: never a
 * formula, never a number. Numbers and booleans get the format asked for (General by default).
 */
import type { CellValue, XlRange } from "./excel-subset";
import { TEXT_FORMAT } from "./formats";

/** The formats to set before `values`: `@` for every non-empty string, else `formats[i][j]` or General. */
export function formatsFor(values: readonly (readonly CellValue[])[], formats?: readonly (readonly string[])[]): string[][] {
  return values.map((row, i) => row.map((v, j) => (typeof v === "string" && v !== "" ? TEXT_FORMAT : (formats?.[i]?.[j] ?? "General"))));
}

/**
 * Queue (no sync) the formats, then the values, of `range`. `formats` are the final number formats
 * (money, dates); a string cell keeps `@` whatever `formats` says.
 */
export function writeCells(range: XlRange, values: CellValue[][], formats?: readonly (readonly string[])[]): void {
  range.numberFormat = formatsFor(values, formats);
  range.values = values;
}
