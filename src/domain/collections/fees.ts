/**
 * Fee journals: collection-letter fees and NSF charges become charge journals of the same shape
 * as interest notes (a customer line and a ledger line per fee, joined by a link ID), so that
 * `correctCharges` can waive, reinstate or reverse them.
 */
import { type CcError, ccError, fail, ok, type Result } from "../errors";
import { checkNotPosted, journalIdFor } from "../journal";
import { type Accounting, assertCollectionsJournal, chargeLines, type CollectionsLine } from "./_lib/lines";

export interface FeeCharge {
  readonly customer: string;
  readonly currency: string;
  readonly amountMinor: number;
  /** What the fee is for: the letter code, the bounced payment's voucher. */
  readonly offsetVoucher: string;
}

export interface FeeJournalRequest {
  readonly dateSerial: number;
  readonly reason: string;
  /** The ledger role of the fee income, e.g. "CollectionLetterFee" or "NsfFee"; default "Fee". */
  readonly accountRole?: string;
  /** The ledger account credited; default "FeeIncome". */
  readonly account?: string;
  readonly accounting?: Accounting;
  readonly postedJournalIds?: ReadonlySet<string>;
}

/**
 * One journal charging every fee (a fee of zero is left out).
 * @example
 * const j = feeJournal([{ customer: "2050", currency: "USD", amountMinor: 500, offsetVoucher: "L1" }, { customer: "2051", currency: "USD", amountMinor: 0, offsetVoucher: "L1" }], { dateSerial: 42302, reason: "L1" }).value;
 * j.lines.map((l) => [l.customer, l.amountMinor, l.accountType, l.accountRole, l.account]) // [["2050", 500, "Customer", "Customer", ""], ["2050", -500, "Ledger", "Fee", "FeeIncome"]] (2051's zero fee is left out)
 * @example feeJournal([{ customer: "2050", currency: "USD", amountMinor: 500, offsetVoucher: "L1" }], { dateSerial: 42302, reason: "L1" }).value.journalId.startsWith("FEE-") // true
 * @example feeJournal([{ customer: "2050", currency: "USD", amountMinor: -500, offsetVoucher: "L1" }], { dateSerial: 42302, reason: " " }).errors.map((e) => e.code) // ["reason_must_not_be_blank", "fee_must_not_be_negative"]
 */
export function feeJournal(fees: readonly FeeCharge[], request: FeeJournalRequest): Result<{ journalId: string; lines: CollectionsLine[] }> {
  const errors: CcError[] = [];
  if (request.reason.trim() === "") errors.push(ccError("reason_must_not_be_blank", { case: "fee" }, { column: "reason" }));
  for (const f of fees) if (f.amountMinor < 0) errors.push(ccError("fee_must_not_be_negative", { case: "customer", customer: f.customer }, { column: "Fee" }));
  if (errors.length > 0) return fail(...errors);
  const charged = fees.filter((f) => f.amountMinor > 0);
  const role = request.accountRole ?? "Fee";
  const content = [role, request.dateSerial, request.reason, ...charged.map((f) => `${f.customer}:${f.currency}:${f.offsetVoucher}:${f.amountMinor}`)].join("|");
  const journalId = journalIdFor("Fee", content);
  const posted = checkNotPosted(journalId, request.postedJournalIds ?? new Set());
  if (!posted.ok) return posted;
  const charges = charged.map((f, i) => ({ customer: f.customer, offsetVoucher: f.offsetVoucher, currency: f.currency, amountMinor: f.amountMinor, linkId: `${i + 1}` }));
  const frame = { journalId, dateSerial: request.dateSerial, reason: request.reason.trim(), ...(request.accounting ? { accounting: request.accounting } : {}) };
  const lines = chargeLines(frame, charges, { accountRole: role, account: request.account ?? "FeeIncome" });
  if (!lines.ok) return lines;
  assertCollectionsJournal(journalId, lines.value);
  return ok({ journalId, lines: lines.value });
}
