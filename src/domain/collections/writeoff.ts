/**
 * Write-off (docs/domain.md §6.7): close a customer's open items, or selected ones, against a
 * write-off account. The journal is in transaction currency and has up to three kinds of lines:
 * one customer line per currency, dimension and posting profile; a ledger line with the same
 * grouping on the write-off account; and, with separate sales tax, one sales-tax line per
 * currency, tax account, dimension and tax code. Each currency's lines net to zero.
 */
import { type CcError, ccError, fail, ok, type Result } from "../errors";
import { checkNotPosted, journalIdFor } from "../journal";
import type { Transaction } from "../types";
import { type Accounting, assertCollectionsJournal, type CollectionsLine, type LineDraft, linesFromGroups } from "./_lib/lines";

export interface WriteOffRequest {
  readonly customer: string;
  readonly dateSerial: number;
  /** The reason code; required. */
  readonly reason: string;
  /** Write off only these vouchers (all the customer's open items when absent or empty). */
  readonly vouchers?: readonly string[];
  /** The ledger account of the write-off lines; default "WriteOff". */
  readonly writeOffAccount?: string;
  /** Post the tax part of each item to sales-tax lines instead of the write-off account. */
  readonly separateSalesTax?: boolean;
  /** Tax account per tax code; a code not listed uses `defaultTaxAccount` ("SalesTax"). */
  readonly taxAccounts?: Readonly<Record<string, string>>;
  readonly defaultTaxAccount?: string;
  readonly accounting?: Accounting;
  /** Journal IDs already written to the journal sheet: proposing one of them again is refused. */
  readonly postedJournalIds?: ReadonlySet<string>;
}

export interface WrittenOffItem {
  readonly voucher: string;
  readonly row: number;
  readonly currency: string;
  readonly amountMinor: number;
}

export interface WriteOffProposal {
  readonly journalId: string;
  readonly customer: string;
  readonly lines: readonly CollectionsLine[];
  /** The items the journal closes, with the open amount each had. */
  readonly items: readonly WrittenOffItem[];
  /** Net written off per currency (what the customer lines credit). */
  readonly netByCurrency: ReadonlyMap<string, number>;
}

const TABLE = "transactions";

/**
 * Propose the write-off journal of one customer.
 * @example proposeWriteOff(w1Items, { customer: "2050", dateSerial: 42302, reason: "BADDEBT" }).value.lines.map((l) => [l.lineType, l.amountMinor, l.currency, l.account]) // [["Customer", -85700, "USD", ""], ["Ledger", 85700, "USD", "WriteOff"]] (W1's four items, 857.00)
 * @example proposeWriteOff(w1Items, { customer: "2050", dateSerial: 42302, reason: "BADDEBT", vouchers: ["Invoice 2"] }).value.items.map((i) => [i.voucher, i.amountMinor]) // [["Invoice 2", 25000]]
 * @example proposeWriteOff([{ ...inv, amountMinor: 12500, taxAmountMinor: 2500, taxCode: "VAT25" }], { customer: "2050", dateSerial: 42302, reason: "BADDEBT", separateSalesTax: true }).value.lines.map((l) => [l.lineType, l.amountMinor, l.account, l.taxCode]) // [["Customer", -12500, "", ""], ["Ledger", 10000, "WriteOff", ""], ["SalesTax", 2500, "SalesTax", "VAT25"]]
 * @example proposeWriteOff(w1Items, { customer: "2050", dateSerial: 42302, reason: "BADDEBT", vouchers: ["Invoice 9"] }).errors[0].code // "voucher_must_be_open"
 */
export function proposeWriteOff(transactions: readonly Transaction[], request: WriteOffRequest): Result<WriteOffProposal> {
  const reason = request.reason.trim();
  const customer = request.customer.trim();
  const errors: CcError[] = [];
  if (reason === "") errors.push(ccError("reason_must_not_be_blank", { case: "writeoff" }, { column: "reason" }));
  if (customer === "") errors.push(ccError("customer_must_not_be_blank", { case: "writeoff" }, { column: "customer" }));
  if (errors.length > 0) return fail(...errors);

  const wanted = request.vouchers !== undefined && request.vouchers.length > 0 ? new Set(request.vouchers.map((v) => v.trim())) : undefined;
  const found = new Set<string>();
  const items: Transaction[] = [];
  for (const t of transactions) {
    if (t.customer !== customer || t.amountMinor === 0) continue;
    if (wanted !== undefined) {
      if (!wanted.has(t.voucher)) continue;
      found.add(t.voucher);
    }
    items.push(t);
  }
  if (wanted !== undefined) {
    for (const v of wanted) {
      if (!found.has(v)) errors.push(ccError("voucher_must_be_open", { voucher: v, customer }, { table: "options", column: "Vouchers" }));
    }
  }
  if (errors.length === 0 && items.length === 0) {
    errors.push(ccError("customer_must_have_open_items", { customer }, { column: "customer" }));
  }
  for (const t of items) {
    const tax = t.taxAmountMinor ?? 0;
    if (request.separateSalesTax === true && tax !== 0 && (Math.sign(tax) !== Math.sign(t.amountMinor) || Math.abs(tax) > Math.abs(t.amountMinor))) {
      errors.push(ccError("tax_amount_must_be_part_of_amount", { tax, open: t.amountMinor }, { table: TABLE, row: t.row, column: "TaxAmount" }));
    }
  }
  if (errors.length > 0) return fail(...errors);

  const content = [customer, request.dateSerial, reason, request.separateSalesTax === true ? "T" : "", ...items.map((t) => `${t.row}:${t.voucher}:${t.currency}:${t.amountMinor}`)].join("|");
  const journalId = journalIdFor("WriteOff", content);
  const posted = checkNotPosted(journalId, request.postedJournalIds ?? new Set());
  if (!posted.ok) return posted;

  const groups = groupDrafts(customer, journalId, items, request);
  const lines = linesFromGroups({ journalId, dateSerial: request.dateSerial, reason, ...(request.accounting ? { accounting: request.accounting } : {}) }, groups);
  if (!lines.ok) return lines;
  assertCollectionsJournal(journalId, lines.value);
  const netByCurrency = new Map<string, number>();
  for (const t of items) netByCurrency.set(t.currency, (netByCurrency.get(t.currency) ?? 0) + t.amountMinor);
  return ok({
    journalId,
    customer,
    lines: lines.value,
    items,
    netByCurrency,
  });
}

interface Bucket {
  drafts: LineDraft[];
  customerMinor: number;
  ledgerMinor: number;
  tax: Map<string, { taxAccount: string; taxCode: string; minor: number }>;
  currency: string;
  dimension: string;
  postingProfile: string;
}

/** One balanced group per currency, dimension and posting profile: customer, ledger, tax lines. */
function groupDrafts(customer: string, journalId: string, items: readonly Transaction[], request: WriteOffRequest): LineDraft[][] {
  const buckets = new Map<string, Bucket>();
  const separate = request.separateSalesTax === true;
  for (const t of items) {
    const dimension = t.dimension ?? "";
    const postingProfile = t.postingProfile ?? "";
    const key = `${t.currency}\u0000${dimension}\u0000${postingProfile}`;
    let b = buckets.get(key);
    if (b === undefined) {
      b = { drafts: [], customerMinor: 0, ledgerMinor: 0, tax: new Map(), currency: t.currency, dimension, postingProfile };
      buckets.set(key, b);
    }
    b.customerMinor -= t.amountMinor;
    const tax = separate ? (t.taxAmountMinor ?? 0) : 0;
    b.ledgerMinor += t.amountMinor - tax;
    if (tax !== 0) {
      const taxCode = t.taxCode ?? "";
      const taxAccount = request.taxAccounts?.[taxCode] ?? request.defaultTaxAccount ?? "SalesTax";
      const tk = `${taxAccount}\u0000${taxCode}`;
      const entry = b.tax.get(tk) ?? { taxAccount, taxCode, minor: 0 };
      entry.minor += tax;
      b.tax.set(tk, entry);
    }
  }
  const account = request.writeOffAccount?.trim() || "WriteOff";
  const groups: LineDraft[][] = [];
  const sorted = [...buckets.values()].sort((a, b) => cmp(a.currency, b.currency) || cmp(a.dimension, b.dimension) || cmp(a.postingProfile, b.postingProfile));
  for (const b of sorted) {
    const common = { customer, voucher: journalId, currency: b.currency, dimension: b.dimension, postingProfile: b.postingProfile };
    const group: LineDraft[] = [];
    if (b.customerMinor !== 0) group.push({ ...common, amountMinor: b.customerMinor, accountType: "Customer", accountRole: "Customer", lineType: "Customer" });
    if (b.ledgerMinor !== 0) group.push({ ...common, amountMinor: b.ledgerMinor, accountType: "Ledger", accountRole: "WriteOff", lineType: "Ledger", account });
    const taxes = [...b.tax.values()].sort((x, y) => cmp(x.taxAccount, y.taxAccount) || cmp(x.taxCode, y.taxCode));
    for (const x of taxes) {
      if (x.minor === 0) continue;
      group.push({ ...common, amountMinor: x.minor, accountType: "Ledger", accountRole: "SalesTax", lineType: "SalesTax", account: x.taxAccount, taxCode: x.taxCode });
    }
    if (group.length > 0) groups.push(group);
  }
  return groups;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
