/** The in-memory workbook's model: sheets of cells, tables, and A1 addresses. */
import type { CellValue } from "../../src/taskpane/office/excel-subset";

export interface Cell {
  value: CellValue;
  format: string;
  formula?: string;
}

export interface ConditionalFormatRecord {
  readonly sheet: string;
  readonly address: string;
  fillColor: string;
  rule: { formula1: string; operator: string };
}

export interface SheetModel {
  name: string;
  cells: (Cell | undefined)[][];
  charts: { name: string; title: string; type: string; source: string; seriesBy: string }[];
  conditionalFormats: ConditionalFormatRecord[];
  /** Header rows frozen by freezePanes.freezeRows. */
  frozenRows?: number;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  style: string;
  /** The table's last row is a totals row. */
  showTotals?: boolean;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function addressOf(sheet: string, row: number, col: number, rows: number, cols: number): string {
  const a = `${columnLetters(col)}${row + 1}`;
  const b = `${columnLetters(col + cols - 1)}${row + rows}`;
  return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
}

/** Statistics the tests read: how many syncs, the largest block written, calculation suspensions. */
export interface WorkbookStats {
  syncs: number;
  suspensions: number;
  largestWriteCells: number;
  writes: number;
}

