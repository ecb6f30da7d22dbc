/**
 * Ranges of a settlement -> engine records: one customer's open items, the options (Name/Value),
 * the priority list and the discount-code table.
 */
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import { currencyExponent, exponentOf, parseMoney } from "../domain/money";
import { DISCOUNT_ADMINISTRATION, type DiscountCode, type SettlementItem, type SettlementOptions, USE_CASH_DISCOUNT } from "../domain/settlement/types";
import { DEFAULT_PRIORITY } from "../domain/settlement/types";
import { TRANSACTION_TYPES, type TransactionType } from "../domain/types";
import { matchChoice, readEachRow } from "./cells";
import { readOptionRows, type OptionSpecs } from "./options";
import { excelErrorOf, excelErrorsIn, isBlank, isRange, MAX_ERRORS, matchTable } from "./table";
import { type Ledger, readLedger } from "./ledger";
import { dropUndefined, TRANSACTION_COLUMNS } from "./transactions";

export const SETTLE_OPTION_SPECS: OptionSpecs = {
  PartialDiscount: { kind: "bool" },
  DiscountOnCreditNotes: { kind: "bool" },
  UseCashDiscount: { kind: "choice", values: USE_CASH_DISCOUNT },
  MaxPennyDifference: { kind: "cell" },
  MaxOverUnder: { kind: "cell" },
  DiscountAdministration: { kind: "choice", values: DISCOUNT_ADMINISTRATION },
  PaymentCurrency: { kind: "text" },
  AccountingCurrency: { kind: "text" },
};

export interface SettleOptionsRead {
  /** Every option but the tolerances, which are money and need the payment's currency. */
  readonly options: Partial<SettlementOptions>;
  readonly paymentCurrency?: string;
  readonly accountingCurrency?: string;
  /** MaxPennyDifference and MaxOverUnder as given, with their rows; read by `settleTolerances`. */
  readonly tolerances: readonly ToleranceCell[];
}

export interface ToleranceCell {
  readonly option: "MaxPennyDifference" | "MaxOverUnder";
  readonly value: unknown;
  readonly row: number;
}

/** @example readSettleOptions([["PartialDiscount", true]]) // ok({ options: { partialDiscount: true }, tolerances: [] }) */
export function readSettleOptions(range: unknown): Result<SettleOptionsRead> {
  const read = readOptionRows(range, SETTLE_OPTION_SPECS, "options");
  if (!read.ok) return read;
  const v = read.value.values;
  const options: Record<string, unknown> = {
    partialDiscount: v["PartialDiscount"], discountOnCreditNotes: v["DiscountOnCreditNotes"], useCashDiscount: v["UseCashDiscount"],
    discountAdministration: v["DiscountAdministration"],
  };
  const errors: CcError[] = [];
  const currency = (name: string): string | undefined => {
    const c = v[name];
    if (c === undefined) return undefined;
    const code = String(c).toUpperCase();
    if (currencyExponent(code) === undefined) errors.push(ccError("currency_must_be_known", { case: "option", option: name, currency: code }, { table: "options", row: read.value.rows[name] ?? 0, column: "Value" }));
    return code;
  };
  const tolerances: ToleranceCell[] = [];
  for (const option of ["MaxPennyDifference", "MaxOverUnder"] as const) {
    if (v[option] !== undefined) tolerances.push({ option, value: v[option], row: read.value.rows[option] ?? 0 });
  }
  const out = dropUndefined({ options: dropUndefined(options) as Partial<SettlementOptions>, paymentCurrency: currency("PaymentCurrency"), accountingCurrency: currency("AccountingCurrency") });
  return errors.length > 0 ? fail(...errors) : ok({ ...(out as Omit<SettleOptionsRead, "tolerances">), tolerances });
}

/**
 * The tolerances in minor units of the payment's currency, read by the one money reader: 0.005 in
 * USD is an error (not one cent), 0.5 in JPY too; negative is an error.
 * @example settleTolerances([{ option: "MaxPennyDifference", value: 0.05, row: 2 }], "USD") // ok({ maxPennyDifferenceMinor: 5 })
 */
export function settleTolerances(cells: readonly ToleranceCell[], currency: string, table = "options"): Result<Partial<SettlementOptions>> {
  const exponent = exponentOf(currency);
  const errors: CcError[] = [];
  const out: Record<string, number> = {};
  for (const c of cells) {
    const minor = toleranceMinor(c.value, exponent);
    const code = c.option === "MaxPennyDifference" ? "max_penny_difference_must_be_an_amount" : "max_over_under_must_be_an_amount";
    if (typeof minor === "string") errors.push(ccError(code, { case: "option", reason: minor, currency: currency || "none" }, { table, row: c.row, column: "Value" }));
    else out[c.option === "MaxPennyDifference" ? "maxPennyDifferenceMinor" : "maxOverUnderMinor"] = minor;
  }
  return errors.length > 0 ? fail(...errors) : ok(out as Partial<SettlementOptions>);
}

/** A tolerance cell or typed text in minor units, or the reason it is not one (the task pane's fields use it too). */
export function toleranceMinor(value: unknown, exponent: number): number | string {
  const shown = excelErrorOf(value);
  if (shown !== undefined) return `holds the Excel error ${shown}`;
  if (isBlank(value)) return "is blank";
  const parsed = parseMoney(value, exponent);
  if (!parsed.ok) return parsed.reason;
  if (parsed.minor < 0) return `${String(value)} is negative; a tolerance is zero or more`;
  return parsed.minor;
}

/** A list of transaction types in order (a row, a column or one cell); absent = Fee, CollectionLetter, InterestNote, Invoice. */
export function readPriority(values: readonly unknown[]): Result<TransactionType[]> {
  if (values.length === 0) return ok([...DEFAULT_PRIORITY]);
  const bad = excelErrorsIn(values.map((v) => [v]), "priority", ["Type"]);
  if (bad.length > 0) return fail(...bad);
  const errors: CcError[] = [];
  const out: TransactionType[] = [];
  values.forEach((v, i) => {
    const t = matchChoice(String(v), TRANSACTION_TYPES);
    if (t === undefined) errors.push(ccError("priority_type_must_be_known", { value: String(v), types: TRANSACTION_TYPES.join(", ") }, { table: "priority", row: i + 1 }));
    else out.push(t);
  });
  return errors.length > 0 ? fail(...errors) : ok(out);
}

const NO_CUSTOMER = "\u0000no-customer";

/**
 * One customer's open items. The Customer column is optional; when present, every row must name the
 * same customer. Voucher and Amount are required and vouchers must be unique. Every cell is read
 * into columns first (`readLedger`: the errors of `readTransactions`, in its order); both rules then
 * run on the columns, and records are made only when the whole range passed (docs/performance.md,
 * round 3c).
 */
export function readOpenItems(range: unknown, name = "openItems", roundAmounts = false): Result<SettlementItem[]> {
  const customerSpec = TRANSACTION_COLUMNS.filter((s) => s.key === "customer");
  let input = range;
  const probe = matchTable(range, customerSpec, name);
  const unnamed = probe.ok && !probe.value.index.has("customer") && isRange(range);
  if (unnamed) input = range.map((row, i) => [...row, i === 0 ? "Customer" : row.every(isBlank) ? "" : NO_CUSTOMER]);
  const read = readLedger(input, { name, require: ["voucher"], roundAmounts });
  if (!read.ok) return read;
  const ledger = read.value;
  const { customers, customerOf, voucher, row } = ledger;
  const shown = (c: number): string => (customers[c] === NO_CUSTOMER ? "" : (customers[c] as string));
  const errors: CcError[] = [];
  // The common case, one customer and no repeated voucher, is proven without a Set of every
  // voucher (a third of reading a million items); otherwise the loop below finds the errors.
  if (customers.length === 1 && !hasRepeat(voucher)) return ok(recordsOf(ledger, unnamed));
  const seen = new Set<string>();
  for (let i = 0; i < ledger.length; i++) {
    const c = customerOf[i] as number;
    // Customers are interned in the order first met: any row whose index is not 0 names another.
    if (c !== 0 && errors.length < MAX_ERRORS) {
      errors.push(ccError("items_must_belong_to_one_customer", { case: "row", customer: shown(c), first: shown(0), row: row[0] as number }, { table: name, row: row[i] as number, column: "Customer" }));
    }
    const v = voucher[i] as string;
    if (seen.has(v) && errors.length < MAX_ERRORS) errors.push(ccError("voucher_must_appear_once", { case: "items", voucher: v }, { table: name, row: row[i] as number, column: "Voucher" }));
    seen.add(v);
  }
  if (errors.length > 0) return fail(...errors);
  return ok(recordsOf(ledger, unnamed));
}

function recordsOf(ledger: Ledger, unnamed: boolean): SettlementItem[] {
  const items = ledger.records();
  return unnamed ? items.map((t) => (t.customer === NO_CUSTOMER ? { ...t, customer: "" } : t)) : items;
}

/**
 * Whether any text repeats: an open-addressing table of row indexes in an Int32Array, keyed by a
 * 32-bit FNV-1a hash of the text (equal texts are compared only when their hashes are equal).
 * Three times faster than a Set of a million vouchers; should the probes ever grow long (texts
 * made to collide), a Set answers instead.
 */
function hasRepeat(texts: readonly string[]): boolean {
  const n = texts.length;
  let size = 2;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(n);
  let probes = 0;
  for (let i = 0; i < n; i++) {
    const t = texts[i] as string;
    let h = 0x811c9dc5 | 0;
    for (let k = 0; k < t.length; k++) h = Math.imul(h ^ t.charCodeAt(k), 16777619);
    h ^= h >>> 15;
    hashes[i] = h;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const at = slots[j] as number;
      if (at === 0) {
        slots[j] = i + 1;
        break;
      }
      if (hashes[at - 1] === h && texts[at - 1] === t) return true;
      if (++probes > 8 * n + 64) return new Set(texts).size !== n;
    }
  }
  return false;
}

const CODE_COLUMNS = [
  { key: "code", header: "Code", aliases: ["DiscountCode", "CashDiscountCode", "CashDiscount"], required: true },
  { key: "days", header: "Days", aliases: ["DiscountDays"] },
  { key: "date", header: "Date", aliases: ["DiscountDate", "Until"] },
  { key: "pct", header: "Pct", aliases: ["Percent", "DiscountPct", "CashDiscountPct"], required: true },
  { key: "next", header: "Next", aliases: ["NextCode"] },
];

/** A discount-code table: Code, Days or Date, Pct, Next (the code that follows when this one's date has passed). */
export function readDiscountCodes(range: unknown, name = "discountCodes"): Result<DiscountCode[]> {
  const matched = matchTable(range, CODE_COLUMNS, name);
  if (!matched.ok) return matched;
  return readEachRow<DiscountCode>(matched.value, {}, (r, out) => {
    const code = r.text("code", true);
    const pct = r.percent("pct", true);
    const days = r.has("days") ? r.number("days") : undefined;
    if (days !== undefined && !(Number.isInteger(days) && days >= 0)) r.error("days", "days_must_be_a_whole_number", { value: days });
    const dateSerial = r.has("date") ? r.date("date") : undefined;
    if (days === undefined && dateSerial === undefined) r.error("days", "discount_code_must_have_days_or_date", { case: "cell" });
    if (code !== undefined && pct !== undefined) out.push(dropUndefined({ code, pct, days, dateSerial, next: r.has("next") ? r.text("next") : undefined, row: r.rowNumber }) as DiscountCode);
  });
}
