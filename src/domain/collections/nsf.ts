/**
 * NSF, not sufficient funds (docs/domain.md §6.8): a bounced payment is cancelled. Its settlements
 * are unapplied by the settlement engine (section 4.6, latest first), which reopens the invoices;
 * the payment itself is then reversed against the bank; and when the bank account's charge group
 * has an NSF charge (a fixed amount or a percent of the payment) a fee is charged to the customer
 * in a payment journal of its own.
 */
import { HALF_AWAY_FROM_ZERO } from "../_lib/decimal";
import { ccError, fail, ok, type Result } from "../errors";
import { checkNotPosted, type Journal, journalIdFor, type JournalLine } from "../journal";
import { percentOf } from "../money";
import { type OpenChange, unapplyVoucher } from "../settlement";
import type { Transaction } from "../types";
import { type Accounting, assertCollectionsJournal, type CollectionsLine, linesFromGroups } from "./_lib/lines";
import { feeJournal } from "./fees";

/** A bank account's NSF charge: a fixed amount (minor units of the payment's currency) or a percent. */
export type NsfCharge = { readonly kind: "fixed"; readonly amountMinor: number } | { readonly kind: "percent"; readonly percent: number };

export interface NsfRequest {
  readonly customer: string;
  /** The bounced payment's voucher. */
  readonly voucher: string;
  readonly dateSerial: number;
  readonly reason: string;
  /** The bank account's charge group, when it has an NSF charge. */
  readonly charge?: NsfCharge;
  /** The bank account the payment was received on; default "Bank". */
  readonly bankAccount?: string;
  readonly accounting?: Accounting;
  readonly postedJournalIds?: ReadonlySet<string>;
}

export interface NsfResult {
  /** The unapply journals of the settlement engine, latest settlement first. */
  readonly unapplied: readonly Journal[];
  /** The payment's cancellation: the customer debited back, the bank credited. */
  readonly cancellation: { readonly journalId: string; readonly lines: readonly CollectionsLine[] };
  /** The NSF fee, when the charge group has one and it is not zero. */
  readonly fee?: { readonly journalId: string; readonly lines: readonly CollectionsLine[] };
  /** The open amounts that change: invoices reopen, the payment closes. */
  readonly changes: readonly OpenChange[];
  /** The payment's full amount (what it had settled plus what was still unapplied), > 0. */
  readonly paymentMinor: number;
}

/**
 * Cancel a bounced payment. W1's PAY1 (700.00, fully applied by `w1Posted`) bounces on 2015-11-02.
 * @example
 * const r = nsfPayment([{ ...payment700, amountMinor: 0 }], w1Posted.journal.lines, { customer: "2050", voucher: "PAY1", dateSerial: 42310, reason: "NSF", charge: { kind: "fixed", amountMinor: 2500 } }).value;
 * [r.paymentMinor, r.unapplied.length, r.changes.map((c) => [c.voucher, c.deltaMinor])] // [70000, 1, [["Invoice 1", 10000], ["PAY1", 0], ["Invoice 2", 25000], ["Invoice 3", 35000]]] (the invoices reopen; PAY1 is reopened and cancelled)
 * @example
 * const r = nsfPayment([{ ...payment700, amountMinor: 0 }], w1Posted.journal.lines, { customer: "2050", voucher: "PAY1", dateSerial: 42310, reason: "NSF", charge: { kind: "fixed", amountMinor: 2500 } }).value;
 * [r.cancellation.lines.map((l) => [l.amountMinor, l.accountRole]), r.fee.lines.map((l) => [l.offsetVoucher, l.amountMinor, l.accountRole])] // [[[70000, "Customer"], [-70000, "Bank"]], [["PAY1", 2500, "Customer"], ["PAY1", -2500, "NsfFee"]]]
 * @example nsfPayment([payment700], [], { customer: "2050", voucher: "PAY1", dateSerial: 42310, reason: "NSF", charge: { kind: "percent", percent: 1.5 } }).value.fee.lines[0].amountMinor // 1050 (1.5 % of an unapplied 700.00)
 * @example nsfPayment(w1Items, [], { customer: "2050", voucher: "Invoice 1", dateSerial: 42310, reason: "NSF" }).errors[0].code // "nsf_must_be_a_payment"
 */
export function nsfPayment(transactions: readonly Transaction[], history: readonly JournalLine[], request: NsfRequest): Result<NsfResult> {
  const reason = request.reason.trim();
  if (reason === "") return fail(ccError("reason_must_not_be_blank", { case: "nsf" }, { column: "reason" }));
  const payment = transactions.find((t) => t.customer === request.customer && t.voucher === request.voucher);
  if (payment === undefined) return fail(ccError("payment_must_exist", { customer: request.customer, voucher: request.voucher }, { column: "payment" }));
  if (payment.type !== "Payment") return fail(ccError("nsf_must_be_a_payment", { case: "type", voucher: request.voucher, type: payment.type }, { table: "transactions", row: payment.row, column: "Type" }));
  if (payment.amountMinor > 0) return fail(ccError("nsf_must_be_a_payment", { case: "debit", voucher: request.voucher }, { table: "transactions", row: payment.row, column: "Amount" }));
  const unapplied = unapplyVoucher(history, request.customer, request.voucher, request.dateSerial);
  if (!unapplied.ok) return unapplied;

  // The payment's open amount after its settlements are undone is its full amount.
  const changes = new Map<string, OpenChange>();
  for (const u of unapplied.value) for (const c of u.changes) addChange(changes, c);
  const reopenedOnPayment = changes.get(request.voucher)?.deltaMinor ?? 0;
  const paymentMinor = -(payment.amountMinor + reopenedOnPayment);
  if (paymentMinor <= 0) return fail(ccError("payment_must_not_be_cancelled", { voucher: request.voucher }, { table: "transactions", row: payment.row, column: "Amount" }));

  const journalId = journalIdFor("Nsf", [request.customer, request.voucher, request.dateSerial, reason, paymentMinor].join("|"));
  const posted = checkNotPosted(journalId, request.postedJournalIds ?? new Set());
  if (!posted.ok) return posted;
  const common = { customer: request.customer, voucher: request.voucher, offsetVoucher: journalId, currency: payment.currency };
  const lines = linesFromGroups({ journalId, dateSerial: request.dateSerial, reason, ...(request.accounting ? { accounting: request.accounting } : {}) }, [
    [
      { ...common, amountMinor: paymentMinor, accountType: "Customer", accountRole: "Customer" },
      { ...common, amountMinor: -paymentMinor, accountType: "Ledger", accountRole: "Bank", account: request.bankAccount ?? "Bank" },
    ],
  ]);
  if (!lines.ok) return lines;
  assertCollectionsJournal(journalId, lines.value);
  addChange(changes, { customer: request.customer, voucher: request.voucher, currency: payment.currency, deltaMinor: paymentMinor });

  const feeMinor = request.charge === undefined ? 0 : request.charge.kind === "fixed" ? request.charge.amountMinor : percentOf(paymentMinor, request.charge.percent, HALF_AWAY_FROM_ZERO);
  const result: NsfResult = { unapplied: unapplied.value.map((u) => u.journal), cancellation: { journalId, lines: lines.value }, changes: [...changes.values()], paymentMinor };
  if (feeMinor === 0) return ok(result);
  const fee = feeJournal([{ customer: request.customer, currency: payment.currency, amountMinor: feeMinor, offsetVoucher: request.voucher }], {
    dateSerial: request.dateSerial,
    reason,
    accountRole: "NsfFee",
    ...(request.accounting ? { accounting: request.accounting } : {}),
    ...(request.postedJournalIds ? { postedJournalIds: request.postedJournalIds } : {}),
  });
  if (!fee.ok) return fee;
  return ok({ ...result, fee: fee.value });
}

function addChange(changes: Map<string, OpenChange>, c: OpenChange): void {
  const prev = changes.get(c.voucher);
  changes.set(c.voucher, { customer: c.customer, voucher: c.voucher, currency: c.currency, deltaMinor: (prev?.deltaMinor ?? 0) + c.deltaMinor });
}
