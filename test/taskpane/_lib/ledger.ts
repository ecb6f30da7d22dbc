import type { CellValue } from "../../../src/taskpane/office/excel-subset";
import { Workbook } from "../../../preview/workbook";

/** W1 of docs/domain.md (§8) as a Transactions table (serials: 2015-08-15 = 42231). */
export const W1: CellValue[][] = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "CashDiscountDate", "CashDiscountPct"],
  ["2050", "INV-1", "Invoice", 42231, 42261, 100, "USD", 42245, 2],
  ["2050", "INV-2", "Invoice", 42248, 42278, 250, "USD", 42262, 2],
  ["2050", "INV-3", "Invoice", 42292, 42322, 500, "USD", 42306, 2],
  ["2050", "INT-1", "InterestNote", 42292, 42322, 7, "USD", "", ""],
  ["2050", "PAY-1", "Payment", 42302, 42302, -700, "USD", "", ""],
  ["=1+1", "INV-9", "Invoice", 42292, 42322, 10, "JPY", "", ""],
];

export function bookWithLedger(): Workbook {
  const book = new Workbook();
  book.seed("Ledger", W1, "Transactions");
  return book;
}
