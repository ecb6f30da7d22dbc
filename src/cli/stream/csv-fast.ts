/**
 * The CSV reader's fast path. Most ledger lines hold no quote: such a line is split at the
 * delimiter directly, which is several times faster than csv-parse's character loop. A record that
 * is not that simple (a quote anywhere, a stray CR or LF, a field count other than the header's)
 * is handed to csv-parse itself, together with the header line, so its fields and its errors
 * (message and line) are exactly csv-parse's. Options are those of the streaming reader: the
 * delimiter, a BOM allowed, blank lines skipped, the record delimiter found from the first line
 * break (CRLF or LF; a file whose lines end in a bare CR is left to csv-parse whole).
 */
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { parse as parseSync } from "csv-parse/sync";

/** csv-parse's error, with the line it names in the whole file. */
export class CsvRecordError extends Error {
  constructor(
    message: string,
    readonly lines: number,
  ) {
    super(message);
    this.name = "CsvRecordError";
  }
}

export interface FastCsvSink {
  /** A record (the header is the first); return false to stop. */
  (record: string[]): boolean;
}

/** What the fast reader did: "cr" when the file's lines end in a bare CR (read it with csv-parse). */
export type FastCsvResult = "done" | "stopped" | "cr";

function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * Read `path` as CSV, calling `sink` with each record. Throws CsvRecordError for a record csv-parse
 * refuses, naming the line as the streaming csv-parse does.
 */
export async function readCsvFast(path: string, delimiter: string, sink: FastCsvSink): Promise<FastCsvResult> {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let first = true;
  /** "\r\n" or "\n" once known. */
  let crlf: boolean | undefined;
  let header: string[] | undefined;
  let headerText = "";
  let headerLines = 1;
  /** Lines before the current one, as csv-parse counts them. */
  let line = 0;
  /** A record being gathered over several lines (an open quote). */
  let pending: string | undefined;
  let pendingStart = 0;
  let stopped = false;

  const slow = (text: string, startLine: number): boolean => {
    // The header first, so that csv-parse checks the field count against it, then the record.
    const lead = header === undefined ? "" : `${headerText}${crlf === true ? "\r\n" : "\n"}`;
    let records: string[][];
    try {
      records = parseSync(lead + text, { delimiter, skip_empty_lines: true, relax_column_count: false }) as string[][];
    } catch (e) {
      const err = e as Error & { lines?: number };
      const rel = typeof err.lines === "number" ? err.lines : 1;
      const offset = startLine - 1 - (header === undefined ? 0 : headerLines);
      throw new CsvRecordError(err.message.replace(/\bline (\d+)/, (_m, n: string) => `line ${Number(n) + offset}`), rel + offset);
    }
    for (let k = header === undefined ? 0 : 1; k < records.length; k++) {
      const rec = records[k] as string[];
      if (header === undefined) {
        header = rec;
        headerText = text;
        headerLines = Math.max(1, newlines(text) + 1);
      }
      if (!sink(rec)) return false;
    }
    return true;
  };

  /** A gathered record is whole: its quotes balance and, in a CRLF file, its last line ended in CRLF. */
  const whole = (text: string, last: boolean): boolean => last || (quotes(text) % 2 === 0 && (crlf !== true || text.endsWith("\r")));
  const strip = (text: string): string => (crlf === true && text.endsWith("\r") ? text.slice(0, -1) : text);

  /** One line (without its LF); false to stop. */
  const onLine = (raw: string, last: boolean): boolean => {
    line++;
    if (pending !== undefined) {
      pending += `\n${raw}`;
      if (!whole(pending, last)) return true;
      const rec = strip(pending);
      pending = undefined;
      return slow(rec, pendingStart);
    }
    let text = raw;
    if (crlf === true) {
      if (text.endsWith("\r")) text = text.slice(0, -1);
      else if (!last) {
        // A bare LF inside a CRLF file belongs to the field: csv-parse decides what it is.
        pending = raw;
        pendingStart = line;
        return true;
      }
    }
    if (text.length === 0) return true; // a blank line
    if (text.indexOf('"') >= 0 || text.indexOf("\r") >= 0) {
      if (!whole(raw, last)) {
        pending = raw;
        pendingStart = line;
        return true;
      }
      return slow(text, line);
    }
    const fields = text.split(delimiter);
    if (header === undefined) {
      header = fields;
      headerText = text;
      return sink(fields);
    }
    if (fields.length !== header.length) return slow(text, line);
    return sink(fields);
  };

  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let text = carry + decoder.write(chunk);
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (crlf === undefined) {
        // The record delimiter is the first line break's, as csv-parse finds it.
        const lf = text.indexOf("\n");
        const cr = text.indexOf("\r");
        if (cr >= 0 && (lf < 0 || cr < lf)) {
          if (cr + 1 >= text.length) {
            carry = text;
            continue;
          }
          if (text.charCodeAt(cr + 1) !== 10) return "cr";
          crlf = true;
        } else if (lf >= 0) crlf = false;
        else {
          carry = text;
          continue;
        }
      }
      let at = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", at)) {
        if (!onLine(text.slice(at, nl), false)) {
          stopped = true;
          break;
        }
        at = nl + 1;
      }
      if (stopped) break;
      carry = text.slice(at);
    }
    if (!stopped) {
      const rest = carry + decoder.end();
      if (first && rest.charCodeAt(0) === 0xfeff) carry = rest.slice(1);
      else carry = rest;
      if (crlf === undefined && /\r(?!\n)/.test(carry)) return "cr";
      if (carry.length > 0 || pending !== undefined) {
        if (!onLine(carry, true)) stopped = true;
      }
    }
  } finally {
    input.destroy();
  }
  return stopped ? "stopped" : "done";
}
