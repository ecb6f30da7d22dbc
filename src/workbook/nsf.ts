/**
 * NSF I/O: the options of CC.NSF and CC.NSFJOURNAL (FeeAmount or FeePct, BankAccount) and the
 * table CC.NSF spills, `Voucher | Type | Change | Balance | Currency`: each invoice reopened by what
 * the bounced payment had settled on it (Change > 0), the payment itself, then the NSF fee.
 */
import type { NsfCharge, NsfResult } from "../domain/collections";
import { ccError, fail, ok, type Result } from "../domain/errors";
import { exponentOf, minorToNumber, parseMoney } from "../domain/money";
import type { Transaction } from "../domain/types";
import { readOptions } from "./options";

export const NSF_HEADER = ["Voucher", "Type", "Change", "Balance", "Currency"] as const;

export interface NsfOptions {
  readonly charge?: NsfCharge;
  readonly bankAccount?: string;
}

/**
 * Read the Name/Value options: FeeAmount (in the payment's currency, major units) or FeePct (percent
 * points of the payment), not both; BankAccount (default Bank). `exponent` is the payment currency's.
 * @example readNsfOptions([["FeeAmount", 25]], 2) // ok({ charge: { kind: "fixed", amountMinor: 2500 } })
 */
export function readNsfOptions(range: unknown, exponent: number): Result<NsfOptions> {
  const read = readOptions(range, { FeeAmount: { kind: "number", min: 0 }, FeePct: { kind: "number", min: 0 }, BankAccount: { kind: "text" } });
  if (!read.ok) return read;
  const v = read.value;
  const amount = v["FeeAmount"];
  const pct = v["FeePct"];
  const bank = typeof v["BankAccount"] === "string" && v["BankAccount"] !== "" ? { bankAccount: v["BankAccount"] } : {};
  if (amount !== undefined && pct !== undefined) {
    return fail(ccError("fee_must_be_amount_or_percent", {}, { table: "options", column: "FeePct" }));
  }
  if (typeof pct === "number") {
    if (pct > 100) return fail(ccError("option_value_must_fit", { case: "above", option: "FeePct", value: pct, max: 100 }, { table: "options", column: "FeePct" }));
    return ok({ charge: { kind: "percent", percent: pct }, ...bank });
  }
  if (typeof amount === "number") {
    const parsed = parseMoney(amount, exponent);
    if (!parsed.ok) return fail(ccError("fee_must_fit_currency", { case: "option", reason: parsed.reason }, { table: "options", column: "FeeAmount" }));
    return ok({ charge: { kind: "fixed", amountMinor: parsed.minor }, ...bank });
  }
  return ok(bank);
}

type Cell = string | number;

/**
 * The open-amount changes of an NSF, in ledger order: the reopened items, then the payment, then
 * the fee (a new open item whose voucher is the fee journal's ID). The payment is always listed:
 * its settlements reopened and its reversal net to what was still unapplied on it (0 when it was
 * fully settled).
 * @example nsfTable(ledger, result)[1] // ["I1", "Invoice", 100, 100, "USD"]
 */
export function nsfTable(ledger: readonly Transaction[], paymentVoucher: string, result: NsfResult): Cell[][] {
  // Only the vouchers the bounce changed are looked up: a key per changed voucher, not per ledger row.
  const wanted = new Set(result.changes.map((c) => c.voucher));
  const byVoucher = new Map<string, Transaction>();
  for (const t of ledger) {
    if (!wanted.has(t.voucher)) continue;
    const key = `${t.customer}\u0000${t.voucher}`;
    if (!byVoucher.has(key)) byVoucher.set(key, t);
  }
  const rowOf = (c: { customer: string; voucher: string }): number => byVoucher.get(`${c.customer}\u0000${c.voucher}`)?.row ?? Number.MAX_SAFE_INTEGER;
  const items = result.changes.filter((c) => c.voucher !== paymentVoucher).sort((a, b) => rowOf(a) - rowOf(b) || (a.voucher < b.voucher ? -1 : a.voucher > b.voucher ? 1 : 0));
  const payment = result.changes.filter((c) => c.voucher === paymentVoucher);
  const rows: Cell[][] = [[...NSF_HEADER]];
  for (const c of [...items, ...payment]) {
    const t = byVoucher.get(`${c.customer}\u0000${c.voucher}`);
    const exp = exponentOf(c.currency);
    rows.push([c.voucher, t?.type ?? "", minorToNumber(c.deltaMinor, exp), minorToNumber((t?.amountMinor ?? 0) + c.deltaMinor, exp), c.currency]);
  }
  for (const l of result.fee?.lines ?? []) {
    if (l.accountType !== "Customer") continue;
    const exp = exponentOf(l.currency);
    rows.push([l.voucher, "Fee", minorToNumber(l.amountMinor, exp), minorToNumber(l.amountMinor, exp), l.currency]);
  }
  return rows;
}
