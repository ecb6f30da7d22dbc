/**
 * The sample's Nordic customers (issue 13): Swedish, Norwegian and Danish customers in SEK, NOK and
 * DKK whose invoices carry the payment reference of their country (Swedish OCR, half of them with
 * the length digit; Norwegian KID, MOD10 or MOD11; Danish FI +71 payment IDs) and a numeric
 * `Invoice` document number, plus their bank accounts. Drawn from their own seeded PRNG, so the
 * rest of the sample is the same cell for cell as before they were added.
 */
import { serialFromYmd } from "../../domain/dates";
import { fik71For, kidMod11For, ocrFor } from "../../domain/matching/references";
import { Prng } from "../_lib/prng";
import type { PayableItem } from "./statement";

export type Country = "SE" | "NO" | "DK";

export interface NordicCustomer {
  readonly id: string;
  readonly name: string;
  readonly country: Country;
  readonly currency: string;
  readonly accounts: readonly string[];
  /** Variant of the reference scheme: OCR with length digit (SE), KID MOD11 (NO). */
  readonly variant: boolean;
}

/** A generated Nordic invoice: the shape the statement generator pays (`PayableItem`). */
export type NordicInvoice = PayableItem;

export const NORDIC_NAMES: Readonly<Record<Country, readonly string[]>> = {
  SE: ["Nordvik Bygg AB", "Sjöberg & Lind AB", "Västkust Fisk AB", "Ekholm Data AB", "Dalarna Trä AB", "Göta Kanal Logistik AB"],
  NO: ["Fjordline Transport AS", "Bergen Maskin AS", "Tromsø Sjømat AS", "Lillehammer Tre AS", "Stavanger Offshore AS", "Bodø Bil AS"],
  DK: ["Skovgaard Møbler ApS", "Aarhus Elektro A/S", "Jensen & Søn ApS", "Fyns Grønt A/S", "Esbjerg Havn ApS", "Odense Cykler A/S"],
};

const CURRENCY: Readonly<Record<Country, string>> = { SE: "SEK", NO: "NOK", DK: "DKK" };
const INVOICE_BASE: Readonly<Record<Country, number>> = { SE: 71000, NO: 72000, DK: 73000 };
/** The sample company's FI creditor number (Danish +71 lines end with it). */
export const FI_CREDITOR = "87654321";

function digits(rng: Prng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** A bank account in the country's IBAN shape (not a checked IBAN: the matcher compares, it does not validate). */
export function accountFor(country: Country, rng: Prng): string {
  return country === "SE" ? `SE${digits(rng, 22)}` : country === "NO" ? `NO${digits(rng, 13)}` : `DK${digits(rng, 16)}`;
}

/** The payment reference of invoice `invoiceNo` of customer number `customerNo` in the customer's scheme. */
export function referenceFor(c: NordicCustomer, customerNo: number, invoiceNo: number): string {
  const body = `${customerNo}${invoiceNo}`;
  if (c.country === "SE") return ocrFor(body, c.variant);
  if (c.country === "NO") return c.variant ? kidMod11For(body) : ocrFor(body);
  return `+71<${fik71For(body)}+${FI_CREDITOR}<`;
}

/**
 * `perCountry` customers of each country, numbered from `firstNumber`, with invoices dated from
 * 2025-10-01 to 2025-12-20; Danish invoices offer 2 % within 8 days.
 * @example generateNordic(new Prng(1), 4, 201, 5000).customers.length // 12
 */
export function generateNordic(rng: Prng, perCountry: number, firstNumber: number, firstVoucher: number): { customers: NordicCustomer[]; invoices: NordicInvoice[] } {
  const customers: NordicCustomer[] = [];
  const invoices: NordicInvoice[] = [];
  const invoiceNo: Record<Country, number> = { ...INVOICE_BASE };
  let voucher = firstVoucher;
  let number = firstNumber;
  for (const country of ["SE", "NO", "DK"] as const) {
    for (let k = 0; k < perCountry; k++) {
      const names = NORDIC_NAMES[country];
      const base = names[k % names.length] as string;
      const name = k < names.length ? base : `${base.split(" ")[0] ?? ""} ${k} ${base.split(" ").slice(1).join(" ")}`;
      const accounts = rng.chance(0.3) ? [accountFor(country, rng), accountFor(country, rng)] : [accountFor(country, rng)];
      const c: NordicCustomer = { id: `C${String(number).padStart(4, "0")}`, name, country, currency: CURRENCY[country], accounts, variant: k % 2 === 1 };
      customers.push(c);
      const n = rng.int(6, 10);
      for (let i = 0; i < n; i++) {
        const date = serialFromYmd(2025, 10, 1) + rng.int(0, 80);
        const no = invoiceNo[country]++;
        const amountMinor = rng.int(10, 150) * 10000 + rng.int(0, 99) * 100 + (country === "DK" ? rng.int(0, 99) : 0);
        const discount = country === "DK" ? { cashDiscountSerial: date + 8, cashDiscountPct: 2 } : {};
        invoices.push({
          customer: c.id, voucher: `INV-${String(voucher++).padStart(6, "0")}`, invoice: String(no), dateSerial: date, dueSerial: date + 30,
          amountMinor, currency: c.currency, paymentReference: referenceFor(c, number, no), ...discount,
        });
      }
      number++;
    }
  }
  return { customers, invoices };
}
