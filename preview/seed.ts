/**
 * Seeds the in-memory workbook from the bundled sample ledger (samples/sample-ledger.json): one
 * sheet and one Excel table per entry, ISO dates turned into date serials formatted as dates, as
 * they are in samples/sample-ledger.xlsx.
 */
import { parseDate } from "../src/domain/dates";
import type { CellValue } from "../src/taskpane/office/excel-subset";
import { Workbook } from "./workbook";

export type SampleJson = Readonly<Record<string, readonly (readonly (string | number | boolean | null)[])[]>>;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function seedWorkbook(sample: SampleJson): Workbook {
  const book = new Workbook();
  for (const [name, rows] of Object.entries(sample)) {
    const values: CellValue[][] = rows.map((row) => row.map((v) => (v === null ? "" : v)));
    book.seed(name, values, name);
    const sheet = book.sheet(name);
    if (sheet === undefined) continue;
    values.forEach((row, r) => {
      if (r === 0) return;
      row.forEach((v, c) => {
        if (typeof v === "string" && ISO.test(v)) {
          const d = parseDate(v);
          if (d.ok) book.setCell(sheet, r, c, { value: d.serial, format: "yyyy-mm-dd" });
        } else if (typeof v === "string") {
          book.setCell(sheet, r, c, { value: v, format: "@" });
        }
      });
    });
  }
  return book;
}
