import { serialFromYmd } from "../../src/domain/dates";
import type { SettlementItem } from "../../src/domain/settlement";
import type { TransactionType } from "../../src/domain/types";

export const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number);
  return serialFromYmd(y ?? 0, m ?? 0, day ?? 0);
};

let row = 1;
export function item(voucher: string, amountMinor: number, extra: Partial<SettlementItem> & { date?: string; due?: string; discDate?: string } = {}): SettlementItem {
  const { date, due, discDate, ...rest } = extra;
  const it: Record<string, unknown> = {
    customer: "2050", voucher, type: (amountMinor < 0 ? "Payment" : "Invoice") as TransactionType, amountMinor, currency: "USD", status: "None", row: ++row,
    ...rest,
  };
  if (date !== undefined) it["dateSerial"] = d(date);
  if (due !== undefined) it["dueSerial"] = d(due);
  if (discDate !== undefined) it["cashDiscountSerial"] = d(discDate);
  return it as unknown as SettlementItem;
}

export function payment(amountMinor: number, date: string, extra: Partial<SettlementItem> = {}): SettlementItem {
  return item("PAY", -amountMinor, { date, ...extra });
}

/** docs/domain.md W1 (§8): customer 2050, USD. */
export const W1_ITEMS: SettlementItem[] = [
  item("Invoice 1", 10000, { date: "2015-08-15", due: "2015-09-14", discDate: "2015-08-29", cashDiscountPct: 2 }),
  item("Invoice 2", 25000, { date: "2015-09-01", due: "2015-10-01", discDate: "2015-09-15", cashDiscountPct: 2 }),
  item("Invoice 3", 50000, { date: "2015-10-15", due: "2015-11-14", discDate: "2015-10-29", cashDiscountPct: 2 }),
  item("Interest 1", 700, { type: "InterestNote", date: "2015-10-15", due: "2015-11-14" }),
];
