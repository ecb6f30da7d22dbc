/**
 * The ranges of cash application -> matcher records, and the matches -> the `Bank matches` table:
 * open items (the Transactions table with its optional `Invoice` and `PaymentReference` columns),
 * customers (`Customer`, `Name`, `BankAccount` with several accounts separated by `;`), and the
 * Name/Value options. Shared by CC.MATCH, `cc match`, the demo and the Bank screen.
 */
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import { CONFIDENCES, type Confidence, type LineMatch, type MatchCustomer, type MatchItem, type MatchOptions } from "../domain/matching/types";
import { exponentOf, minorToNumber } from "../domain/money";
import { DISCOUNT_ADMINISTRATION, type SettlementOptions, USE_CASH_DISCOUNT } from "../domain/settlement/types";
import type { Transaction } from "../domain/types";
import { readEachRow, type ReadOptions } from "./cells";
import { CUSTOMER_COLUMNS } from "./customers";
import { readOptionRows, type OptionSpecs } from "./options";
import { settleTolerances, type ToleranceCell } from "./settlement-input";
import { type ColumnSpec, isBlank, isRange, matchTable } from "./table";
import { dropUndefined, readTransactions } from "./transactions";

export const MATCH_HEADER = ["LineId", "Customer", "Voucher", "AmountToSettle", "Currency", "Confidence", "Rule"] as const;

const REFERENCE_SPEC: ColumnSpec = {
  key: "paymentReference", header: "PaymentReference",
  aliases: ["PaymentRef", "CreditorReference", "StructuredReference", "OCR", "KID", "FIK", "RF", "Betalningsreferens", "Betalingsreference", "Betalingsreferanse", "OCRnummer", "KIDnummer"],
};

/**
 * Open items for matching: the Transactions reader (Customer, Voucher and Amount required) plus
 * the PaymentReference column when there is one.
 * @example readMatchItems([["Customer", "Voucher", "Amount", "PaymentReference"], ["C1", "V1", 100, "12345682"]]).value[0].paymentReference // "12345682"
 */
export function readMatchItems(range: unknown, options: ReadOptions & { name?: string } = {}): Result<MatchItem[]> {
  const name = options.name ?? "openItems";
  const read = readTransactions(range, { ...options, name, require: ["voucher"] });
  if (!read.ok) return read;
  return ok(withPaymentReferences(range, read.value, name));
}

/**
 * Give transactions read from `range` their PaymentReference cells (when the range has that
 * column). Reader rows are sheet rows with the header as row 1, so row r is range[r - 1]; a
 * transaction changed since it was read keeps its row and gets its reference all the same.
 */
export function withPaymentReferences(range: unknown, transactions: readonly Transaction[], name = "openItems"): MatchItem[] {
  const refs = matchTable(range, [REFERENCE_SPEC], name);
  const col = refs.ok ? refs.value.index.get("paymentReference") : undefined;
  if (col === undefined || !isRange(range)) return [...transactions];
  return transactions.map((t) => {
    const cell = range[t.row - 1]?.[col];
    return isBlank(cell) ? t : { ...t, paymentReference: String(cell).trim() };
  });
}

const CUSTOMER_SPECS: readonly ColumnSpec[] = [
  ...CUSTOMER_COLUMNS.filter((s) => s.key === "customer" || s.key === "name"),
  { key: "bankAccount", header: "BankAccount", aliases: ["BankAccounts", "IBAN", "PayerAccount", "PayerAccounts", "Bankkonto", "Bankkonton", "Kontonummer", "Kontonumre"] },
];

/**
 * Customers for matching: Customer (required), Name, BankAccount (several separated by `;`).
 * @example readMatchCustomers([["Customer", "Name", "BankAccount"], ["C1", "Nordvik AB", "SE35 5000; SE12 3456"]]).value[0].bankAccounts // ["SE35 5000", "SE12 3456"]
 */
export function readMatchCustomers(range: unknown, options: { name?: string } = {}): Result<MatchCustomer[]> {
  const name = options.name ?? "customers";
  const matched = matchTable(range, CUSTOMER_SPECS, name);
  if (!matched.ok) return matched;
  const seen = new Map<string, number>();
  return readEachRow<MatchCustomer>(matched.value, {}, (r, out) => {
    const customer = r.text("customer", true);
    if (customer === undefined) return;
    const first = seen.get(customer);
    if (first !== undefined) {
      r.error("customer", "customer_must_appear_once", { case: "row", customer, first });
      return;
    }
    seen.set(customer, r.rowNumber);
    const accounts = (r.text("bankAccount") ?? "").split(";").map((a) => a.trim()).filter((a) => a !== "");
    out.push(dropUndefined({ customer, name: r.text("name"), bankAccounts: accounts, row: r.rowNumber }) as MatchCustomer);
  });
}

export const MATCH_OPTION_SPECS: OptionSpecs = {
  AutoApply: { kind: "choice", values: ["High", "Medium", "Low"] },
  PartialDiscount: { kind: "bool" },
  UseCashDiscount: { kind: "choice", values: USE_CASH_DISCOUNT },
  MaxPennyDifference: { kind: "cell" },
  MaxOverUnder: { kind: "cell" },
  DiscountAdministration: { kind: "choice", values: DISCOUNT_ADMINISTRATION },
  MaxCombinedItems: { kind: "number", min: 1, integer: true },
};

/**
 * Name/Value options of CC.MATCH and `cc match`. The tolerances are money, read in the minor units
 * of each statement currency in `currencies` by the settlement's one money reader (0.005 is no
 * USD amount).
 * @example readMatchOptions([["AutoApply", "Medium"], ["MaxOverUnder", 5]], ["NOK"]) // ok({ autoApply: "Medium", settlement: {}, tolerancesByCurrency: Map { "NOK" => { maxOverUnderMinor: 500 } } })
 */
export function readMatchOptions(range: unknown, currencies: readonly string[] = []): Result<Partial<MatchOptions>> {
  const read = readOptionRows(range, MATCH_OPTION_SPECS, "options");
  if (!read.ok) return read;
  const v = read.value.values;
  const errors: CcError[] = [];
  const combined = v["MaxCombinedItems"];
  if (typeof combined === "number" && combined > 8) errors.push(ccError("option_value_must_fit", { case: "moreThan", option: "MaxCombinedItems", value: combined, max: 8 }, { table: "options", column: "Value" }));
  const cells: ToleranceCell[] = [];
  for (const option of ["MaxPennyDifference", "MaxOverUnder"] as const) {
    if (v[option] !== undefined) cells.push({ option, value: v[option], row: read.value.rows[option] ?? 0 });
  }
  const tolerances = tolerancesByCurrency(cells, currencies);
  if (!tolerances.ok) errors.push(...tolerances.errors);
  const settlement = dropUndefined({
    partialDiscount: v["PartialDiscount"], useCashDiscount: v["UseCashDiscount"], discountAdministration: v["DiscountAdministration"],
  });
  const out = dropUndefined({ autoApply: v["AutoApply"] as Confidence | undefined, maxSubsetSize: combined, settlement, tolerancesByCurrency: tolerances.ok && tolerances.value.size > 0 ? tolerances.value : undefined });
  return errors.length > 0 ? fail(...errors) : ok(out as Partial<MatchOptions>);
}

/** Tolerance cells in the minor units of each currency (upper-case codes), errors naming the option's row. */
export function tolerancesByCurrency(cells: readonly ToleranceCell[], currencies: readonly string[], table = "options"): Result<NonNullable<MatchOptions["tolerancesByCurrency"]>> {
  const out = new Map<string, Partial<SettlementOptions>>();
  const errors: CcError[] = [];
  if (cells.length === 0) return ok(out);
  for (const c of currencies) {
    const code = c.toUpperCase();
    if (out.has(code)) continue;
    const read = settleTolerances(cells, code, table);
    if (read.ok) out.set(code, read.value);
    else errors.push(...read.errors);
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}

/** Is `c` at or above the auto-apply level? */
export function autoApplies(c: Confidence, level: Confidence): boolean {
  return c !== "None" && CONFIDENCES.indexOf(c) <= CONFIDENCES.indexOf(level);
}

/**
 * The matches as the `Bank matches` table: one row per line and item it settles, in statement
 * order; a line's remainder on account as a row with Voucher ""; a line matched to nothing as
 * Customer "", Voucher "", AmountToSettle 0, Confidence None.
 * @example matchesTable([noMatch])[1] // ["L9", "", "", 0, "SEK", "None", "No reference, document, payer or amount found"]
 */
export function matchesTable(matches: readonly LineMatch[]): (string | number)[][] {
  const out: (string | number)[][] = [[...MATCH_HEADER]];
  for (const m of matches) {
    const cur = m.line.currency;
    const major = (minor: number): number => minorToNumber(minor, exponentOf(cur));
    const row = (voucher: string, minor: number): (string | number)[] => [m.line.lineId, m.customer, voucher, major(minor), cur, m.confidence, m.rule];
    if (m.confidence === "None") {
      out.push(row("", 0));
      continue;
    }
    for (const s of m.settlements) out.push(row(s.voucher, s.amountToSettleMinor));
    if (m.onAccountMinor > 0 || m.settlements.length === 0) out.push(row("", m.onAccountMinor));
  }
  return out;
}
