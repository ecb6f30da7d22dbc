/**
 * The Transactions table (the customer ledger) -> `Transaction` records.
 */
import { type Result } from "../domain/errors";
import { COLLECTION_STATUSES, type CollectionStatus, type ExchangeRate, type Transaction, TRANSACTION_TYPES, type TransactionType } from "../domain/types";
import { readEachRow, type ReadOptions, type RowReader } from "./cells";
import { type ColumnSpec, type MatchedTable, matchTable } from "./table";

export const TRANSACTION_COLUMNS: readonly ColumnSpec[] = [
  {
    key: "customer",
    header: "Customer",
    aliases: ["Cust", "Account", "CustomerAccount", "CustomerId", "CustomerNo", "CustomerNumber", "Kund", "Kunde", "Kundnummer", "Kundenummer", "Kundnr", "Kundenr", "Debitor", "Kundkonto"],
  },
  { key: "voucher", header: "Voucher", aliases: ["VoucherNo", "EntryNo", "DocumentNo", "Verifikation", "Verifikationsnummer", "Bilag", "Bilagsnummer", "Bilagsnr"] },
  { key: "type", header: "Type", aliases: ["TransactionType", "DocumentType", "Typ", "Transaktionstyp", "Bilagstype", "Dokumenttype"] },
  { key: "date", header: "Date", aliases: ["TransactionDate", "PostingDate", "InvoiceDate", "Datum", "Dato", "Bokforingsdatum", "Bogforingsdato", "Bokforingsdato", "Fakturadatum", "Fakturadato", "Transaktionsdatum"] },
  { key: "dueDate", header: "DueDate", aliases: ["Due", "Forfallodatum", "Forfaldsdato", "Forfallsdato", "Forfallodag", "Forfaldsdag", "Forfallsdag"] },
  { key: "documentDate", header: "DocumentDate", aliases: ["DocDate", "Dokumentdatum", "Bilagsdato", "Dokumentdato"] },
  {
    key: "amount",
    header: "Amount",
    aliases: ["OpenAmount", "Open", "Remaining", "RemainingAmount", "AmountRemaining", "InvoiceAmount", "Belopp", "Belob", "Belop", "Restbelopp", "Restbelob", "Restbelop", "Saldo"],
  },
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy", "CurrencyCode", "Valuta", "Valutakod", "Valutakode"] },
  { key: "cashDiscountDate", header: "CashDiscountDate", aliases: ["DiscountDate", "Kassarabattdatum", "Kontantrabatdato", "Kontantrabattdato"] },
  { key: "cashDiscountPct", header: "CashDiscountPct", aliases: ["CashDiscountPercent", "DiscountPct", "DiscountPercent", "CashDiscount%", "Kassarabatt", "Kassarabatt%", "Kontantrabat", "Kontantrabatt"] },
  { key: "discountCode", header: "CashDiscountCode", aliases: ["CashDiscount", "DiscountCode"] },
  { key: "invoice", header: "Invoice", aliases: ["InvoiceNo", "InvoiceNumber", "InvoiceId", "Faktura", "Fakturanummer", "Fakturanr"] },
  { key: "status", header: "Status", aliases: ["CollectionStatus", "Inkassostatus"] },
  { key: "disputed", header: "Disputed", aliases: ["Dispute", "Tvist", "Tvistig"] },
  { key: "promiseDate", header: "PromiseDate", aliases: ["PromisedDate", "PromiseToPayDate"] },
  { key: "promiseAmount", header: "PromiseAmount", aliases: ["PromisedAmount", "PromiseToPayAmount"] },
  { key: "dimension", header: "Dimension", aliases: ["CostCenter", "Department", "Kostnadsstalle", "Afdeling", "Avdeling"] },
  { key: "postingProfile", header: "PostingProfile", aliases: ["Profile"] },
  { key: "taxCode", header: "TaxCode", aliases: ["SalesTaxCode", "VatCode", "Momskod", "Momskode"] },
  { key: "taxAmount", header: "TaxAmount", aliases: ["SalesTax", "SalesTaxAmount", "Vat", "VatAmount", "Moms", "Momsbelopp", "Momsbelob", "Momsbelop"] },
  { key: "legalEntity", header: "LegalEntity", aliases: ["Company", "Bolag", "Selskab", "Selskap"] },
];

export const TYPE_ALIASES: Readonly<Record<string, TransactionType>> = {
  Inv: "Invoice", Faktura: "Invoice",
  Credit: "CreditNote", CreditMemo: "CreditNote", Kreditnota: "CreditNote", Kreditfaktura: "CreditNote",
  Pay: "Payment", Receipt: "Payment", Betalning: "Payment", Betaling: "Payment", Innbetaling: "Payment", Indbetaling: "Payment",
  Interest: "InterestNote", Ranta: "InterestNote", Rentenota: "InterestNote", Rantefaktura: "InterestNote",
  Charge: "Fee", Avgift: "Fee", Gebyr: "Fee",
  Letter: "CollectionLetter", Reminder: "CollectionLetter", Paminnelse: "CollectionLetter", Rykker: "CollectionLetter", Purring: "CollectionLetter",
};

export const STATUS_ALIASES: Readonly<Record<string, CollectionStatus>> = {
  "": "None", Open: "None", Promise: "PromiseToPay", PTP: "PromiseToPay", Broken: "PromiseToPayBroken", Dispute: "Disputed",
};

export type TransactionField = "customer" | "voucher" | "type" | "date" | "dueDate" | "documentDate" | "amount";

export interface ReadTransactionsOptions extends ReadOptions {
  /** Columns that must be present (Customer and Amount always are). */
  readonly require?: readonly TransactionField[];
  /** The name used in messages; default "transactions". */
  readonly name?: string;
}

/**
 * Read a Transactions range. Blank Type means Invoice for a positive amount and Payment for a
 * negative one (docs/decisions.md). A blank currency means the range's one unnamed currency.
 */
export function readTransactions(range: unknown, options: ReadTransactionsOptions = {}): Result<Transaction[]> {
  const matched = matchTransactions(range, options);
  if (!matched.ok) return matched;
  const build = transactionReader(matched.value.table, matched.value.required);
  return readEachRow<Transaction>(matched.value.table, options, (r, out) => {
    out.push(build(r));
  });
}

/** The Transactions header matched with the columns `options` requires, and that set of keys. */
export function matchTransactions(range: unknown, options: ReadTransactionsOptions = {}, rowsChecked: "all" | "by caller" = "all"): Result<{ table: MatchedTable; required: ReadonlySet<string> }> {
  const name = options.name ?? "transactions";
  const required = new Set<string>(["customer", "amount", ...(options.require ?? [])]);
  const specs = TRANSACTION_COLUMNS.map((s) => (required.has(s.key) ? { ...s, required: true } : s));
  const matched = matchTable(range, specs, name, 1, rowsChecked);
  if (!matched.ok) return matched;
  return { ok: true, value: { table: matched.value, required } };
}

/**
 * The one rule for a Transactions row -> record, for a matched header: `readTransactions` runs it on
 * every row, the columnar reader (ledger.ts) on the rows its fast path does not take and on the rows
 * a function asks records of. Errors go to the reader, naming row and column.
 */
export function transactionReader(table: MatchedTable, required: ReadonlySet<string>): (r: RowReader) => Transaction {
  // Which optional columns the range has is the same for every row: decided once, not per row.
  const has = (k: string): boolean => table.index.has(k);
  const [hasVoucher, hasType, hasDate, hasDue, hasDocument, hasDiscountDate, hasDiscountPct, hasDiscountCode, hasInvoice] = [
    has("voucher"), has("type"), has("date"), has("dueDate"), has("documentDate"), has("cashDiscountDate"), has("cashDiscountPct"), has("discountCode"), has("invoice"),
  ];
  const [hasPromiseAmount, hasDimension, hasProfile, hasTaxCode, hasTaxAmount, hasEntity] = [
    has("promiseAmount"), has("dimension"), has("postingProfile"), has("taxCode"), has("taxAmount"), has("legalEntity"),
  ];
  const hasStatusColumns = has("status") || has("disputed") || has("promiseDate");
  const [voucherRequired, dateRequired, dueRequired, documentRequired] = [required.has("voucher"), required.has("date"), required.has("dueDate"), required.has("documentDate")];
  return (r) => {
    const customer = r.text("customer", true);
    const { code: currency, exponent } = r.currency();
    // Without a known currency the amount cannot be read; the rest of the row still is, so that
    // every error of the row is reported at once.
    const amountMinor = exponent === undefined ? undefined : r.money("amount", exponent, true);
    const exp = exponent ?? 2;
    const rec: Record<string, unknown> = { customer, currency, amountMinor, row: r.rowNumber };
    put(rec, "voucher", hasVoucher ? (r.text("voucher", voucherRequired) ?? "") : "");
    const type = hasType ? r.choice("type", TRANSACTION_TYPES, TYPE_ALIASES) : undefined;
    put(rec, "type", type ?? ((amountMinor ?? 0) < 0 ? "Payment" : "Invoice"));
    if (hasDate) put(rec, "dateSerial", r.date("date", dateRequired));
    if (hasDue) put(rec, "dueSerial", r.date("dueDate", dueRequired));
    if (hasDocument) put(rec, "documentSerial", r.date("documentDate", documentRequired));
    if (hasDiscountDate) put(rec, "cashDiscountSerial", r.date("cashDiscountDate"));
    if (hasDiscountPct) put(rec, "cashDiscountPct", r.percent("cashDiscountPct"));
    if (hasDiscountCode) put(rec, "discountCode", r.text("discountCode"));
    if (hasInvoice) put(rec, "invoice", r.text("invoice"));
    if (hasStatusColumns) {
      const { status, promiseSerial } = readCollectionStatus(r);
      put(rec, "status", status);
      put(rec, "promiseSerial", promiseSerial);
    } else {
      rec["status"] = "None";
    }
    if (hasPromiseAmount) put(rec, "promiseAmountMinor", r.money("promiseAmount", exp));
    if (hasDimension) put(rec, "dimension", r.text("dimension"));
    if (hasProfile) put(rec, "postingProfile", r.text("postingProfile"));
    if (hasTaxCode) put(rec, "taxCode", r.text("taxCode"));
    if (hasTaxAmount) put(rec, "taxAmountMinor", r.money("taxAmount", exp));
    if (hasEntity) put(rec, "legalEntity", r.text("legalEntity"));
    return rec as unknown as Transaction;
  };
}

/**
 * The one rule for a row's collection status, used by every reader of transactions (the record
 * reader above and the one-pass aging reader): Status (blank = None), a Disputed Yes/No that is
 * always validated and makes a blank status Disputed (docs/decisions.md), and a PromiseDate that is
 * always validated when the column is there.
 */
export function readCollectionStatus(r: RowReader): { status: CollectionStatus; promiseSerial: number | undefined } {
  let status: CollectionStatus = r.has("status") ? (r.choice("status", COLLECTION_STATUSES, STATUS_ALIASES) ?? "None") : "None";
  const disputed = r.has("disputed") && r.bool("disputed");
  if (disputed && status === "None") status = "Disputed";
  const promiseSerial = r.has("promiseDate") ? r.date("promiseDate") : undefined;
  return { status, promiseSerial };
}

/**
 * exactOptionalPropertyTypes: absent, never `undefined`. Copies the defined properties into a new
 * object rather than deleting the others, which would put every record in V8's slow dictionary mode.
 */
export function dropUndefined<T extends Record<string, unknown>>(rec: T): T {
  const out: Record<string, unknown> = {};
  for (const k in rec) if (rec[k] !== undefined) out[k] = rec[k];
  return out as T;
}

/** Set a property only when it has a value (see dropUndefined). */
function put(rec: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) rec[key] = value;
}

export const EXCHANGE_RATE_COLUMNS: readonly ColumnSpec[] = [
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy", "CurrencyCode", "Valuta", "Valutakod", "Valutakode"], required: true },
  { key: "date", header: "Date", aliases: ["RateDate", "FromDate", "ValidFrom", "Datum", "Dato"], required: true },
  { key: "rate", header: "Rate", aliases: ["ExchangeRate", "Kurs", "Valutakurs"], required: true },
];

/** Read an ExchangeRates range: Currency, Date, Rate (accounting-currency units per 1 unit). */
export function readExchangeRates(range: unknown, options: ReadOptions & { name?: string } = {}): Result<ExchangeRate[]> {
  const matched = matchTable(range, EXCHANGE_RATE_COLUMNS, options.name ?? "rates");
  if (!matched.ok) return matched;
  // Two rates for one currency and date would make the result depend on row order.
  const seen = new Map<string, number>();
  return readEachRow<ExchangeRate>(matched.value, options, (r, out) => {
    const text = r.text("currency", true);
    const currency = text === undefined ? undefined : r.currency().code;
    const dateSerial = r.date("date", true);
    const rate = r.rate("rate");
    if (currency !== undefined && dateSerial !== undefined) {
      const key = `${currency}\u0000${dateSerial}`;
      const first = seen.get(key);
      if (first !== undefined) r.error("date", "rate_must_appear_once_per_currency_and_date", { currency, first });
      else seen.set(key, r.rowNumber);
    }
    if (currency !== undefined && dateSerial !== undefined && rate !== undefined) out.push({ currency, dateSerial, rate, row: r.rowNumber });
  });
}
