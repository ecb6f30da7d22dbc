/**
 * The bundled sample ledger: about 200 customers in USD, EUR and GBP plus 12 Nordic customers in
 * SEK, NOK and DKK whose invoices carry OCR, KID or FIK payment references (USD is the accounting
 * currency), with every table the add-in reads. Deterministic: the same seed gives the same
 * workbook, cell for cell. Dates are 1900-system serials here; the writers turn them into dates
 * (xlsx) or ISO text (JSON).
 */
import { serialFromYmd } from "../../domain/dates";
import { rfFor } from "../../domain/matching/references";
import { Prng } from "../_lib/prng";
import { generateNordic, type NordicCustomer, type NordicInvoice } from "./nordic";
import { generateStatement, type LabelledLine, SAMPLE_NOISE } from "./statement";

export type SampleCell = string | number | boolean | null;

export interface SampleSheet {
  readonly name: string;
  /** Header row first. */
  readonly rows: SampleCell[][];
  /** Headers of the columns that hold date serials. */
  readonly dateColumns: readonly string[];
}

export const SAMPLE_SEED = 20251231;
/** The as-of date the demo uses: 2025-12-31. */
export const SAMPLE_AS_OF = serialFromYmd(2025, 12, 31);
export const SAMPLE_ACCOUNTING_CURRENCY = "USD";
export const SAMPLE_SHEETS = ["Transactions", "Customers", "CreditGroups", "TemporaryLimits", "Orders", "Rules", "Checkpoints", "ExchangeRates"] as const;

const FIRST = ["Nordic", "Atlas", "Blue", "Cedar", "Delta", "Echo", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen", "Maple", "North", "Orion", "Pine", "Quartz", "River", "Summit"];
const SECOND = ["Trading", "Foods", "Logistics", "Textiles", "Machines", "Pharma", "Retail", "Energy", "Marine", "Timber"];
const SUFFIX = ["Inc", "Ltd", "GmbH", "AB", "LLC", "plc", "SA", "BV"];
const AGENTS = ["Alice", "Bjorn", "Chen", "Dana"];
const TERMS: readonly { code: string; days: number; rank: number }[] = [
  { code: "Net15", days: 15, rank: 1 },
  { code: "Net30", days: 30, rank: 2 },
  { code: "Net45", days: 45, rank: 3 },
  { code: "Net60", days: 60, rank: 4 },
];
const DISCOUNTS = ["", "1%14", "2%10"];
const GROUPS = [
  { id: "GRP-ATLAS", limit: 400000, currency: "USD", expiry: null as number | null },
  { id: "GRP-NORD", limit: 300000, currency: "EUR", expiry: serialFromYmd(2026, 6, 30) },
  { id: "GRP-HARBOR", limit: 150000, currency: "GBP", expiry: null },
  { id: "GRP-PINE", limit: 60000, currency: "USD", expiry: serialFromYmd(2025, 9, 30) },
  { id: "GRP-ORION", limit: 250000, currency: "USD", expiry: null },
];

interface SampleCustomer {
  id: string;
  currency: string;
  terms: (typeof TERMS)[number];
  discount: string;
}

/** Cents (or pence) to a cell number with two decimals. */
const money = (minor: number): number => Math.round(minor) / 100;

/**
 * Make the sample workbook's sheets.
 * @example generateSampleLedger().map((s) => s.name) // ["Transactions", "Customers", ...]
 */
export function generateSampleLedger(seed = SAMPLE_SEED): SampleSheet[] {
  const rng = new Prng(seed);
  const customers: SampleCustomer[] = [];
  const customerRows: SampleCell[][] = [[
    "Customer", "Name", "Currency", "CreditLimit", "CreditLimitExpiry", "Unlimited", "Mandatory", "CreditGroup", "CustomerGroup", "RiskGroup",
    "AccountStatus", "PaymentTerms", "CashDiscount", "CustomerSince", "ExcludeFromCreditManagement", "Insurance", "InsurancePct", "InsuranceInExposure", "Pool", "Agent", "BankAccount",
  ]];
  for (let i = 1; i <= 200; i++) {
    const id = `C${String(i).padStart(4, "0")}`;
    const roll = rng.next();
    const currency = roll < 0.6 ? "USD" : roll < 0.85 ? "EUR" : "GBP";
    const terms = rng.pick(TERMS);
    const discount = rng.pick(DISCOUNTS);
    customers.push({ id, currency, terms, discount });
    const unlimited = i % 41 === 0;
    const mandatory = i % 67 === 0;
    const group = i % 6 === 0 ? (GROUPS[(i / 6) % GROUPS.length] as (typeof GROUPS)[number]).id : "";
    // A few members with limit 0 and no flag use their group's limit (docs/domain.md §5.1).
    const limit = unlimited || mandatory || (group !== "" && i % 4 === 0) ? 0 : rng.int(20, 200) * 1000;
    const expiry = rng.chance(0.06) ? serialFromYmd(2025, rng.int(1, 12), 28) : rng.chance(0.3) ? serialFromYmd(2026, rng.int(1, 12), 28) : null;
    const insured = i % 23 === 0;
    const status = i % 53 === 0 ? "OnHold" : i % 71 === 0 ? "Legal" : "Active";
    customerRows.push([
      id, `${rng.pick(FIRST)} ${rng.pick(SECOND)} ${rng.pick(SUFFIX)}`, currency, limit, expiry, unlimited, mandatory, group,
      rng.pick(["Retail", "Wholesale", "Export"]), rng.pick(["A", "B", "C"]), status, terms.code, discount,
      serialFromYmd(rng.int(2005, 2024), rng.int(1, 12), rng.int(1, 28)), i === 199,
      insured ? 50000 : null, insured ? 50 : null, insured && i % 2 === 0, i <= 60 ? "Large accounts" : i <= 130 ? "Regional" : "Small", rng.pick(AGENTS), null,
    ]);
  }

  const tx: SampleCell[][] = [[
    "Customer", "Voucher", "Type", "Date", "DueDate", "DocumentDate", "Amount", "Currency", "CashDiscountDate", "CashDiscountPct",
    "Invoice", "Status", "PromiseDate", "PromiseAmount", "Dimension", "PostingProfile", "TaxCode", "TaxAmount", "LegalEntity", "Note", "PaymentReference",
  ]];
  let voucher = 0;
  const nextVoucher = (prefix: string): string => `${prefix}-${String(++voucher).padStart(6, "0")}`;
  const asOf = SAMPLE_AS_OF;
  const start = serialFromYmd(2025, 1, 2);
  let bounced = false;
  for (const c of customers) {
    const n = rng.int(4, 14);
    // One customer in five pays late and has items far past due; the others are at most weeks late.
    const late = rng.chance(0.2) || c.id === "C0011";
    const invoices: { voucher: string; date: number; due: number; amount: number }[] = [];
    const dimension = rng.pick(["Sales-North", "Sales-South", "Sales-Export"]);
    const profile = c.currency === "USD" ? "GEN" : "EXPORT";
    for (let k = 0; k < n; k++) {
            const age = late && rng.chance(0.4) ? rng.int(91, asOf - start) : rng.int(0, 45);
      const date = asOf - age;
      const due = date + c.terms.days;
      const amount = rng.int(200, 2500) * 100 + rng.int(0, 99);
      const v = nextVoucher("INV");
      invoices.push({ voucher: v, date, due, amount });
      const pct = c.discount === "2%10" ? 2 : c.discount === "1%14" ? 1 : null;
      const discountDate = pct === null ? null : date + (pct === 2 ? 10 : 14);
      const tax = Math.round((amount * 20) / 120);
      const roll = rng.next();
      const status = roll < 0.05 ? "Disputed" : roll < 0.08 ? "PromiseToPay" : "None";
      const promiseDate = status === "PromiseToPay" ? asOf + rng.int(-20, 20) : null;
      tx.push([
        c.id, v, "Invoice", date, due, date, money(amount), c.currency, discountDate, pct, v, status, promiseDate,
        status === "PromiseToPay" ? money(Math.round(amount / 2)) : null, dimension, profile, "VAT20", money(tax), "CC01", null,
      ]);
    }
    if (rng.chance(0.12)) {
      const v = nextVoucher("CRN");
      const date = asOf - rng.int(5, 60);
      const amount = rng.int(50, 400) * 100;
      tx.push([c.id, v, "CreditNote", date, date, date, -money(amount), c.currency, null, null, v, "None", null, null, dimension, profile, "VAT20", -money(Math.round((amount * 20) / 120)), "CC01", null]);
    }
    const old = invoices.filter((inv) => inv.due < asOf - 30);
    if (old.length > 0 && rng.chance(0.25)) {
      const v = nextVoucher("INT");
      const date = asOf - rng.int(5, 25);
      const base = old.reduce((s, inv) => s + inv.amount, 0);
      tx.push([c.id, v, "InterestNote", date, date + 30, date, money(Math.round(base * 0.02)), c.currency, null, null, v, "None", null, null, dimension, profile, null, null, "CC01", "2% flat on items 30+ days old"]);
    }
    if (rng.chance(0.1)) {
      const v = nextVoucher("FEE");
      const date = asOf - rng.int(3, 40);
      tx.push([c.id, v, rng.chance(0.5) ? "Fee" : "CollectionLetter", date, date + 14, date, 25, c.currency, null, null, v, "None", null, null, dimension, profile, null, null, "CC01", "Reminder fee"]);
    }
    // Unapplied payments: received in the last weeks, not yet settled.
    if (rng.chance(0.3) && invoices.length > 0) {
      const v = nextVoucher("PAY");
      const date = asOf - rng.int(0, 20);
      const open = invoices.reduce((s, inv) => s + inv.amount, 0);
      const amount = rng.chance(0.3) ? open + rng.int(1, 500) * 100 : Math.max(100, Math.round(open * (0.2 + rng.next() * 0.6)));
      const note = bounced ? null : "Returned by the bank: NSF";
      tx.push([c.id, v, "Payment", date, date, date, -money(amount), c.currency, null, null, null, "None", null, null, dimension, profile, null, null, "CC01", note]);
      bounced = true;
    }
  }

  // Every invoice of a EUR customer carries an RF creditor reference; the Nordic customers follow.
  for (const row of tx.slice(1)) row.push(row[2] === "Invoice" && row[7] === "EUR" ? rfFor(String(row[1]).replace(/\D/g, "")) : null);
  const nordic = sampleNordic(seed);
  for (const c of nordic.customers) customerRows.push(nordicCustomerRow(c));
  for (const inv of nordic.invoices) tx.push(nordicInvoiceRow(inv));

  const groups: SampleCell[][] = [["CreditGroup", "CreditLimit", "Currency", "CreditLimitExpiry"], ...GROUPS.map((g) => [g.id, g.limit, g.currency, g.expiry])];
  const temporary: SampleCell[][] = [
    ["Customer", "CreditGroup", "CreditLimit", "From", "To"],
    ["C0003", null, 200000, serialFromYmd(2025, 12, 1), serialFromYmd(2026, 1, 31)],
    ["C0017", null, 80000, serialFromYmd(2025, 11, 15), serialFromYmd(2026, 2, 15)],
    ["C0042", null, 60000, serialFromYmd(2025, 6, 1), serialFromYmd(2025, 8, 31)],
    [null, "GRP-PINE", 100000, serialFromYmd(2025, 12, 1), serialFromYmd(2026, 3, 31)],
  ];

  const orders: SampleCell[][] = [["Order", "Customer", "Amount", "Currency", "PaymentTerms", "CashDiscount", "PackingSlipAmount", "Status"]];
  for (let k = 1; k <= 300; k++) {
    // The first order is C0011's, whom a release-order exclusion lets through however late it pays.
    const c = (k === 1 ? customers[10] : customers[rng.int(0, customers.length - 1)]) as SampleCustomer;
    const amount = rng.chance(0.03) ? rng.int(55, 120) * 100000 : rng.int(5, 150) * 10000;
    const packing = rng.chance(0.2) ? Math.round(amount * 0.4) : 0;
    // Some orders ask for longer terms or a better discount than the customer's default.
    const terms = rng.chance(0.1) ? rng.pick(TERMS).code : c.terms.code;
    const discount = rng.chance(0.08) ? "2%10" : c.discount;
    orders.push([`SO-${String(k).padStart(5, "0")}`, c.id, money(amount), c.currency, terms, discount, money(packing), "Open"]);
  }

  const rules: SampleCell[][] = [
    ["RuleType", "ValidFor", "Account", "RiskGroup", "Kind", "ValueType", "Value", "Threshold", "ReleaseOrder"],
    ["DaysOverdue", "All", null, null, "Blocking", "Days", 60, null, false],
    ["DaysOverdue", "Group", "Export", null, "Exclusion", "Days", 90, null, false],
    ["DaysOverdue", "Customer", "C0011", null, "Exclusion", "Days", 365, null, true],
    ["AccountStatus", "All", null, null, "Blocking", "Text", "OnHold", null, false],
    ["OverdueAmount", "All", null, "C", "Blocking", "Amount", 10000, 80, false],
    ["SalesOrderAmount", "All", null, null, "Blocking", "Amount", 50000, null, false],
    ["CreditLimitExpired", "All", null, null, "Blocking", "Days", 30, null, false],
    ["CreditLimitUsed", "Group", "Retail", null, "Blocking", "Percent", 90, null, false],
  ];
  const checkpoints: SampleCell[][] = [
    ["Checkpoint", "Posting", "ProForma", "GraceDays"],
    ["Confirmation", true, false, 2],
    ["PickingList", false, false, null],
    ["PackingSlip", true, false, 1],
    ["Invoice", true, true, 1],
  ];
  const rates: SampleCell[][] = [["Currency", "Date", "Rate"]];
  let eur = 1.08;
  let gbp = 1.27;
  for (let m = 1; m <= 12; m++) {
    eur = Math.round((eur + (rng.next() - 0.5) * 0.04) * 10000) / 10000;
    gbp = Math.round((gbp + (rng.next() - 0.5) * 0.04) * 10000) / 10000;
    rates.push(["EUR", serialFromYmd(2025, m, 1), eur], ["GBP", serialFromYmd(2025, m, 1), gbp]);
  }
  // Rates from 2024 too, so items dated early in 2025 and the oldest invoices have a rate.
  rates.splice(1, 0, ["EUR", serialFromYmd(2024, 1, 1), 1.1], ["GBP", serialFromYmd(2024, 1, 1), 1.26]);
  rates.push(...nordicRates(seed));

  return [
    { name: "Transactions", rows: tx, dateColumns: ["Date", "DueDate", "DocumentDate", "CashDiscountDate", "PromiseDate"] },
    { name: "Customers", rows: customerRows, dateColumns: ["CreditLimitExpiry", "CustomerSince"] },
    { name: "CreditGroups", rows: groups, dateColumns: ["CreditLimitExpiry"] },
    { name: "TemporaryLimits", rows: temporary, dateColumns: ["From", "To"] },
    { name: "Orders", rows: orders, dateColumns: [] },
    { name: "Rules", rows: rules, dateColumns: [] },
    { name: "Checkpoints", rows: checkpoints, dateColumns: [] },
    { name: "ExchangeRates", rows: rates, dateColumns: ["Date"] },
  ];
}

/** The Nordic customers and invoices of the sample (their own PRNG; vouchers from INV-900001). */
export function sampleNordic(seed = SAMPLE_SEED): { customers: NordicCustomer[]; invoices: NordicInvoice[] } {
  return generateNordic(new Prng(seed + 13), 4, 201, 900001);
}

function nordicCustomerRow(c: NordicCustomer): SampleCell[] {
  return [
    c.id, c.name, c.currency, 500000, null, false, false, "", "Export", "B", "Active", "Net30", c.country === "DK" ? "2%10" : "",
    serialFromYmd(2019, 3, 1), false, null, null, false, "Regional", "Bjorn", c.accounts.join("; "),
  ];
}

function nordicInvoiceRow(inv: NordicInvoice): SampleCell[] {
  return [
    inv.customer, inv.voucher, "Invoice", inv.dateSerial, inv.dueSerial, inv.dateSerial, money(inv.amountMinor), inv.currency,
    inv.cashDiscountSerial ?? null, inv.cashDiscountPct ?? null, inv.invoice, "None", null, null, "Sales-Export", "EXPORT", "VAT25",
    money(Math.round(inv.amountMinor / 5)), "CC01", null, inv.paymentReference,
  ];
}

/** Monthly SEK, NOK and DKK rates (USD per unit) from 2025-01. */
function nordicRates(seed: number): SampleCell[][] {
  const rng = new Prng(seed + 17);
  const out: SampleCell[][] = [];
  let sek = 0.095;
  let nok = 0.093;
  let dkk = 0.145;
  for (let m = 1; m <= 12; m++) {
    sek = Math.round((sek + (rng.next() - 0.5) * 0.002) * 100000) / 100000;
    nok = Math.round((nok + (rng.next() - 0.5) * 0.002) * 100000) / 100000;
    dkk = Math.round((dkk + (rng.next() - 0.5) * 0.002) * 100000) / 100000;
    out.push(["SEK", serialFromYmd(2025, m, 1), sek], ["NOK", serialFromYmd(2025, m, 1), nok], ["DKK", serialFromYmd(2025, m, 1), dkk]);
  }
  return out;
}

/**
 * The sample bank statement (samples/sample-statement.xml): December 2025 payments of about three
 * quarters of the Nordic customers' invoices, with the noise of SAMPLE_NOISE, one payment from no
 * customer and one bank charge (money out).
 */
export const SAMPLE_STATEMENT_OPTIONS = { messageId: "SAMPLE-2025-12", accounts: { SEK: "SE7280000810340009783242", NOK: "NO9386011117947", DKK: "DK5000400440116243" } } as const;

export function generateSampleStatement(seed = SAMPLE_SEED): LabelledLine[] {
  const nordic = sampleNordic(seed);
  const payers = new Map(nordic.customers.map((c) => [c.id, { customer: c.id, name: c.name, accounts: c.accounts }]));
  const from = serialFromYmd(2025, 12, 1);
  const to = serialFromYmd(2025, 12, 31);
  const lines = generateStatement({ items: nordic.invoices.filter((i) => i.dateSerial < from + 10), payers, fromSerial: from, toSerial: to, paidShare: 0.75, noise: { ...SAMPLE_NOISE, foreign: 0 }, seed: seed + 19 });
  const n = lines.length;
  const extra = (k: number, amountMinor: number, currency: string, counterparty: string, text: string, dateSerial: number): LabelledLine => ({
    line: { lineId: `BK-${String(n + k).padStart(6, "0")}`, dateSerial, amountMinor, currency, counterparty, account: "", reference: "", text, row: n + k },
    truth: { customer: "", vouchers: [] }, kind: amountMinor > 0 ? "no customer" : "money out",
  });
  return [...lines, extra(1, 431250, "SEK", "Skatteverket", "Återbetalning moms", to - 3), extra(2, -12500, "SEK", "", "Bankavgift december", to)];
}
