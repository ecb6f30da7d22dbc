/**
 * The demo's bounced payments: found by a Note that says NSF (or named with --nsf), cancelled with
 * the collections engine's `nsfPayment` over the ledger as it stands after settlement, one after
 * the other. Each cancellation unapplies the payment's settlements (its invoices reopen), reverses
 * the payment against the bank and, with a fee, charges it to the customer.
 */
import { type NsfCharge, nsfPayment } from "../../domain/collections";
import type { JournalLine } from "../../domain/journal";
import type { RateTable } from "../../domain/rates";
import type { Transaction } from "../../domain/types";
import { normalizeHeader } from "../../workbook/table";
import { CliError } from "./cli-error";

export interface NsfOutcome {
  readonly customer: string;
  readonly voucher: string;
  readonly currency: string;
  readonly paymentMinor: number;
  /** Settlement journals unapplied. */
  readonly unapplied: number;
  /** Debit items whose open amount went back up. */
  readonly reopened: number;
  readonly feeMinor: number;
}

export interface NsfBatch {
  /** The ledger afterwards (same order, open amounts changed, zero-open items kept; NSF fees added at the end). */
  readonly ledger: Transaction[];
  /** Unapply, cancellation and fee lines, in that order for each payment. */
  readonly lines: JournalLine[];
  readonly outcomes: NsfOutcome[];
}

/** Vouchers of the payments whose Note column mentions NSF (range = the ledger as read, header first). */
export function nsfMarkedPayments(range: readonly (readonly unknown[])[], transactions: readonly Transaction[]): string[] {
  const note = (range[0] ?? []).findIndex((h) => normalizeHeader(String(h ?? "")) === "note");
  if (note < 0) return [];
  const byRow = new Map(transactions.map((t) => [t.row, t]));
  const out: string[] = [];
  for (let i = 1; i < range.length; i++) {
    if (!/\bNSF\b/i.test(String(range[i]?.[note] ?? ""))) continue;
    const t = byRow.get(i + 1); // data rows are numbered from 2, as the readers number them
    if (t?.type === "Payment") out.push(`${t.customer}\u0000${t.voucher}`);
  }
  return out;
}

/**
 * Cancel each payment `keys` names (`customer\u0000voucher`, or a bare voucher) on `ledger`, the
 * ledger after settlement with zero-open items kept, against the settlement `history`.
 */
export function cancelPayments(
  ledger: readonly Transaction[],
  history: readonly JournalLine[],
  keys: readonly string[],
  request: { dateSerial: number; feeMinor?: (currency: string) => number; accounting: { currency: string; rates: RateTable }; reason?: string },
): NsfBatch {
  const current = [...ledger];
  const index = new Map<string, number>();
  current.forEach((t, i) => {
    for (const k of [`${t.customer}\u0000${t.voucher}`, t.voucher]) if (!index.has(k)) index.set(k, i);
  });
  const lines: JournalLine[] = [];
  const outcomes: NsfOutcome[] = [];
  for (const key of keys) {
    const at = index.get(key);
    const payment = at === undefined ? undefined : current[at];
    if (payment === undefined) throw new CliError(`cc demo: --nsf: no transaction '${key.replace("\u0000", " ")}' in the ledger`);
    const feeMinor = request.feeMinor?.(payment.currency) ?? 0;
    const charge: NsfCharge | undefined = feeMinor > 0 ? { kind: "fixed", amountMinor: feeMinor } : undefined;
    const result = nsfPayment(current, history, {
      customer: payment.customer,
      voucher: payment.voucher,
      dateSerial: request.dateSerial,
      reason: request.reason ?? "NSF",
      accounting: request.accounting,
      ...(charge === undefined ? {} : { charge }),
    });
    if (!result.ok) throw new CliError(`cc demo: cannot cancel payment ${payment.voucher} of customer ${payment.customer}: ${result.errors.map((e) => `${e.message} [${e.code}]`).join("; ")}`);
    const r = result.value;
    let reopened = 0;
    for (const c of r.changes) {
      const i = index.get(`${c.customer}\u0000${c.voucher}`);
      const t = i === undefined ? undefined : current[i];
      if (i === undefined || t === undefined) throw new CliError(`cc demo: NSF of ${payment.voucher} changes '${c.voucher}', which is not in the ledger`, 3);
      current[i] = { ...t, amountMinor: t.amountMinor + c.deltaMinor };
      if (t.amountMinor >= 0 && c.deltaMinor > 0 && c.voucher !== payment.voucher) reopened++;
    }
    // The fee is a new open item of the customer (row 0: it is on no sheet).
    for (const l of r.fee?.lines ?? []) {
      if (l.accountType === "Customer") current.push({ customer: l.customer, voucher: l.voucher, type: "Fee", dateSerial: l.dateSerial, dueSerial: l.dateSerial, amountMinor: l.amountMinor, currency: l.currency, status: "None", row: 0 });
    }
    lines.push(...r.unapplied.flatMap((j) => j.lines), ...r.cancellation.lines, ...(r.fee?.lines ?? []));
    outcomes.push({ customer: payment.customer, voucher: payment.voucher, currency: payment.currency, paymentMinor: r.paymentMinor, unapplied: r.unapplied.length, reopened, feeMinor: r.fee === undefined ? 0 : feeMinor });
  }
  return { ledger: current, lines, outcomes };
}
