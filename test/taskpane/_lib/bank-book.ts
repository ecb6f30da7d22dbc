/** A small Nordic ledger with payment references, its customers' bank accounts, and a CSV statement that pays it. */
import { Workbook } from "../../../preview/workbook";
import { ocrFor } from "../../../src/domain/matching";
import type { CellValue } from "../../../src/taskpane/office/excel-subset";

export const OCR_A = ocrFor("700011");
export const OCR_B = ocrFor("700022");

// 2025-12-01 = 46022
export const LEDGER: CellValue[][] = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Invoice", "PaymentReference"],
  ["SE1", "INV-1", "Invoice", 45990, 46020, 1250, "SEK", "700011", OCR_A],
  ["SE1", "INV-2", "Invoice", 45995, 46025, 480, "SEK", "700022", OCR_B],
  ["SE2", "INV-3", "Invoice", 45995, 46025, 999, "SEK", "700033", ""],
];
export const CUSTOMERS: CellValue[][] = [
  ["Customer", "Name", "BankAccount"],
  ["SE1", "Nordvik AB", "SE3550000000054910000003"],
  ["SE2", "Fjällbo AB", "SE1212345678901234567890"],
];
export const CSV = [
  "LineId;Date;Amount;Currency;Counterparty;Account;Reference;Text",
  `B1;2025-12-05;1250,00;SEK;NORDVIK;;${OCR_A};`,
  "B2;2025-12-05;480,00;SEK;Nordvik AB;SE3550000000054910000003;;faktura 700022",
  "B3;2025-12-06;77,00;SEK;Someone Else;;;gift",
  "B4;2025-12-06;999,00;SEK;Fjällbo;SE1212345678901234567890;;",
].join("\n");

export function book(): Workbook {
  const b = new Workbook();
  b.seed("Ledger", LEDGER, "Transactions");
  b.seed("Customers", CUSTOMERS, "Customers");
  return b;
}

