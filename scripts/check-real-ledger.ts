/**
 * Checks the aging engine against the public ledger in ../shared/data (2,466 real invoices with
 * their settlement dates). For month-ends of 2013 it rebuilds the open-items ledger (invoices dated
 * on or before the as-of date and settled after it), ages it through CC.AGING's adapter, and
 * compares each customer's buckets with an independent computation in plain JavaScript dates.
 * Usage: npx tsx scripts/check-real-ledger.ts [path/to/ar-invoices.csv]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { creditStatistics, type StatItem } from "../src/domain/credit/statistics";
import { parseDate } from "../src/domain/dates";
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
if (mismatches > 0) process.exit(1);

// --- Credit statistics on the same ledger -------------------------------------------------------
// For every customer as of 2013-12-31: average payment days over the invoices settled in the last
// 12 months (engine: ClosedDate - Date; independent: the file's own DaysToSettle column), and the
// average of the 12 month-end balances (independent: invoices dated on or before each month end and
// settled after it).

const serial = (iso: string): number => {
  const p = parseDate(iso);
  if (!p.ok) throw new Error(p.reason);
  return p.serial;
};
const asOfIso = "2013-12-31";
const asOfSerial = serial(asOfIso);
const byCustomer = new Map<string, typeof invoices>();
rows.forEach((r, k) => {
  const inv = invoices[k];
  if (inv === undefined) return;
  (inv as typeof inv & { daysToSettle?: number }).daysToSettle = Number(r[col("DaysToSettle")]);
  const list = byCustomer.get(inv.customer) ?? [];
  list.push(inv);
  byCustomer.set(inv.customer, list);
});
let statMismatches = 0;
let customersWithPayments = 0;
let sumDays = 0;
let countDays = 0;
for (const [customer, list] of byCustomer) {
  const items: StatItem[] = list.map((i, n) => ({
    customer,
    voucher: i.invoice,
    type: "Invoice",
    dateSerial: serial(i.date),
    dueSerial: serial(i.due),
    amountMinor: i.settled > asOfIso ? Math.round(Number(i.amount) * 100) : 0,
    originalMinor: Math.round(Number(i.amount) * 100),
    closedSerial: serial(i.settled),
    currency: "",
    status: "None",
    row: n + 2,
  }));
  const stats = creditStatistics({ asOfSerial, items, limitMinor: null, openOrdersMinor: 0, dsoMonths: [12, 6], balanceMonths: 12 });
  if (!stats.ok) throw new Error(stats.errors[0]?.message);
  const settledInWindow = list.filter((i) => i.settled > "2012-12-31" && i.settled <= asOfIso);
  const expectedDays =
    settledInWindow.length === 0 ? null : settledInWindow.reduce((a, i) => a + ((i as typeof i & { daysToSettle: number }).daysToSettle ?? 0), 0) / settledInWindow.length;
  const gotDays = stats.value.averagePaymentDays === null ? null : Number(stats.value.averagePaymentDays.toFixed(2));
  if ((expectedDays === null) !== (gotDays === null) || (expectedDays !== null && Math.abs(Number(expectedDays.toFixed(2)) - (gotDays ?? 0)) > 0.001)) {
    statMismatches++;
    console.error(`${customer}: payment days engine ${String(gotDays)} vs file ${String(expectedDays)}`);
  }
  if (expectedDays !== null) {
    customersWithPayments++;
    sumDays += expectedDays * settledInWindow.length;
    countDays += settledInWindow.length;
  }
  let balances = 0;
  for (let m = 1; m <= 12; m++) {
    const end = new Date(Date.UTC(2013, m, 0)).toISOString().slice(0, 10);
    balances += list.filter((i) => i.date <= end && i.settled > end).reduce((a, i) => a + Math.round(Number(i.amount) * 100), 0);
  }
  const expectedAvg = Math.round(balances / 12);
  if (Math.abs(expectedAvg - stats.value.averageBalanceMinor) > 0) {
    statMismatches++;
    console.error(`${customer}: average balance engine ${stats.value.averageBalanceMinor} vs independent ${expectedAvg}`);
  }
}
console.log(
  `credit statistics for ${byCustomer.size} customers as of ${asOfIso}: ${customersWithPayments} with settled invoices, ` +
    `ledger-wide average payment days ${(sumDays / countDays).toFixed(2)}, ${statMismatches} mismatches`,
);
if (statMismatches > 0) process.exit(1);
