/**
 * `npx tsx scripts/make-ledger-file.ts <rows> <out.csv|out.parquet> [customers]`: a generated ledger
 * past one sheet, for `cc aging` over a file (docs/scale.md). The rows are those of
 * scripts/bench-data.ts's `ledgerRange` (same seed, same rows), written as they are generated:
 * CSV streams in constant memory (dates as yyyy-mm-dd, amounts as decimal text); Parquet is
 * written one row group of 1,000,000 rows at a time (dates as timestamps, amounts as doubles).
 * Default customers: one per 100 rows. Not committed data: write it under /tmp.
 */
import { createWriteStream } from "node:fs";
import { isoFromSerial } from "../src/domain/dates";
import { Prng } from "../src/cli/_lib/prng";
import type { Writer } from "hyparquet-writer";
import { BENCH_AS_OF, CURRENCIES, customerIds, LEDGER_HEADER } from "./bench-data";

const GROUP = 1_000_000;

/** The rows of bench-data's ledgerRange, generated in chunks: [customer, voucher, type, date, due, amount, currency, discountDate, discountPct]. */
function* ledgerChunks(rows: number, customers: number, seed = 42): Generator<unknown[][]> {
  const rng = new Prng(seed);
  const ids = customerIds(customers);
  let chunk: unknown[][] = [];
  for (let i = 1; i <= rows; i++) {
    const c = rng.int(0, customers - 1);
    const currency = CURRENCIES[c % CURRENCIES.length] as string;
    const date = BENCH_AS_OF - rng.int(0, 365);
    const payment = rng.next() < 0.2;
    const amount = payment ? -rng.int(100, 500000) / 100 : rng.int(100, 300000) / 100;
    const discount = !payment && rng.next() < 0.3;
    chunk.push([ids[c], `V${i}`, payment ? "Payment" : "Invoice", date, payment ? date : date + 30, amount, currency, discount ? date + 10 : null, discount ? 2 : null]);
    if (chunk.length === GROUP) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

const DATE_COLUMNS = new Set([3, 4, 7]);

async function writeCsvLedger(path: string, rows: number, customers: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once("drain", () => resolve())));
  const isoCache = new Map<number, string>();
  const iso = (serial: number): string => isoCache.get(serial) ?? (isoCache.set(serial, isoFromSerial(serial)), isoFromSerial(serial));
  await write(`${LEDGER_HEADER.join(",")}\n`);
  for (const chunk of ledgerChunks(rows, customers)) {
    let text = "";
    for (const row of chunk) {
      text += `${row.map((v, j) => (v === null ? "" : DATE_COLUMNS.has(j) ? iso(v as number) : String(v))).join(",")}\n`;
      if (text.length > 1 << 20) {
        await write(text);
        text = "";
      }
    }
    await write(text);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function writeParquetLedger(path: string, rows: number, customers: number): Promise<void> {
  const hw = await import("hyparquet-writer");
  const { fileWriter } = hw as unknown as { fileWriter: (filename: string) => Writer };
  const epoch = Date.UTC(1899, 11, 30);
  const types = ["STRING", "STRING", "STRING", "TIMESTAMP", "TIMESTAMP", "DOUBLE", "STRING", "TIMESTAMP", "DOUBLE"] as const;
  let writer: InstanceType<typeof hw.ParquetWriter> | undefined;
  for (const chunk of ledgerChunks(rows, customers)) {
    const columnData = LEDGER_HEADER.map((name, j) => ({
      name,
      type: types[j] as (typeof types)[number],
      nullable: true,
      data: chunk.map((r) => {
        const v = r[j] ?? null;
        return v !== null && DATE_COLUMNS.has(j) ? new Date(epoch + (v as number) * 86400000) : v;
      }),
    }));
    writer ??= new hw.ParquetWriter({ writer: fileWriter(path), schema: hw.schemaFromColumnData({ columnData }) });
    await writer.write({ columnData, rowGroupSize: GROUP });
  }
  await writer?.finish();
}

async function main(): Promise<void> {
  const [rowsText = "10000000", path = "/tmp/ledger-10m.csv", customersText] = process.argv.slice(2);
  const rows = Number(rowsText);
  const customers = Number(customersText ?? Math.max(10, Math.round(rows / 100)));
  const t0 = Date.now();
  if (/\.parquet$/i.test(path)) await writeParquetLedger(path, rows, customers);
  else await writeCsvLedger(path, rows, customers);
  process.stderr.write(`wrote ${rows.toLocaleString("en-US")} rows (${customers.toLocaleString("en-US")} customers) to ${path} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
