/**
 * Ledgers past one sheet: a CSV or Parquet file read as a stream of rows, never held whole.
 * CSV goes through csv-parse (streaming, RFC 4180 quoting, a BOM allowed); Parquet through
 * hyparquet, one row group at a time. Each row reaches `onRow` with its number: the CSV's record
 * number (the header is 1; `lineOf` turns the few that errors name into lines), or the Parquet row
 * (the first data row is row 2, as in a sheet whose header is row 1). The cells are what the file holds: text for CSV (the engine's
 * parsers read "1234.50" and "2025-12-31" as they read those texts in a cell), numbers, dates and
 * text for Parquet (64-bit integers become numbers when exact, else text).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { type Options as CsvOptions, parse } from "csv-parse";
import { parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import type { AsyncBuffer } from "hyparquet";
import { type CcError, ccError } from "../../domain/errors";
import { CliError, USAGE_EXIT } from "../_lib/cli-error";
import { CsvRecordError, type FastCsvResult, readCsvFast } from "./csv-fast";

/** A file's errors as one CliError. */
function fileError(file: string, rowWord: "line" | "row", error: CcError): CliError {
  return new CliError(describeFileErrors([error], file, rowWord));
}

/** Errors of a file as lines naming the file, the line (CSV) or row (Parquet) and the column. */
export function describeFileErrors(errors: readonly CcError[], file: string, rowWord: "line" | "row"): string {
  const more = errors.length >= 50 ? "\n  (stopped after 50 errors)" : "";
  const lines = errors.map((e) => {
    const where = e.row === undefined ? "" : `${rowWord} ${e.row}, `;
    const column = e.column === undefined ? "" : `column ${e.column}: `;
    return `  file '${file}', ${where}${column}${e.message} [${e.code}]`;
  });
  return `${errors.length} error${errors.length === 1 ? "" : "s"} in the input:\n${lines.join("\n")}${more}`;
}

export type LedgerFormat = "csv" | "parquet";

/** The stream format of an input path, or undefined for a workbook (read as .xlsx). */
export function ledgerFormatOf(path: string): LedgerFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return "csv";
  if (ext === ".parquet" || ext === ".pq") return "parquet";
  return undefined;
}

export interface StreamRows {
  /** The header row; return false to stop before any data row (a header the reader refuses). */
  onHeader(header: readonly unknown[]): boolean;
  /** One data row; return false to stop reading (too many errors). */
  onRow(row: readonly unknown[], rowNumber: number): boolean;
}

export interface StreamOptions {
  /** CSV field delimiter; default: ';' when the header line has more semicolons than commas, else ','. */
  readonly delimiter?: string;
  /** Rows per progress call. */
  readonly progressEvery?: number;
  readonly progress?: (rows: number) => void;
  /**
   * CSV: "fast" (the default) splits quote-free lines itself and hands every other record to
   * csv-parse (csv-fast.ts); "csv-parse" streams the whole file through csv-parse. Both give the
   * same records and the same errors (test/cli/csv-fast.test.ts compares them).
   */
  readonly csvEngine?: "fast" | "csv-parse";
}

/** What a stream read: the data rows seen and how errors name a row ("line" for CSV, "row" for Parquet). */
export interface StreamRead {
  readonly rows: number;
  readonly rowWord: "line" | "row";
  readonly stopped: boolean;
  /** CSV: the line where each given record number starts (rows reach `onRow` numbered by record). */
  readonly lineOf?: (records: ReadonlySet<number>) => Promise<Map<number, number>>;
}

export async function streamLedger(path: string, sink: StreamRows, options: StreamOptions = {}): Promise<StreamRead> {
  const format = ledgerFormatOf(path);
  if (format === "csv") return streamCsv(path, sink, options);
  if (format === "parquet") return streamParquet(path, sink, options);
  throw new CliError(`${path}: not a .csv or .parquet file`, USAGE_EXIT);
}

async function sniffDelimiter(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString("utf8");
    const line = text.split(/\r?\n/, 1)[0] ?? "";
    const count = (ch: string): number => line.split(ch).length - 1;
    if (count("\t") > Math.max(count(","), count(";"))) return "\t";
    return count(";") > count(",") ? ";" : ",";
  } finally {
    await handle.close();
  }
}

async function streamCsv(path: string, sink: StreamRows, options: StreamOptions): Promise<StreamRead> {
  const delimiter = options.delimiter ?? (await sniffDelimiter(path));
  const every = options.progressEvery ?? 1_000_000;
  let rows = 0;
  let header = true;
  let stopped = false;
  if (options.csvEngine !== "csv-parse") {
    let result: FastCsvResult;
    try {
      result = await readCsvFast(path, delimiter, (record) => {
        if (header) {
          header = false;
          return sink.onHeader(record);
        }
        rows++;
        if (options.progress !== undefined && rows % every === 0) options.progress(rows);
        return sink.onRow(record, rows + 1);
      });
    } catch (e) {
      if (e instanceof CsvRecordError) throw fileError(basename(path), "line", ccError("csv_must_be_well_formed", e.message.replace(/^Invalid Record Length: /, ""), { row: e.lines }));
      if (e instanceof Error && "code" in e && typeof (e as NodeJS.ErrnoException).syscall === "string") throw new CliError(`${path}: ${e.message}`);
      throw e;
    }
    if (result !== "cr") {
      stopped = result === "stopped";
      if (header && !stopped) throw fileError(basename(path), "line", ccError("csv_must_have_a_header", {}));
      return { rows, rowWord: "line", stopped, lineOf: (records) => csvLines(path, delimiter, records) };
    }
    // Lines ending in a bare CR: csv-parse reads the file from the start.
    rows = 0;
    header = true;
  }
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    // No per-record info (line numbers) while streaming: it costs a third of the parse. Rows are
    // numbered by record (the header is record 1); `lineOf` maps the few that errors name to lines.
    const parser = parse({ delimiter, bom: true, skip_empty_lines: true });
    const stop = (): void => {
      stopped = true;
      input.destroy();
      parser.destroy();
      resolve();
    };
    parser.on("data", (record: string[]) => {
      if (stopped) return;
      if (header) {
        header = false;
        if (!sink.onHeader(record)) stop();
        return;
      }
      rows++;
      if (options.progress !== undefined && rows % every === 0) options.progress(rows);
      if (!sink.onRow(record, rows + 1)) stop();
    });
    parser.on("end", () => resolve());
    parser.on("error", (e: Error & { lines?: number }) => {
      if (stopped) return;
      const at = typeof e.lines === "number" ? { row: e.lines } : {};
      reject(fileError(basename(path), "line", ccError("csv_must_be_well_formed", { detail: e.message.replace(/^Invalid Record Length: /, "") }, at)));
    });
    input.on("error", (e) => reject(new CliError(`${path}: ${e.message}`)));
    input.pipe(parser);
  });
  if (header && !stopped) throw fileError(basename(path), "line", ccError("csv_must_have_a_header", {}));
  return { rows, rowWord: "line", stopped, lineOf: (records) => csvLines(path, delimiter, records) };
}

/**
 * The line each of `records` (record numbers, the header = 1) starts on: a second pass, made only
 * when errors name rows, since a quoted field may span lines and blank lines are skipped.
 */
async function csvLines(path: string, delimiter: string, records: ReadonlySet<number>): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const last = Math.max(0, ...records);
  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    let record = 0;
    let startLine = 1;
    const csvOptions: CsvOptions<string[], string[]> = {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      on_record: (rec: string[], context: { lines: number; empty_lines: number }) => {
        record++;
        // Skipped blank lines before this record move its start down.
        if (records.has(record)) out.set(record, Math.max(startLine, context.lines - countNewlines(rec)));
        startLine = context.lines + 1;
        if (record >= last) {
          input.destroy();
          resolve();
        }
        return rec;
      },
    };
    const parser = parse(csvOptions as CsvOptions);
    parser.on("data", () => undefined);
    parser.on("end", () => resolve());
    parser.on("error", () => resolve());
    input.on("error", reject);
    input.pipe(parser);
  });
  return out;
}

/** Line breaks inside a record's fields (a quoted field spanning lines). */
function countNewlines(rec: readonly string[]): number {
  let n = 0;
  for (const field of rec) for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) n++;
  return n;
}

/** A file as hyparquet's AsyncBuffer: ranged reads, nothing held. */
async function fileBuffer(path: string): Promise<{ buffer: AsyncBuffer; close: () => Promise<void> }> {
  const handle = await open(path, "r");
  const { size } = await handle.stat();
  return {
    buffer: {
      byteLength: size,
      slice: async (start: number, end?: number): Promise<ArrayBuffer> => {
        const length = (end ?? size) - start;
        const out = new ArrayBuffer(length);
        await handle.read(new Uint8Array(out), 0, length, start);
        return out;
      },
    },
    close: () => handle.close(),
  };
}

/** A Parquet cell as the engine reads cells: exact 64-bit integers as numbers, the rest as text. */
function cellOf(v: unknown): unknown {
  if (typeof v === "bigint") return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  return v;
}

async function streamParquet(path: string, sink: StreamRows, options: StreamOptions): Promise<StreamRead> {
  const { buffer, close } = await fileBuffer(path);
  try {
    let metadata;
    try {
      metadata = await parquetMetadataAsync(buffer);
    } catch (e) {
      throw fileError(basename(path), "row", ccError("parquet_must_be_readable", { detail: e instanceof Error ? e.message : String(e) }));
    }
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    if (!sink.onHeader(columns)) return { rows: 0, rowWord: "row", stopped: true };
    const every = options.progressEvery ?? 1_000_000;
    let rows = 0;
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      let chunk: unknown[][] = [];
      await parquetRead({ file: buffer, metadata, rowStart, rowEnd, columns, onComplete: (r: unknown[][]) => { chunk = r; } });
      for (let i = 0; i < chunk.length; i++) {
        const raw = chunk[i] as unknown[];
        for (let j = 0; j < raw.length; j++) if (typeof raw[j] === "bigint") raw[j] = cellOf(raw[j]);
        rows++;
        if (options.progress !== undefined && rows % every === 0) options.progress(rows);
        // Row 1 is the header, as in a sheet.
        if (!sink.onRow(raw, rowStart + i + 2)) return { rows, rowWord: "row", stopped: true };
      }
      rowStart = rowEnd;
    }
    return { rows, rowWord: "row", stopped: false };
  } finally {
    await close();
  }
}
