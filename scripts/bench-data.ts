/**
 * Benchmark data, generated in memory from a seed: ledgers as the 2-D arrays Excel hands a custom
 * function (numbers, text, date serials), customers and orders. Same seed, same data.
 */
import { serialFromYmd } from "../src/domain/dates";
import { Prng } from "../src/cli/_lib/prng";

export const BENCH_AS_OF = serialFromYmd(2025, 12, 31);
export const CURRENCIES = ["USD", "EUR", "GBP"] as const;

export const LEDGER_HEADER = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "CashDiscountDate", "CashDiscountPct"];

export function customerIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `C${String(i + 1).padStart(6, "0")}`);
}

/**
 * A ledger of `rows` data rows over `customers` customers, each customer in one of 3 currencies:
 * four invoices (some with a 2% discount) to one payment, dated over the year before the as-of date.
 */
export function ledgerRange(rows: number, customers: number, seed = 42, currencies: readonly string[] = CURRENCIES): unknown[][] {
  const rng = new Prng(seed);
  const ids = customerIds(customers);
  const out: unknown[][] = new Array(rows + 1);
  out[0] = LEDGER_HEADER;
  for (let i = 1; i <= rows; i++) {
    const c = rng.int(0, customers - 1);
    const currency = currencies[c % currencies.length] as string;
    const date = BENCH_AS_OF - rng.int(0, 365);
    const payment = rng.next() < 0.2;
    const amount = payment ? -rng.int(100, 500000) / 100 : rng.int(100, 300000) / 100;
    const discount = !payment && rng.next() < 0.3;
    out[i] = [ids[c], `V${i}`, payment ? "Payment" : "Invoice", date, payment ? date : date + 30, amount, currency, discount ? date + 10 : null, discount ? 2 : null];
  }
  return out;
}

/** Customers with limits in their currency (the ledger's currency of each customer). */
export function customersRange(customers: number, seed = 43): unknown[][] {
  const rng = new Prng(seed);
  const ids = customerIds(customers);
  const out: unknown[][] = [["Customer", "Currency", "CreditLimit", "AccountStatus", "PaymentTerms"]];
  ids.forEach((id, c) => out.push([id, CURRENCIES[c % CURRENCIES.length], rng.int(10, 500) * 1000, rng.next() < 0.02 ? "OnHold" : "Active", "Net30"]));
  return out;
}

export function ordersRange(orders: number, customers: number, seed = 44): unknown[][] {
  const rng = new Prng(seed);
  const ids = customerIds(customers);
  const out: unknown[][] = [["Order", "Customer", "Amount", "Currency", "PaymentTerms", "PackingSlipAmount", "Status"]];
  for (let i = 1; i <= orders; i++) {
    const c = rng.int(0, customers - 1);
    out.push([`SO${i}`, ids[c], rng.int(100, 2000000) / 100, CURRENCIES[c % CURRENCIES.length], "Net30", 0, "Open"]);
  }
  return out;
}

/** Rates for EUR and GBP in USD, monthly over two years. */
export function ratesRange(): unknown[][] {
  const out: unknown[][] = [["Currency", "Date", "Rate"]];
  for (let m = 0; m < 24; m++) {
    const date = serialFromYmd(2024 + Math.floor(m / 12), (m % 12) + 1, 1);
    out.push(["EUR", date, 1.08 + (m % 5) / 100], ["GBP", date, 1.27 - (m % 4) / 100]);
  }
  return out;
}
