import { serialFromYmd } from "../../src/domain/dates";
import type { MatchCustomer, MatchItem, StatementLine } from "../../src/domain/matching";
import { fik71For, kidMod11For, ocrFor, rfFor } from "../../src/domain/matching";

export const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number);
  return serialFromYmd(y ?? 0, m ?? 0, day ?? 0);
};

let row = 1;
export function inv(customer: string, voucher: string, amountMinor: number, currency: string, extra: Partial<MatchItem> & { due?: string; date?: string; discDate?: string } = {}): MatchItem {
  const { due, date, discDate, ...rest } = extra;
  const it: Record<string, unknown> = { customer, voucher, type: "Invoice", amountMinor, currency, status: "None", row: ++row, dateSerial: d(date ?? "2025-11-01"), dueSerial: d(due ?? "2025-12-01"), ...rest };
  if (discDate !== undefined) it["cashDiscountSerial"] = d(discDate);
  return it as unknown as MatchItem;
}

export function line(lineId: string, amountMinor: number, currency: string, extra: Partial<StatementLine> & { date?: string } = {}): StatementLine {
  const { date, ...rest } = extra;
  return { lineId, dateSerial: d(date ?? "2025-12-05"), amountMinor, currency, counterparty: "", account: "", reference: "", text: "", row: ++row, ...rest };
}

/** Three Nordic customers and one US customer with references of their country's scheme. */
export const OCR_1 = ocrFor("20001");
export const OCR_2 = ocrFor("20002");
export const KID_1 = kidMod11For("3000107");
export const FIK_1 = fik71For("40001");
export const RF_1 = rfFor("50001");

export const ITEMS: MatchItem[] = [
  inv("SE1", "INV-20001", 1250000, "SEK", { invoice: "20001", paymentReference: OCR_1, due: "2025-11-20" }),
  inv("SE1", "INV-20002", 480000, "SEK", { invoice: "20002", paymentReference: OCR_2, due: "2025-11-25" }),
  inv("SE1", "INV-20003", 99900, "SEK", { invoice: "20003", due: "2025-12-10" }),
  inv("NO1", "INV-30001", 750000, "NOK", { invoice: "30001", paymentReference: KID_1 }),
  inv("NO1", "INV-30002", 120000, "NOK", { invoice: "30002" }),
  inv("DK1", "INV-40001", 250025, "DKK", { invoice: "40001", paymentReference: FIK_1, date: "2025-11-28", discDate: "2025-12-08", cashDiscountPct: 2 }),
  inv("DK1", "INV-40002", 100000, "DKK", { invoice: "40002" }),
  inv("US1", "INV-50001", 99999, "EUR", { invoice: "50001", paymentReference: RF_1 }),
  inv("US1", "PAY-1", -5000, "EUR", { type: "Payment" }),
];

export const CUSTOMERS: MatchCustomer[] = [
  { customer: "SE1", name: "Nordvik Bygg AB", bankAccounts: ["SE35 5000 0000 0549 1000 0003"] },
  { customer: "NO1", name: "Fjordline Transport AS", bankAccounts: ["NO83 3000 1234 567", "NO11 2222 3333 444"] },
  { customer: "DK1", name: "Skovgaard Møbler ApS", bankAccounts: [] },
  { customer: "US1", name: "Atlas Trading Inc", bankAccounts: [] },
];
