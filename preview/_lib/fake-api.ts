/**
 * The Excel API objects of the in-memory workbook: contexts, ranges, tables, sheets and their
 * collections, with Excel's load-before-read rule and its formula behaviour for text.
 */
import type {
  CellValue, XlChart, XlConditionalFormat, XlContext, XlRange, XlTable, XlTableCollection, XlWorksheet, XlWorksheetCollection,
} from "../../src/taskpane/office/excel-subset";
import type { Workbook } from "../workbook";
import { addressOf, type ConditionalFormatRecord, type SheetModel, type TableModel } from "./model";

export class FakeContext implements XlContext {
  readonly pending = new Set<Loadable>();
  readonly workbook: { worksheets: XlWorksheetCollection; tables: XlTableCollection; getSelectedRange(): XlRange };
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  constructor(readonly book: Workbook) {
    this.workbook = {
      worksheets: new FakeSheets(this),
      tables: new FakeTables(this, undefined),
      getSelectedRange: () => {
        const sel = book.selection;
        const sheet = (sel === undefined ? undefined : book.sheet(sel.sheet)) ?? book.sheets[0];
        return new FakeRange(this, sheet, sel?.row ?? 0, sel?.column ?? 0, 1, 1);
      },
    };
    this.application = { suspendApiCalculationUntilNextSync: () => void book.stats.suspensions++ };
  }
  async sync(): Promise<void> {
    for (const o of this.pending) o.commitLoad();
    this.pending.clear();
    await this.book.synced();
  }
}

abstract class Loadable {
  private readonly requested = new Set<string>();
  private readonly loaded = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  load(properties: string): this {
    for (const p of properties.split(",")) this.requested.add(p.trim().split("/")[0] ?? "");
    this.ctx.pending.add(this);
    return this;
  }
  commitLoad(): void {
    for (const p of this.requested) this.loaded.add(p);
    this.requested.clear();
  }
  protected need(property: string): void {
    if (!this.loaded.has(property)) {
      throw new Error(`PropertyNotLoaded: ${property} was read before load("${property}") and sync()`);
    }
  }
}

class FakeRange extends Loadable implements XlRange {
  constructor(ctx: FakeContext, private readonly sheet: SheetModel | undefined, private readonly r0: number, private readonly c0: number, private readonly rows: number, private readonly cols: number) {
    super(ctx);
  }
  get isNullObject(): boolean {
    return this.sheet === undefined;
  }
  private model(): SheetModel {
    if (this.sheet === undefined) throw new Error("InvalidObjectPath: the range is a null object");
    return this.sheet;
  }
  get values(): CellValue[][] {
    this.need("values");
    const s = this.model();
    return this.grid((r, c) => {
      const cell = this.ctx.book.cell(s, r, c);
      return cell === undefined ? "" : cell.formula !== undefined ? "#NAME?" : cell.value;
    });
  }
  set values(v: CellValue[][]) {
    const s = this.model();
    this.checkShape(v, "values");
    this.ctx.book.stats.writes++;
    this.ctx.book.stats.largestWriteCells = Math.max(this.ctx.book.stats.largestWriteCells, this.rows * this.cols);
    this.each((r, c, i, j) => {
      const old = this.ctx.book.cell(s, r, c);
      const format = old?.format ?? "General";
      const value = v[i]?.[j] ?? "";
      if (typeof value === "string" && format !== "@" && /^[=@+]/.test(value) && !/^\+?\d/.test(value)) {
        this.ctx.book.setCell(s, r, c, { value: "", format, formula: value });
      } else {
        this.ctx.book.setCell(s, r, c, { value, format });
      }
    });
  }
  get numberFormat(): string[][] {
    this.need("numberFormat");
    const s = this.model();
    return this.grid((r, c) => this.ctx.book.cell(s, r, c)?.format ?? "General");
  }
  set numberFormat(v: string[][]) {
    const s = this.model();
    this.checkShape(v, "numberFormat");
    this.each((r, c, i, j) => {
      const old = this.ctx.book.cell(s, r, c);
      this.ctx.book.setCell(s, r, c, { ...(old ?? { value: "" }), format: v[i]?.[j] ?? "General" });
    });
  }
  get address(): string {
    this.need("address");
    return addressOf(this.model().name, this.r0, this.c0, this.rows, this.cols);
  }
  get rowIndex(): number { this.need("rowIndex"); return this.r0; }
  get columnIndex(): number { this.need("columnIndex"); return this.c0; }
  get rowCount(): number { this.need("rowCount"); return this.rows; }
  get columnCount(): number { this.need("columnCount"); return this.cols; }
  /** Unchecked geometry for the fake's own use. */
  geometry(): { sheet: SheetModel; r0: number; c0: number; rows: number; cols: number } {
    return { sheet: this.model(), r0: this.r0, c0: this.c0, rows: this.rows, cols: this.cols };
  }
  readonly format = {
    font: { bold: false, color: "#000000" },
    fill: { color: "" },
    autofitColumns: (): void => undefined,
  };
  readonly conditionalFormats = {
    add: (_type: "CellValue"): XlConditionalFormat => {
      const g = this.geometry();
      const record: ConditionalFormatRecord = { sheet: g.sheet.name, address: addressOf(g.sheet.name, g.r0, g.c0, g.rows, g.cols), fillColor: "", rule: { formula1: "", operator: "" } };
      g.sheet.conditionalFormats.push(record);
      const fill = { get color() { return record.fillColor; }, set color(c: string) { record.fillColor = c; } };
      return {
        cellValue: {
          format: { fill, font: { bold: false, color: "" } },
          get rule() { return record.rule as XlConditionalFormat["cellValue"]["rule"]; },
          set rule(r) { record.rule = { ...r }; },
        },
      };
    },
  };
  private checkShape(v: unknown[][], what: string): void {
    if (!Array.isArray(v) || v.length !== this.rows || v.some((row) => !Array.isArray(row) || row.length !== this.cols)) {
      throw new Error(`InvalidArgument: ${what} must be ${this.rows} x ${this.cols}`);
    }
  }
  private each(f: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rows; i++) for (let j = 0; j < this.cols; j++) f(this.r0 + i, this.c0 + j, i, j);
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.r0 + i, this.c0 + j)));
  }
}

class FakeTable extends Loadable implements XlTable {
  constructor(ctx: FakeContext, private readonly model: TableModel | undefined) {
    super(ctx);
  }
  get isNullObject(): boolean { return this.model === undefined; }
  private m(): TableModel {
    if (this.model === undefined) throw new Error("InvalidObjectPath: the table is a null object");
    return this.model;
  }
  get name(): string { this.need("name"); return this.m().name; }
  set name(n: string) {
    const other = this.ctx.book.table(n);
    if (other !== undefined && other !== this.m()) throw new Error(`ItemAlreadyExists: a table named ${n} exists`);
    this.m().name = n;
  }
  commitLoadAll(): void {
    this.load("name");
    this.commitLoad();
  }
  get worksheet(): XlWorksheet { return new FakeSheet(this.ctx, this.m().sheet); }
  get style(): string { return this.m().style; }
  set style(s: string) { this.m().style = s; }
  get showTotals(): boolean { return this.m().showTotals === true; }
  set showTotals(v: boolean) { this.m().showTotals = v; }
  getRange(): XlRange {
    const t = this.m();
    return new FakeRange(this.ctx, t.sheet, t.rowIndex, t.columnIndex, t.rowCount, t.columnCount);
  }
  readonly rows = {
    add: (_index?: number | null, values?: CellValue[][]): void => {
      const t = this.m();
      const n = values?.length ?? 1;
      // New rows take the number formats of the table's last row, as Excel extends a table.
      const last = t.rowIndex + t.rowCount - 1;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < t.columnCount; j++) {
          const format = this.ctx.book.cell(t.sheet, last, t.columnIndex + j)?.format ?? "General";
          this.ctx.book.setCell(t.sheet, last + 1 + i, t.columnIndex + j, { value: "", format });
        }
      }
      if (values !== undefined) new FakeRange(this.ctx, t.sheet, last + 1, t.columnIndex, n, t.columnCount).values = values;
      t.rowCount += n;
    },
  };
}

class FakeTables extends Loadable implements XlTableCollection {
  constructor(ctx: FakeContext, private readonly sheet: SheetModel | undefined) {
    super(ctx);
  }
  get items(): XlTable[] {
    this.need("items");
    return this.ctx.book.tables.filter((t) => this.sheet === undefined || t.sheet === this.sheet).map((t) => {
      const x = new FakeTable(this.ctx, t);
      x.commitLoadAll();
      return x;
    });
  }
  getItemOrNullObject(name: string): XlTable {
    return new FakeTable(this.ctx, this.ctx.book.table(name));
  }
  add(address: XlRange, hasHeaders: boolean): XlTable {
    if (!hasHeaders) throw new Error("the gateway always writes a header row");
    const g = (address as FakeRange).geometry();
    const n = this.ctx.book.tables.length;
    let i = n + 1;
    while (this.ctx.book.table(`Table${i}`) !== undefined) i++;
    const overlap = this.ctx.book.tables.some((t) => t.sheet === g.sheet && t.rowIndex < g.r0 + g.rows && g.r0 < t.rowIndex + t.rowCount && t.columnIndex < g.c0 + g.cols && g.c0 < t.columnIndex + t.columnCount);
    if (overlap) throw new Error("InvalidArgument: a table cannot overlap another table");
    const model: TableModel = { name: `Table${i}`, sheet: g.sheet, rowIndex: g.r0, columnIndex: g.c0, rowCount: g.rows, columnCount: g.cols, style: "TableStyleMedium2" };
    this.ctx.book.tables.push(model);
    return new FakeTable(this.ctx, model);
  }
}

class FakeSheet extends Loadable implements XlWorksheet {
  readonly tables: XlTableCollection;
  constructor(ctx: FakeContext, private readonly model: SheetModel | undefined) {
    super(ctx);
    this.tables = new FakeTables(ctx, model);
  }
  get isNullObject(): boolean { return this.model === undefined; }
  private m(): SheetModel {
    if (this.model === undefined) throw new Error("InvalidObjectPath: the worksheet is a null object");
    return this.model;
  }
  get name(): string { this.need("name"); return this.m().name; }
  readonly charts = {
    add: (type: "ColumnStacked" | "ColumnClustered", sourceData: XlRange, seriesBy: "Columns" | "Rows"): XlChart => {
      const s = this.m();
      const g = (sourceData as FakeRange).geometry();
      const rec = { name: `Chart ${s.charts.length + 1}`, title: "", type, source: addressOf(g.sheet.name, g.r0, g.c0, g.rows, g.cols), seriesBy };
      s.charts.push(rec);
      return {
        get name() { return rec.name; }, set name(n: string) { rec.name = n; },
        title: { get text() { return rec.title; }, set text(t: string) { rec.title = t; } },
        top: 0, left: 0, width: 480, height: 300,
      };
    },
  };
  readonly freezePanes = {
    freezeRows: (count: number): void => {
      this.m().frozenRows = count;
    },
  };
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange {
    if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > 1048576 || startColumn + columnCount > 16384) {
      throw new Error(`InvalidArgument: range ${startRow},${startColumn} ${rowCount}x${columnCount} is outside the sheet`);
    }
    return new FakeRange(this.ctx, this.m(), startRow, startColumn, rowCount, columnCount);
  }
  getUsedRangeOrNullObject(): XlRange {
    const s = this.m();
    const rows = s.cells.length;
    const cols = Math.max(0, ...s.cells.map((r) => r.length));
    if (rows === 0 || cols === 0) return new FakeRange(this.ctx, undefined, 0, 0, 0, 0);
    return new FakeRange(this.ctx, s, 0, 0, rows, cols);
  }
  delete(): void {
    const s = this.m();
    const book = this.ctx.book;
    book.sheets.splice(book.sheets.indexOf(s), 1);
    for (let i = book.tables.length - 1; i >= 0; i--) if (book.tables[i]?.sheet === s) book.tables.splice(i, 1);
  }
  activate(): void {
    const book = this.ctx.book as Workbook & { active?: string };
    book.active = this.m().name;
    book.touch();
  }
}

class FakeSheets extends Loadable implements XlWorksheetCollection {
  get items(): XlWorksheet[] {
    this.need("items");
    return this.ctx.book.sheets.map((s) => {
      const x = new FakeSheet(this.ctx, s);
      x.load("name");
      x.commitLoad();
      return x;
    });
  }
  getItemOrNullObject(name: string): XlWorksheet {
    return new FakeSheet(this.ctx, this.ctx.book.sheet(name));
  }
  add(name: string): XlWorksheet {
    return new FakeSheet(this.ctx, this.ctx.book.addSheet(name));
  }
}
