/**
 * The CSV fast path (src/cli/stream/csv-fast.ts) against csv-parse streaming the whole file: the
 * same records, numbered alike, and the same errors naming the same lines, on generated files
 * with quotes, quoted delimiters and line breaks, blank lines, a BOM, `;` and CRLF, larger than
 * one read chunk, and on every kind of malformed record.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { streamLedger } from "../../src/cli/stream/ledger-stream";
import { Prng } from "../../src/cli/_lib/prng";
import { tempDir } from "./helpers";

interface Outcome {
  header?: readonly unknown[];
  rows: [number, readonly unknown[]][];
  error?: string;
}

async function read(path: string, csvEngine: "fast" | "csv-parse", delimiter?: string, stopAfter = Infinity): Promise<Outcome> {
  const out: Outcome = { rows: [] };
  try {
    await streamLedger(
      path,
      {
        onHeader: (h) => {
          out.header = [...h];
          return true;
        },
        onRow: (row, n) => {
          out.rows.push([n, [...row]]);
          return out.rows.length < stopAfter;
        },
      },
      { csvEngine, ...(delimiter === undefined ? {} : { delimiter }) },
    );
  } catch (e) {
    out.error = (e as Error).message;
  }
  return out;
}

async function same(text: string, delimiter?: string, stopAfter?: number): Promise<Outcome> {
  const path = join(tempDir(), "ledger.csv");
  writeFileSync(path, text);
  const fast = await read(path, "fast", delimiter, stopAfter);
  const slow = await read(path, "csv-parse", delimiter, stopAfter);
  expect(fast).toEqual(slow);
  return fast;
}

/** A ledger of `rows` rows; every so often a field that needs quotes (a delimiter, a quote, a line break). */
function ledger(rows: number, d: string, eol: string, seed: number): string {
  const prng = new Prng(seed);
  const rand = (): number => prng.next();
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  const lines = [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Note"].join(d)];
  for (let i = 0; i < rows; i++) {
    const x = rand();
    const note = x < 0.02 ? q(`Acme${d} Inc.`) : x < 0.04 ? q('said "pay later"') : x < 0.05 ? q(`two${eol}lines`) : x < 0.06 ? "" : `n${i}`;
    const customer = x > 0.97 ? q(`C${i % 50}`) : `C${i % 50}`;
    lines.push([customer, `V${i}`, x < 0.2 ? "Payment" : "Invoice", "2025-06-01", "2025-07-01", (rand() * 1000 - 200).toFixed(2), "USD", note].join(d));
    if (x > 0.995) lines.push(""); // a blank line
  }
  return lines.join(eol) + eol;
}

describe("the CSV fast path reads exactly what csv-parse reads", () => {
  it("a generated ledger larger than one read chunk: comma and LF", async () => {
    const r = await same(ledger(40000, ",", "\n", 1));
    expect(r.rows.length).toBe(40000);
    expect(r.rows[0]?.[0]).toBe(2);
    expect(r.rows.some(([, row]) => row[7] === "Acme, Inc.")).toBe(true);
    expect(r.rows.some(([, row]) => row[7] === 'said "pay later"')).toBe(true);
    expect(r.rows.some(([, row]) => row[7] === "two\nlines")).toBe(true);
  });

  it("semicolons, a byte order mark and CRLF; quoted line breaks inside", async () => {
    const r = await same(`\ufeff${ledger(30000, ";", "\r\n", 2)}`);
    expect(r.header?.[0]).toBe("Customer");
    expect(r.rows.some(([, row]) => row[7] === "two\r\nlines")).toBe(true);
  });

  it("a worked example: quoted header, doubled quotes, blank lines, no final line break, a tab delimiter", async () => {
    const r = await same('"Customer","Amount"\n\nC1,"1,5"\n"C ""2""",7\n\n\nC3,8', ",");
    expect(r).toEqual({ header: ["Customer", "Amount"], rows: [[2, ["C1", "1,5"]], [3, ['C "2"', "7"]], [4, ["C3", "8"]]] });
    await same("Customer\tAmount\nC1\t5\n", "\t");
  });

  it("stops where the reader asks it to", async () => {
    const r = await same(ledger(5000, ",", "\n", 3), ",", 10);
    expect(r.rows.length).toBe(10);
  });

  it("lines ending in a bare CR are read by csv-parse", async () => {
    const r = await same("Customer,Amount\rC1,5\rC2,6\r");
    expect(r.rows).toEqual([[2, ["C1", "5"]], [3, ["C2", "6"]]]);
  });
});

describe("the CSV fast path: invalid input gives csv-parse's errors on the same lines", () => {
  const big = ledger(20000, ",", "\n", 4).split("\n");

  it("too few or too many fields, after quoted line breaks (the line counts them)", async () => {
    const few = await same([...big.slice(0, 15000), "C1,V1,Invoice", ...big.slice(15000)].join("\n"));
    expect(few.error).toMatch(/line \d+, .*expect 8, got 3 on line \d+ \[csv_must_be_well_formed\]/);
    const line = Number(/on line (\d+)/.exec(few.error as string)?.[1]);
    expect(line).toBeGreaterThan(15000); // every physical line counted, quoted line breaks included
    const many = await same("Customer,Amount\nC1,5\nC2,6,7\n");
    expect(many.error).toContain("line 3, expect 2, got 3 on line 3 [csv_must_be_well_formed]");
    expect(many.rows).toEqual([[2, ["C1", "5"]]]);
  });

  it("a quote inside an unquoted field, a character after a closing quote, a quote never closed", async () => {
    expect((await same('Customer,Amount\nC1,5\nC"2,6\n')).error).toContain("Invalid Opening Quote");
    expect((await same('Customer,Amount\nC1,5\n"C2"x,6\n')).error).toContain("Invalid Closing Quote");
    expect((await same('Customer,Amount\nC1,5\n"C2,6\nC3,7\n')).error).toContain("Quote Not Closed");
    expect((await same('Customer,Amount\r\nC1,5\r\n"C2,6\r\nC3,7')).error).toContain("Quote Not Closed");
  });

  it("a bare LF inside a CRLF file, a stray CR inside an LF file, an empty file", async () => {
    expect((await same("Customer,Amount\r\nC1,5\nC2,6\r\n")).error).toContain("expect 2, got 3");
    await same("Customer,Amount\nC1,5\rx\nC2,6\n");
    expect((await same("")).error).toContain("csv_must_have_a_header");
    expect((await same("\n\n")).error).toContain("csv_must_have_a_header");
  });
});
