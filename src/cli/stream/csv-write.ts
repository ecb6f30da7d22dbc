/**
 * A result table as CSV (RFC 4180: fields with a comma, quote or line break are quoted, quotes
 * doubled; lines end in CRLF), for `--out NAME.csv`: what a ledger past one sheet ages into may be
 * past one sheet too.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { OutCell } from "../_lib/xlsx-write";

export function csvField(v: OutCell | undefined): string {
  if (v === null || v === undefined) return "";
  // Text that a spreadsheet would take for a formula (a customer named "=HYPERLINK(...)") gets a
  // leading apostrophe, as OWASP advises for CSV: text stays text, as in the xlsx writer.
  // Signed numbers written as text ("-95") stay as they are.
  const t = typeof v === "string" ? (/^[=@\t\r]|^[+-](?![\d.])/.test(v) ? `'${v}` : v) : String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export async function writeCsv(path: string, rows: Iterable<readonly OutCell[]>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let buffer = "";
  for (const row of rows) {
    buffer += `${row.map(csvField).join(",")}\r\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      buffer = "";
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.on("error", reject);
    out.end(buffer, () => resolve());
  });
}
