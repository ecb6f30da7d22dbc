import { serialFromYmd } from "../../src/domain/dates";
import type { Transaction } from "../../src/domain/types";

export const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return serialFromYmd(y, m, day);
};

let row = 2;
export function tx(p: Partial<Transaction> & Pick<Transaction, "customer" | "voucher" | "amountMinor">): Transaction {
  return { type: p.amountMinor < 0 ? "Payment" : "Invoice", currency: "USD", status: "None", row: row++, ...p };
}

/** W1: customer 2050, all USD. */
export const W1: Transaction[] = [
  tx({ customer: "2050", voucher: "INV1", type: "Invoice", dateSerial: d("2015-08-15"), dueSerial: d("2015-09-14"), amountMinor: 10000 }),
  tx({ customer: "2050", voucher: "INV2", type: "Invoice", dateSerial: d("2015-09-01"), dueSerial: d("2015-10-01"), amountMinor: 25000 }),
  tx({ customer: "2050", voucher: "INV3", type: "Invoice", dateSerial: d("2015-10-15"), dueSerial: d("2015-11-14"), amountMinor: 50000 }),
];
