/**
 * CSV bank statements -> `StatementLine` records. The text is split by a careful RFC 4180 reader
 * (quoted fields, doubled quotes, CR LF; the delimiter `;`, `,` or tab found from the header line),
 * headers are renamed through an optional column mapping, Nordic number and date formats are
 * normalized (`1 234,50`, `31.12.2025`), and the rows are read as a `Statement` table, so a CSV
 * line obeys exactly the rules of a sheet row. Row numbers are the file's record numbers (header 1).
 */
import { ccError, fail, type Result } from "../domain/errors";
import type { StatementLine } from "../domain/matching/types";
import { readStatement } from "./statement";
import { normalizeHeader } from "./table";

/** Which file header feeds which Statement column, e.g. { amount: "Belopp SEK", reference: "OCR" }. */
export type StatementMapping = Partial<Record<"lineId" | "date" | "amount" | "currency" | "counterparty" | "account" | "reference" | "text", string>>;

const CANONICAL: Readonly<Record<keyof StatementMapping, string>> = {
  lineId: "LineId", date: "Date", amount: "Amount", currency: "Currency", counterparty: "Counterparty", account: "Account", reference: "Reference", text: "Text",
};

export interface ReadCsvOptions {
  readonly name?: string;
  readonly mapping?: StatementMapping;
  /** The currency of lines without a Currency column or cell. */
  readonly currency?: string;
  /** Force the delimiter instead of detecting it. */
  readonly delimiter?: string;
}

/**
 * Split CSV text into records of fields.
 * @example parseCsv('a;b\n"x;1";"say ""hi"""') // [["a", "b"], ["x;1", 'say "hi"']]
 */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const sep = delimiter ?? detectDelimiter(firstLine);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function detectDelimiter(header: string): string {
  let best = ",";
  let most = -1;
  for (const d of [";", "\t", ",", "|"]) {
    const n = header.split(d).length;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

/**
 * A Nordic or English amount as plain decimal text: spaces and apostrophes dropped; with both `.`
 * and `,` the later one is the decimal mark; a lone `,` followed by 1-2 digits (or 3 for 3-decimal
 * currencies is ambiguous and left to the reader, which refuses it) is a decimal comma.
 * @example normalizeAmount("1 234,50") // "1234.50"; normalizeAmount("1,234.50") // "1234.50"; normalizeAmount("-99,5") // "-99.5"
 */
export function normalizeAmount(raw: string): string {
  let s = raw.trim().replace(/[\s\u00a0\u202f']/g, "");
  const dot = s.lastIndexOf(".");
  const comma = s.lastIndexOf(",");
  if (dot >= 0 && comma >= 0) s = dot > comma ? s.replace(/,/g, "") : s.replace(/\./g, "").replace(",", ".");
  else if (comma >= 0 && /,\d{1,2}$/.test(s) && s.indexOf(",") === comma) s = s.replace(",", ".");
  return s;
}

/**
 * A date as ISO text: `yyyy-mm-dd` stays, `dd.mm.yyyy` and `yyyymmdd` are rewritten; anything else
 * (notably `dd/mm/yyyy`, which cannot be told from `mm/dd/yyyy`) is left for the reader to refuse.
 * @example normalizeDate("31.12.2025") // "2025-12-31"
 */
export function normalizeDate(raw: string): string {
  const s = raw.trim();
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m !== null) return `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m !== null) return `${m[1]}-${m[2]}-${m[3]}`;
  return s;
}

/**
 * Read a CSV statement.
 * @example readStatementCsv("Datum;Belopp;Valuta;OCR\n2025-12-01;1 250,00;SEK;12345682").value[0].amountMinor // 125000
 */
export function readStatementCsv(text: string, options: ReadCsvOptions = {}): Result<StatementLine[]> {
  const name = options.name ?? "statement.csv";
  const rows = parseCsv(text, options.delimiter).filter((r, i) => i === 0 || r.some((c) => c.trim() !== ""));
  const header = rows[0];
  if (header === undefined || header.every((c) => c.trim() === "")) return fail(ccError("range_must_have_a_header_row", { case: "empty" }, { table: name }));
  const renamed = header.map((h) => h.trim());
  for (const [key, fileHeader] of Object.entries(options.mapping ?? {}) as [keyof StatementMapping, string][]) {
    const i = renamed.findIndex((h) => normalizeHeader(h) === normalizeHeader(fileHeader));
    if (i < 0) return fail(ccError("mapped_column_must_exist", { header: fileHeader, column: CANONICAL[key] }, { table: name, row: 1, column: CANONICAL[key] }));
    // A file column that already carries a canonical name elsewhere gives way to the mapping.
    renamed.forEach((h, j) => { if (j !== i && normalizeHeader(h) === normalizeHeader(CANONICAL[key])) renamed[j] = `${h} (unmapped)`; });
    renamed[i] = CANONICAL[key];
  }
  const amountCol = columnOf(renamed, ["Amount", "Belopp", "Belob", "Belop"]);
  const dateCol = columnOf(renamed, ["Date", "Datum", "Dato", "BookingDate", "Bokforingsdag", "Bogforingsdato", "Bokforingsdato", "ValueDate", "Transaktionsdatum"]);
  // Nordic formats are normalized; plain decimals and ISO dates pass through unchanged.
  const range: unknown[][] = [renamed, ...rows.slice(1).map((r) => r.map((c, j) => (j === amountCol ? normalizeAmount(c) : j === dateCol ? normalizeDate(c) : c)))];
  return readStatement(range, { name, ...(options.currency !== undefined ? { currency: options.currency } : {}) });
}

function columnOf(header: readonly string[], names: readonly string[]): number {
  const wanted = new Set(names.map(normalizeHeader));
  return header.findIndex((h) => wanted.has(normalizeHeader(h)));
}
