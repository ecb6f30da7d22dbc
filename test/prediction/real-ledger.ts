/**
 * The public ledger in ../shared/data as the 2-D range a user would hand CC.PAYBACKTEST: US dates
 * turned into ISO text, invoiceNumber as the voucher, SettledDate as the ClosedDate. The Disputed
 * column is left out on purpose: the file does not say when a dispute was raised, so it would leak
 * the future; DaysToSettle and DaysLate are the answers, so they are left out too.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export const REAL_LEDGER = resolve(__dirname, "..", "..", "..", "shared", "data", "ar-invoices-2012-2013.csv");

export function realLedgerAvailable(file = REAL_LEDGER): boolean {
  return existsSync(file);
}

export function realLedgerRange(file = REAL_LEDGER): unknown[][] {
  const lines = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const header = (lines[0] ?? "").split(",");
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${file} has no ${name} column`);
    return i;
  };
  const iso = (us: string): string => {
    const [m = "", d = "", y = ""] = us.split("/");
    return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  };
  const c = {
    customer: col("customerID"), invoice: col("invoiceNumber"), date: col("InvoiceDate"), due: col("DueDate"),
    amount: col("InvoiceAmount"), settled: col("SettledDate"), paperless: col("PaperlessBill"), country: col("countryCode"),
  };
  const out: unknown[][] = [["Customer", "Voucher", "Date", "DueDate", "Amount", "ClosedDate", "PaperlessBill", "Country"]];
  for (const line of lines.slice(1)) {
    const r = line.split(",");
    const at = (i: number): string => r[i] ?? "";
    out.push([at(c.customer), at(c.invoice), iso(at(c.date)), iso(at(c.due)), Number(at(c.amount)), iso(at(c.settled)), at(c.paperless), at(c.country)]);
  }
  return out;
}
