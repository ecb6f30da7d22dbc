/**
 * An in-memory workbook that implements the subset of the Excel JavaScript API the gateway uses
 * (src/taskpane/office/excel-subset.ts). The preview host runs the real task pane over it, and the
 * gateway tests use it as a faithful stand-in for Excel:
 * - properties of ranges, tables and collections must be loaded and synced before they are read
 *   (reading them earlier throws, as Excel does);
 * - a string that starts with `=` or `@` written into a cell that is not formatted as text (`@`)
 *   becomes a formula, as in Excel: this is what makes formula injection observable in tests.
 */
import type { CellValue, XlContext } from "../src/taskpane/office/excel-subset";
import { FakeContext } from "./_lib/fake-api";
import { type Cell, type SheetModel, type TableModel, type WorkbookStats } from "./_lib/model";

export { addressOf, columnLetters, type Cell, type ConditionalFormatRecord, type SheetModel, type TableModel, type WorkbookStats } from "./_lib/model";

export class Workbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** The selected cell (0-based), as a user would click it; A1 of the first sheet when unset. */
  selection: { sheet: string; row: number; column: number } | undefined;
  readonly stats: WorkbookStats = { syncs: 0, suspensions: 0, largestWriteCells: 0, writes: 0 };
  /** Called after every sync that wrote something (the preview re-renders the grid). */
  onChange: (() => void) | undefined;
  /** Milliseconds each sync takes (the preview slows down to show progress). */
  syncDelayMs = 0;
  private dirty = false;

  addSheet(name: string): SheetModel {
    if (this.sheet(name) !== undefined) throw new Error(`ItemAlreadyExists: a sheet named ${name} exists`);
    if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`InvalidArgument: '${name}' is not a valid sheet name`);
    const s: SheetModel = { name, cells: [], charts: [], conditionalFormats: [] };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetModel | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  table(name: string): TableModel | undefined {
    const n = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === n);
  }

  /** Put a 2-D array of plain values on a sheet (seeding); optionally make it a table. */
  seed(sheetName: string, values: CellValue[][], tableName?: string): void {
    const s = this.sheet(sheetName) ?? this.addSheet(sheetName);
    values.forEach((row, r) => row.forEach((v, c) => this.setCell(s, r, c, { value: v, format: "General" })));
    if (tableName !== undefined) {
      this.tables.push({ name: tableName, sheet: s, rowIndex: 0, columnIndex: 0, rowCount: values.length, columnCount: values[0]?.length ?? 0, style: "TableStyleMedium2" });
    }
  }

  cell(s: SheetModel, r: number, c: number): Cell | undefined {
    return s.cells[r]?.[c];
  }

  setCell(s: SheetModel, r: number, c: number, cell: Cell): void {
    while (s.cells.length <= r) s.cells.push([]);
    const row = s.cells[r] as (Cell | undefined)[];
    row[c] = cell;
    this.dirty = true;
  }

  /** The values of a sheet's used range (blank cells as ""). */
  usedValues(s: SheetModel): CellValue[][] {
    const width = Math.max(0, ...s.cells.map((r) => r.length));
    return s.cells.map((r) => Array.from({ length: width }, (_, c) => r[c]?.value ?? ""));
  }

  /** A context for one batch, like the one `Excel.run` hands out. */
  context(): XlContext {
    return new FakeContext(this);
  }

  /** An `ExcelRun` over this workbook. */
  readonly run = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => batch(this.context());

  /** Mark the workbook changed (the preview re-renders after the next sync). */
  touch(): void {
    this.dirty = true;
  }

  async synced(): Promise<void> {
    this.stats.syncs++;
    if (this.syncDelayMs > 0) await new Promise((r) => setTimeout(r, this.syncDelayMs));
    if (this.dirty) {
      this.dirty = false;
      this.onChange?.();
    }
  }
}

