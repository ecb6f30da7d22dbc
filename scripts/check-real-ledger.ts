/**
 * Checks the aging engine against the public ledger in ../shared/data (2,466 real invoices with
 * their settlement dates). For month-ends of 2013 it rebuilds the open-items ledger (invoices dated
 * on or before the as-of date and settled after it), ages it through CC.AGING's adapter, and
 * compares each customer's buckets with an independent computation in plain JavaScript dates.
 * Usage: npx tsx scripts/check-real-ledger.ts [path/to/ar-invoices.csv]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { agingFunction } from "../src/functions/aging";

const file = process.argv[2] ?? join(__dirname, "..", "..", "shared", "data", "ar-invoices-2012-2013.csv");
const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
const header = (lines[0] ?? "").split(",");
const col = (name: string): number => header.indexOf(name);
const usDate = (s: string): string => {
  const [m, d, y] = s.split("/");
  return `${y}-${(m ?? "").padStart(2, "0")}-${(d ?? "").padStart(2, "0")}`;
};
const rows = lines.slice(1).map((l) => l.split(","));
const invoices = rows.map((r) => ({
  customer: r[col("customerID")] ?? "",
  invoice: r[col("invoiceNumber")] ?? "",
  date: usDate(r[col("InvoiceDate")] ?? ""),
  due: usDate(r[col("DueDate")] ?? ""),
  amount: r[col("InvoiceAmount")] ?? "",
  settled: usDate(r[col("SettledDate")] ?? ""),
  disputed: r[col("Disputed")] ?? "",
}));

const dayMs = 86400000;
const bounds = [30, 60, 90, 120];
let checked = 0;
let mismatches = 0;
for (let month = 1; month <= 12; month++) {
  const asOf = new Date(Date.UTC(2013, month, 0)).toISOString().slice(0, 10);
  const open = invoices.filter((i) => i.date <= asOf && i.settled > asOf);
  const range: unknown[][] = [["Customer", "Invoice", "Date", "DueDate", "Amount", "Disputed"]];
  for (const i of open) range.push([i.customer, i.invoice, i.date, i.due, Number(i.amount), i.disputed]);
  const table = agingFunction(range, asOf, null, null);
  // Independent computation: integer cents from the text, ages from JavaScript dates.
  const expected = new Map<string, number[]>();
  for (const i of open) {
    const age = Math.round((Date.parse(asOf) - Date.parse(i.due)) / dayMs);
    const bucket = age <= 0 ? 0 : age > 120 ? 5 : 1 + bounds.findIndex((b) => age <= b);
    const cents = Math.round(Number(i.amount) * 100);
    const list = expected.get(i.customer) ?? [0, 0, 0, 0, 0, 0];
    list[bucket] = (list[bucket] ?? 0) + cents;
    expected.set(i.customer, list);
  }
  for (const row of table.slice(1)) {
    if (row[0] === "Total") continue;
    checked++;
    const exp = expected.get(String(row[0]));
    const got = row.slice(3).map((v) => Math.round(Number(v) * 100));
    if (exp === undefined || exp.some((v, k) => v !== got[k])) {
      mismatches++;
      console.error(`${asOf} ${String(row[0])}: engine ${got.join("/")} vs independent ${exp?.join("/") ?? "none"}`);
    }
  }
  const total = table.find((r) => r[0] === "Total");
  console.log(`${asOf}: ${open.length} open invoices, ${table.length - 2} customers, balance ${String(total?.[2] ?? 0)}, buckets ${total?.slice(3).join(" / ") ?? ""}`);
}
console.log(`${checked} customer rows checked, ${mismatches} mismatches`);
process.exit(mismatches === 0 ? 0 : 1);
