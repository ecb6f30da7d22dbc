/**
 * A streaming reader of SpreadsheetML worksheets, for the CLI: a sheet part is inflated chunk by
 * chunk (zlib) and scanned for its rows and cells as text, with no XML event or cell object per
 * element, and only the columns the caller wants are decoded. Values are Excel's own: numbers,
 * text (shared or inline strings, formula string results), booleans, error values as their text
 * ("#N/A"), ISO date cells as serials of the workbook's date system, and a formula cell's cached
 * result. Text is decoded exactly: XML entities and character references, then Excel's `_xHHHH_`
 * escapes; rich text is the concatenation of its runs, without phonetic guides (`rPh`).
 *
 * A sheet that is not well formed where it matters (a row or cell that never ends, a row number
 * out of order, a number cell that holds no number, a shared string index past the table) is an
 * error naming the sheet and cell: a damaged file never turns into a wrong number.
 */
import { StringDecoder } from "node:string_decoder";
import { crc32, createInflateRaw } from "node:zlib";
import type { DateSystem } from "../../domain/dates";
import { entryData, type ZipArchive, type ZipEntry } from "./zip";

/** Thrown for a sheet or shared-string part that cannot be read; the message says what and where. */
export class SheetError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "SheetError";
  }
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function entity(_m: string, name: string | undefined, dec: string | undefined, hex: string | undefined): string {
  if (name !== undefined) return NAMED[name] as string;
  const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
}

/**
 * The text of an XML text node as Excel reads it: entities, then `_xHHHH_` escapes (`_x005F_`
 * is a literal underscore, so `_x005F_x0041_` is the text "_x0041_").
 * @example decodeText("a &amp; b_x000D_") // "a & b\r"
 */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.indexOf("&") >= 0) s = s.replace(ENTITY, entity);
  if (s.indexOf("_x") >= 0) s = s.replace(EXCEL_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** A tag's rest up to its `>`: quoted attribute values may hold `>`. */
const TAG_REST = /[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/y;

/** Index of the `>` that ends the tag starting at `from`, or -1 when the text ends first. */
function tagEnd(text: string, from: number): number {
  TAG_REST.lastIndex = from;
  return TAG_REST.test(text) ? TAG_REST.lastIndex - 1 : -1;
}

function isNameEnd(ch: number): boolean {
  // whitespace, '>' or '/': the element name ended
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/** The value of attribute `name` (no prefix) in the tag text `text[from, to)`, or undefined. */
function attrValue(text: string, from: number, to: number, name: string): string | undefined {
  let i = from;
  while (i < to) {
    let ch = text.charCodeAt(i);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && (ch = text.charCodeAt(i)) !== 61 && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) i++;
    const nameEnd = i;
    while (i < to && text.charCodeAt(i) !== 61) i++;
    i++; // '='
    while (i < to && ((ch = text.charCodeAt(i)) === 32 || ch === 9 || ch === 10 || ch === 13)) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return undefined;
    const valueEnd = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (valueEnd < 0 || valueEnd > to) return undefined;
    if (nameEnd - nameStart === name.length && text.startsWith(name, nameStart)) return text.slice(i + 1, valueEnd);
    i = valueEnd + 1;
  }
  return undefined;
}

/**
 * The `r` and `t` attributes of a cell's tag text `text[from, to)` in one pass (a cell has no
 * other attribute the reader needs); the fast case is `r="A2" s="3" t="s"` as every writer puts it.
 */
function cellAttrs(text: string, from: number, to: number, out: { r: string | undefined; t: string | undefined }): void {
  out.r = undefined;
  out.t = undefined;
  let i = from;
  while (i < to) {
    let ch = text.charCodeAt(i);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < to && (ch = text.charCodeAt(i)) !== 61 && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) i++;
    const nameLength = i - nameStart;
    while (i < to && text.charCodeAt(i) !== 61) i++;
    i++; // '='
    while (i < to && ((ch = text.charCodeAt(i)) === 32 || ch === 9 || ch === 10 || ch === 13)) i++;
    const quote = text.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return;
    const valueEnd = text.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (valueEnd < 0 || valueEnd > to) return;
    if (nameLength === 1) {
      const name = text.charCodeAt(nameStart);
      if (name === 114) out.r = text.slice(i + 1, valueEnd);
      else if (name === 116) out.t = text.slice(i + 1, valueEnd);
    }
    i = valueEnd + 1;
  }
}

/** 0-based column of a cell reference ("AB12" -> 27), or -1 when it does not start with letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const RUN_TAGS = /<(\/?)(?:[\w.-]+:)?(t|rPh)\b[^>]*?(\/?)>/g;

/**
 * The text of a string item (`<si>` or `<is>` content): its `<t>` elements concatenated, those of
 * phonetic runs (`<rPh>`) left out.
 */
export function stringItemText(content: string): string {
  // The common case: <t>text</t> or <t xml:space="preserve">text</t> alone.
  if (content.startsWith("<t") && content.endsWith("</t>")) {
    const open = content.indexOf(">");
    const inner = content.slice(open + 1, content.length - 4);
    if (open > 0 && isNameEnd(content.charCodeAt(2)) && inner.indexOf("<") < 0) return content.charCodeAt(open - 1) === 47 ? "" : decodeText(inner);
  }
  let out = "";
  let phonetic = 0;
  let textStart = -1;
  RUN_TAGS.lastIndex = 0;
  for (let m = RUN_TAGS.exec(content); m !== null; m = RUN_TAGS.exec(content)) {
    const closing = m[1] === "/";
    const selfClosing = m[3] === "/";
    if (m[2] === "rPh") {
      if (!selfClosing) phonetic += closing ? -1 : 1;
      continue;
    }
    if (closing) {
      if (textStart >= 0 && phonetic === 0) out += decodeText(content.slice(textStart, m.index));
      textStart = -1;
    } else if (!selfClosing) textStart = m.index + m[0].length;
  }
  return out;
}

/** The shared-string table of a workbook (empty when it has none). */
export function readSharedStrings(zip: ZipArchive, part: string | undefined): string[] {
  const entry = part === undefined ? undefined : zip.byName.get(part);
  if (entry === undefined) return [];
  const text = entryData(zip, entry).toString("utf8");
  const out: string[] = [];
  const si = /<(?:[\w.-]+:)?si\b[^>]*?(\/?)>/g;
  for (let m = si.exec(text); m !== null; m = si.exec(text)) {
    if (m[1] === "/") {
      out.push("");
      continue;
    }
    const start = m.index + m[0].length;
    const prefix = /^<([\w.-]+:)?/.exec(m[0])?.[1] ?? "";
    const end = text.indexOf(`</${prefix}si>`, start);
    if (end < 0) throw new SheetError(`${part as string}: string ${out.length} never ends`);
    out.push(stringItemText(text.slice(start, end)));
    si.lastIndex = end;
  }
  return out;
}

/** A row as the reader hands it over: its sheet row number and its cells by 0-based column. */
export type RowHandler = (rowNumber: number, cells: unknown[]) => boolean | void;

export interface SheetReadOptions {
  readonly sharedStrings: readonly string[];
  readonly dateSystem: DateSystem;
  /** Sheet name, for messages. */
  readonly sheet: string;
  /**
   * Which 0-based columns to decode (the others are skipped, not turned into values); undefined
   * decodes every column. Read again for every row, so a handler may narrow it after the header.
   */
  wanted?: Uint8Array | undefined;
}

const MS_PER_DAY = 86400000;

/** An ISO 8601 date cell (`t="d"`) as a serial of the workbook's date system. */
function isoDateSerial(text: string, dateSystem: DateSystem): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/.exec(text.trim());
  if (m === null) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)) + Number(m[6] ?? 0) * 1000;
  const serial = 25569 + ms / MS_PER_DAY;
  return dateSystem === "1904" ? serial - 1462 : serial;
}

/** Scans a worksheet's text as it arrives, calling the handler once per `<row>` element. */
export class SheetScanner {
  private buf = "";
  private prefix = "";
  private state: "before" | "rows" | "done" = "before";
  private lastRow = 0;
  private rowOpen = "<row";
  private rowClose = "</row>";
  private cellOpen = "<c";
  private cellClose = "</c>";
  private valueOpen = "<v";
  private valueClose = "</v>";
  private inlineOpen = "<is";
  private inlineClose = "</is>";
  private dataClose = "</sheetData";
  private readonly attrs: { r: string | undefined; t: string | undefined } = { r: undefined, t: undefined };
  /** Set when the handler asked to stop. */
  stopped = false;

  constructor(
    private readonly options: SheetReadOptions,
    private readonly onRow: RowHandler,
  ) {}

  get finished(): boolean {
    return this.state === "done" || this.stopped;
  }

  private damaged(reason: string): SheetError {
    return new SheetError(`sheet '${this.options.sheet}' is damaged (${reason})`);
  }

  /** Feed the next piece of the sheet's text; `final` after the last piece. */
  feed(text: string, final: boolean): void {
    if (this.finished) return;
    this.buf = this.buf.length === 0 ? text : this.buf + text;
    const buf = this.buf;
    let pos = 0;
    if (this.state === "before") {
      const m = /<([\w.-]+:)?sheetData\b[^>]*?(\/?)>/.exec(buf);
      if (m === null) {
        if (final) this.state = "done"; // a sheet without sheetData: no rows
        return;
      }
      this.setPrefix(m[1] ?? "");
      if (m[2] === "/") {
        this.state = "done";
        this.buf = "";
        return;
      }
      this.state = "rows";
      pos = m.index + m[0].length;
    }
    for (;;) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) {
        pos = buf.length;
        break;
      }
      if (buf.startsWith(this.rowOpen, lt) && lt + this.rowOpen.length < buf.length && isNameEnd(buf.charCodeAt(lt + this.rowOpen.length))) {
        const end = tagEnd(buf, lt + 1);
        if (end < 0) {
          pos = lt;
          break;
        }
        const selfClosing = buf.charCodeAt(end - 1) === 47;
        let close = end + 1;
        if (!selfClosing) {
          close = buf.indexOf(this.rowClose, end);
          if (close < 0) {
            pos = lt;
            break;
          }
        }
        const r = attrValue(buf, lt + this.rowOpen.length, selfClosing ? end - 1 : end, "r");
        const rowNumber = r === undefined ? this.lastRow + 1 : Number(r);
        if (!Number.isInteger(rowNumber) || rowNumber <= this.lastRow || rowNumber > 1048576) throw this.damaged(`row number ${r ?? ""} after row ${this.lastRow}`);
        this.lastRow = rowNumber;
        const cells = selfClosing ? [] : this.cells(buf, end + 1, close, rowNumber);
        if (this.onRow(rowNumber, cells) === false) {
          this.stopped = true;
          this.buf = "";
          return;
        }
        pos = selfClosing ? close : close + this.rowClose.length;
        continue;
      }
      if (buf.startsWith(this.dataClose, lt)) {
        this.state = "done";
        this.buf = "";
        return;
      }
      if (buf.startsWith("<!--", lt)) {
        const end = buf.indexOf("-->", lt + 4);
        if (end < 0) {
          pos = lt;
          break;
        }
        pos = end + 3;
        continue;
      }
      // Anything else between rows (an extension element): skip its tag.
      const end = tagEnd(buf, lt + 1);
      if (end < 0) {
        pos = lt;
        break;
      }
      pos = end + 1;
    }
    if (final) throw this.damaged(this.lastRow === 0 ? "its rows never end" : `it ends inside or after row ${this.lastRow}`);
    this.buf = pos >= buf.length ? "" : buf.slice(pos);
  }

  private setPrefix(prefix: string): void {
    this.prefix = prefix;
    this.rowOpen = `<${prefix}row`;
    this.rowClose = `</${prefix}row>`;
    this.cellOpen = `<${prefix}c`;
    this.cellClose = `</${prefix}c>`;
    this.valueOpen = `<${prefix}v`;
    this.valueClose = `</${prefix}v>`;
    this.inlineOpen = `<${prefix}is`;
    this.inlineClose = `</${prefix}is>`;
    this.dataClose = `</${prefix}sheetData`;
  }

  private cells(buf: string, from: number, to: number, rowNumber: number): unknown[] {
    const out: unknown[] = [];
    const wanted = this.options.wanted;
    const open = this.cellOpen;
    let col = -1;
    let pos = from;
    for (;;) {
      const lt = buf.indexOf(open, pos);
      if (lt < 0 || lt >= to) break;
      if (!isNameEnd(buf.charCodeAt(lt + open.length))) {
        pos = lt + open.length;
        continue;
      }
      const end = tagEnd(buf, lt + 1);
      if (end < 0 || end > to) throw this.damaged(`a cell of row ${rowNumber} never ends`);
      const selfClosing = buf.charCodeAt(end - 1) === 47;
      const attrsEnd = selfClosing ? end - 1 : end;
      const attrs = this.attrs;
      cellAttrs(buf, lt + open.length, attrsEnd, attrs);
      const ref = attrs.r;
      const next = ref === undefined ? col + 1 : columnOf(ref);
      if (next < 0 || next <= col || next > 16383) throw this.damaged(`cell reference '${ref ?? ""}' in row ${rowNumber}`);
      col = next;
      if (selfClosing) {
        pos = end + 1;
        continue;
      }
      const close = buf.indexOf(this.cellClose, end);
      if (close < 0 || close > to) throw this.damaged(`cell ${columnName(col)}${rowNumber} never ends`);
      pos = close + this.cellClose.length;
      if (wanted !== undefined && wanted[col] !== 1) continue;
      const value = this.value(buf, end + 1, close, attrs.t, col, rowNumber);
      if (value !== null) out[col] = value;
    }
    return out;
  }

  /** The cell's value from its content `buf[from, to)` and type `t`; null for no value. */
  private value(buf: string, from: number, to: number, t: string | undefined, col: number, rowNumber: number): unknown {
    if (t === "inlineStr") {
      const is = buf.indexOf(this.inlineOpen, from);
      if (is >= 0 && is < to) {
        const end = tagEnd(buf, is + 1);
        if (buf.charCodeAt(end - 1) === 47) return "";
        const close = buf.indexOf(this.inlineClose, end);
        if (close < 0 || close > to) throw this.damaged(`cell ${columnName(col)}${rowNumber}: its text never ends`);
        return stringItemText(this.unprefixed(buf.slice(end + 1, close)));
      }
    }
    const v = this.rawValue(buf, from, to);
    if (v === undefined) return null;
    switch (t) {
      case undefined:
      case "n": {
        if (v.trim() === "") return null;
        const n = Number(v);
        if (Number.isNaN(n)) throw this.damaged(`cell ${columnName(col)}${rowNumber} is a number cell holding '${v.slice(0, 40)}'`);
        return n;
      }
      case "s": {
        const index = Number(v);
        const s = this.options.sharedStrings[index];
        if (!Number.isInteger(index) || s === undefined) throw this.damaged(`cell ${columnName(col)}${rowNumber} refers to shared string ${v.slice(0, 20)}, which does not exist`);
        return s;
      }
      case "str":
      case "inlineStr":
        return decodeText(v);
      case "b": {
        const b = v.trim();
        if (b === "1" || b === "true") return true;
        if (b === "0" || b === "false") return false;
        throw this.damaged(`cell ${columnName(col)}${rowNumber} is a boolean cell holding '${v.slice(0, 40)}'`);
      }
      case "e":
        return decodeText(v).trim();
      case "d": {
        if (v.trim() === "") return null;
        const serial = isoDateSerial(decodeText(v), this.options.dateSystem);
        if (Number.isNaN(serial)) throw this.damaged(`cell ${columnName(col)}${rowNumber} is a date cell holding '${v.slice(0, 40)}'`);
        return serial;
      }
      default:
        throw this.damaged(`cell ${columnName(col)}${rowNumber} has the unknown type '${t}'`);
    }
  }

  /** The raw text of the cell's `<v>` element, or undefined when it has none. */
  private rawValue(buf: string, from: number, to: number): string | undefined {
    let at = from;
    for (;;) {
      const v = buf.indexOf(this.valueOpen, at);
      if (v < 0 || v >= to) return undefined;
      const ch = buf.charCodeAt(v + this.valueOpen.length);
      if (!isNameEnd(ch)) {
        at = v + 1;
        continue;
      }
      const end = ch === 62 ? v + this.valueOpen.length : tagEnd(buf, v + 1);
      if (buf.charCodeAt(end - 1) === 47) return "";
      const close = buf.indexOf(this.valueClose, end);
      if (close < 0 || close > to) return undefined;
      return buf.slice(end + 1, close);
    }
  }

  /** Inline string content with the sheet's prefix taken off its tags (so `stringItemText` sees `<t>`). */
  private unprefixed(content: string): string {
    if (this.prefix === "") return content;
    return content.split(`<${this.prefix}`).join("<").split(`</${this.prefix}`).join("</");
  }
}

/**
 * Read a worksheet part row by row. The handler gets each `<row>`'s number and cells (0-based
 * columns; blank cells absent); returning false stops the scan. The part is inflated to its end
 * either way and its size and CRC-32 compared with the zip directory's: a damaged part is a
 * SheetError (`PART is damaged (checksum mismatch)`), as `openWorkbook` would have said.
 */
export async function readSheetRows(zip: ZipArchive, entry: ZipEntry, options: SheetReadOptions, onRow: RowHandler): Promise<void> {
  const scanner = new SheetScanner(options, onRow);
  const decoder = new StringDecoder("utf8");
  const raw = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const CHUNK = 1 << 20;
  let crc = 0;
  let size = 0;
  const take = (chunk: Buffer): void => {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!scanner.finished) scanner.feed(decoder.write(chunk), false);
  };
  if (entry.method === 0) {
    for (let at = 0; at < raw.length; at += CHUNK) take(raw.subarray(at, at + CHUNK));
  } else {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.end(raw);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) take(chunk);
    } catch (e) {
      throw new SheetError(`${entry.name} is damaged (${e instanceof Error ? e.message : String(e)})`);
    } finally {
      inflate.destroy();
    }
  }
  if (size !== entry.size || crc !== entry.crc) throw new SheetError(`${entry.name} is damaged (checksum mismatch)`);
  if (!scanner.finished) scanner.feed(decoder.end(), true);
}
