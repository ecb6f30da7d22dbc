/**
 * `cc aging LEDGER.csv|LEDGER.parquet`: a ledger past one sheet, read as a stream. The worked
 * example is the bundled sample ledger: its Transactions sheet written as CSV (dates as yyyy-mm-dd
 * text, amounts as decimal text) and as Parquet (numbers and dates typed) ages to exactly the
 * Aging sheet the workbook path writes. Bad input names the file, the line (CSV) or row (Parquet)
 * and the column.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { isoFromSerial } from "../../src/domain/dates";
import { readTables } from "../../src/cli/_lib/xlsx-read";
import { transactionsRequest } from "../../src/cli/_lib/tables";
import { csvField } from "../../src/cli/stream/csv-write";
import { cc, readBack, tempDir } from "./helpers";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample-ledger.xlsx");
const DATE_HEADERS = new Set(["Date", "DueDate", "DocumentDate", "CashDiscountDate", "PromiseDate"]);

async function sampleRange(): Promise<unknown[][]> {
  const tables = await readTables(SAMPLE, [transactionsRequest(undefined)]);
  return (tables.get("transactions") as { range: unknown[][] }).range;
}

/** A range as CSV text: date serials as yyyy-mm-dd, numbers as their shortest decimal text. */
function toCsv(range: readonly unknown[][], delimiter = ","): string {
  const header = (range[0] ?? []).map(String);
  const dates = header.map((h) => DATE_HEADERS.has(h));
  return range
    .map((row, i) =>
      header
        .map((_, j) => {
          const v = row[j];
          if (v === null || v === undefined) return "";
          if (i > 0 && dates[j] === true && typeof v === "number") return isoFromSerial(v);
          const text = String(v);
          return delimiter === "," ? csvField(text) : text;
        })
        .join(delimiter),
    )
    .join("\n");
}

/** A range as a Parquet file: dates as TIMESTAMP, numbers as DOUBLE, the rest as STRING columns. */
function toParquet(range: readonly unknown[][]): ArrayBuffer {
  const header = (range[0] ?? []).map(String);
  const body = range.slice(1);
  return parquetWriteBuffer({
    columnData: header.map((name, j) => {
      const values = body.map((r) => r[j] ?? null);
      if (DATE_HEADERS.has(name)) return { name, type: "TIMESTAMP" as const, data: values.map((v) => (typeof v === "number" ? new Date(Date.UTC(1899, 11, 30) + v * 86400000) : null)) };
      if (values.every((v) => v === null || typeof v === "number") && values.some((v) => v !== null)) return { name, type: "DOUBLE" as const, data: values };
      return { name, type: "STRING" as const, data: values.map((v) => (v === null ? null : String(v))) };
    }),
    rowGroupSize: 500,
  });
}

async function agingOf(input: string, out: string, ...more: string[]): Promise<unknown[][]> {
  const r = await cc("aging", input, "--as-of", "2025-12-31", "--out", out, "--quiet", ...more);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return (await readBack(out)).get("Aging") ?? [];
}

describe("cc aging over a CSV or Parquet ledger", () => {
  let dir: string;
  let range: unknown[][];
  let expected: unknown[][];
  beforeAll(async () => {
    dir = tempDir();
    range = await sampleRange();
    expected = await agingOf(SAMPLE, join(dir, "from-xlsx.xlsx"));
  });

  it("ages the sample ledger as CSV to exactly the workbook's Aging sheet", async () => {
    expect(range.length).toBeGreaterThan(1000);
    expect(expected.length).toBeGreaterThan(100);
    const csv = join(dir, "ledger.csv");
    writeFileSync(csv, toCsv(range));
    expect(await agingOf(csv, join(dir, "from-csv.xlsx"))).toEqual(expected);
  });

  it("reads a semicolon-separated CSV with a byte order mark and CRLF line ends", async () => {
    const csv = join(dir, "ledger-semicolon.csv");
    writeFileSync(csv, `\ufeff${toCsv(range, ";").replace(/\n/g, "\r\n")}\r\n`);
    expect(await agingOf(csv, join(dir, "from-semicolon.xlsx"))).toEqual(expected);
  });

  it("ages the sample ledger as Parquet (several row groups) to exactly the workbook's Aging sheet", async () => {
    const pq = join(dir, "ledger.parquet");
    writeFileSync(pq, Buffer.from(toParquet(range)));
    expect(await agingOf(pq, join(dir, "from-parquet.xlsx"))).toEqual(expected);
  });

  it("writes the Aging table as CSV with --out NAME.csv", async () => {
    const csv = join(dir, "ledger.csv");
    writeFileSync(csv, toCsv(range));
    const out = join(dir, "aging.csv");
    const r = await cc("aging", csv, "--as-of", "2025-12-31", "--out", out, "--quiet");
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\r\n");
    expect(lines.length).toBe(expected.length);
    expect(lines[0]).toBe((expected[0] as unknown[]).join(","));
    // The first customer row: the same customer, currency and amounts as the workbook's sheet.
    expect((lines[1] as string).split(",").map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v))).toEqual((expected[1] as unknown[]).map((v) => (v === null ? "" : v)));
  });

  it("ages a small worked example: two customers, a payment and a disputed item", async () => {
    const csv = join(dir, "small.csv");
    writeFileSync(csv, ["Customer,Amount,DueDate,Currency,Status", "A,100.00,2025-12-01,USD,", "A,-30.00,2025-12-20,USD,", "B,50.5,2026-01-10,EUR,Disputed"].join("\n"));
    const aging = await agingOf(csv, join(dir, "small.xlsx"), "--periods", "30,60");
    const header = aging[0] as string[];
    const row = (customer: string): Record<string, unknown> => Object.fromEntries(header.map((h, i) => [h, (aging.find((r) => r[0] === customer) ?? [])[i]]));
    // A: 100 due 30 days before the as-of date and a payment dated 11 days before: balance 70.
    expect(row("A")["Balance"]).toBe(70);
    expect(row("A")["Currency"]).toBe("USD");
    expect(row("B")["Balance"]).toBe(50.5);
    expect(row("B")["Currency"]).toBe("EUR");
  });
});

describe("cc aging over a CSV or Parquet ledger: invalid input", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it("names the line and column of a bad amount and a bad date", async () => {
    const csv = join(dir, "bad.csv");
    writeFileSync(csv, ["Customer,Amount,DueDate", "A,100,2025-12-01", "A,12x,2025-12-01", "B,5,2025-02-30"].join("\n"));
    const r = await cc("aging", csv, "--as-of", "2025-12-31", "--out", join(dir, "bad.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("2 errors in the input");
    expect(r.stderr).toMatch(/file 'bad\.csv', line 3, column Amount: .*\[amount_must_be_an_amount\]/);
    expect(r.stderr).toMatch(/file 'bad\.csv', line 4, column DueDate: .*not a real calendar date.*\[due_date_must_be_a_date\]/);
  });

  it("counts lines from the start of a record when a quoted field spans lines", async () => {
    const csv = join(dir, "multiline.csv");
    writeFileSync(csv, ["Customer,Amount,DueDate,Note", 'A,1,2025-12-01,"two', 'lines"', "B,oops,2025-12-01,x"].join("\n"));
    const r = await cc("aging", csv, "--as-of", "2025-12-31", "--out", join(dir, "m.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 4, column Amount/);
  });

  it("refuses a header without Amount, naming line 1", async () => {
    const csv = join(dir, "header.csv");
    writeFileSync(csv, ["Customer,Sum,DueDate", "A,1,2025-12-01"].join("\n"));
    const r = await cc("aging", csv, "--as-of", "2025-12-31", "--out", join(dir, "h.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/file 'header\.csv', line 1.*Amount/);
  });

  it("refuses a line with more fields than the header, naming it", async () => {
    const csv = join(dir, "ragged.csv");
    writeFileSync(csv, ["Customer,Amount,DueDate", "A,1,2025-12-01", "B,2,2025-12-01,extra"].join("\n"));
    const r = await cc("aging", csv, "--as-of", "2025-12-31", "--out", join(dir, "r.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/file 'ragged\.csv', line 3, .*\[csv_must_be_well_formed\]/);
  });

  it("refuses an empty file, --in-place and --sheet", async () => {
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect((await cc("aging", empty, "--out", join(dir, "e.xlsx"), "--quiet")).stderr).toContain("[csv_must_have_a_header]");
    const csv = join(dir, "ok.csv");
    writeFileSync(csv, "Customer,Amount,DueDate\nA,1,2025-12-01\n");
    const inPlace = await cc("aging", csv, "--in-place", "--quiet");
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toContain("--in-place");
    expect((await cc("aging", csv, "--sheet", "X", "--quiet")).code).toBe(2);
  });

  it("names the Parquet row of a bad cell (row 2 is the first data row) and refuses a file that is not Parquet", async () => {
    const pq = join(dir, "bad.parquet");
    writeFileSync(
      pq,
      Buffer.from(
        parquetWriteBuffer({
          columnData: [
            { name: "Customer", type: "STRING", data: ["A", "B", "C"] },
            { name: "Amount", type: "STRING", data: ["1.00", "2.00", "three"] },
            { name: "DueDate", type: "STRING", data: ["2025-12-01", "2025-12-01", "2025-12-01"] },
          ],
        }),
      ),
    );
    const r = await cc("aging", pq, "--as-of", "2025-12-31", "--out", join(dir, "p.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/file 'bad\.parquet', row 4, column Amount/);
    const notParquet = join(dir, "not.parquet");
    writeFileSync(notParquet, "Customer,Amount\n");
    const n = await cc("aging", notParquet, "--out", join(dir, "n.xlsx"), "--quiet");
    expect(n.code).toBe(1);
    expect(n.stderr).toContain("[parquet_must_be_readable]");
  });
});
