/**
 * The part of the Excel JavaScript API that the gateway uses, as interfaces. The gateway is typed
 * against these rather than the full `Excel` namespace so that the preview host's in-memory
 * workbook (preview/workbook.ts) can implement exactly the same surface, and the type checker
 * proves that it does. `excelRun` casts Excel's real context to this shape at the one place where
 * `Excel.run` is called.
 */
export type CellValue = string | number | boolean;

export interface XlLoadable<T> {
  load(properties: string): T;
}

export interface XlFont {
  bold: boolean;
  color: string;
}

export interface XlFill {
  color: string;
}

export interface XlRangeFormat {
  readonly font: XlFont;
  readonly fill: XlFill;
  autofitColumns(): void;
}

export interface XlConditionalCellValue {
  readonly format: { readonly fill: XlFill; readonly font: XlFont };
  rule: { formula1: string; operator: "GreaterThan" | "LessThan" | "Between" | "EqualTo" };
}

export interface XlConditionalFormat {
  readonly cellValue: XlConditionalCellValue;
}

export interface XlRange extends XlLoadable<XlRange> {
  values: CellValue[][];
  numberFormat: string[][];
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  readonly format: XlRangeFormat;
  readonly conditionalFormats: { add(type: "CellValue"): XlConditionalFormat };
}

export interface XlChart {
  name: string;
  readonly title: { text: string };
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface XlTable extends XlLoadable<XlTable> {
  name: string;
  readonly isNullObject: boolean;
  readonly worksheet: XlWorksheet;
  readonly rows: { add(index?: number | null, values?: CellValue[][]): unknown };
  getRange(): XlRange;
  style: string;
  showTotals: boolean;
}

export interface XlCollection<T> extends XlLoadable<XlCollection<T>> {
  readonly items: T[];
}

export interface XlTableCollection extends XlCollection<XlTable> {
  getItemOrNullObject(name: string): XlTable;
  add(address: XlRange, hasHeaders: boolean): XlTable;
}

export interface XlWorksheet extends XlLoadable<XlWorksheet> {
  readonly name: string;
  readonly isNullObject: boolean;
  readonly tables: XlTableCollection;
  readonly charts: { add(type: "ColumnStacked" | "ColumnClustered", sourceData: XlRange, seriesBy: "Columns" | "Rows"): XlChart };
  /** Frozen header rows (ExcelApi 1.7). */
  readonly freezePanes: { freezeRows(count: number): void };
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  /** The posting log's sheet is hidden (not very hidden: a user may still look at it). */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  activate(): void;
  delete(): void;
}

export interface XlWorksheetCollection extends XlCollection<XlWorksheet> {
  getItemOrNullObject(name: string): XlWorksheet;
  add(name: string): XlWorksheet;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  readonly tables: XlTableCollection;
  getSelectedRange(): XlRange;
  /** ExcelApi 1.16: absent (or failing to load) on older hosts, which means the 1900 system. */
  load?(properties: string): unknown;
  readonly use1904DateSystem?: boolean;
}

export interface XlContext {
  readonly workbook: XlWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  sync(): Promise<void>;
}

/** Runs one batch against a workbook: `Excel.run` in Office, the in-memory workbook in the preview. */
export type ExcelRun = <T>(batch: (context: XlContext) => Promise<T>) => Promise<T>;

/** The real `Excel.run`: the only call of it in the add-in. */
export const excelRun: ExcelRun = (batch) => Excel.run((context) => batch(context as unknown as XlContext));
