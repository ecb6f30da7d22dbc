/**
 * Building collections journals: drafts in transaction currency become numbered `JournalLine`s with
 * their accounting amounts. Each group of drafts that nets to zero in its own currency is converted
 * so that it also nets to zero in the accounting currency: every line but the first is converted
 * at the journal date, and the first (the customer line) takes the negated sum of the others. A
 * journal made of such groups therefore always balances, whatever the rates' rounding.
 */
import { assert } from "../../_lib/assert";
import { type CcError, fail, ok, type Result } from "../../errors";
import type { AccountType, JournalLine } from "../../journal";
import type { RateTable } from "../../rates";

/** Where collections journals find the accounting currency; without it each line is its own. */
export interface Accounting {
  readonly currency: string;
  readonly rates: RateTable;
}

/** The extra keys a collections line is grouped by (section 6). */
export interface CollectionsLineKeys {
  /** Customer, Ledger or SalesTax: the three kinds of write-off lines. */
  readonly lineType: "Customer" | "Ledger" | "SalesTax";
  readonly dimension: string;
  readonly postingProfile: string;
  /** The ledger account of Ledger and SalesTax lines ("" on customer lines). */
  readonly account: string;
  readonly taxCode: string;
}

export type CollectionsLine = JournalLine & CollectionsLineKeys;

export interface LineDraft extends Partial<CollectionsLineKeys> {
  readonly customer: string;
  readonly voucher: string;
  readonly offsetVoucher?: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly accountType: AccountType;
  readonly accountRole: string;
  readonly linkId?: string;
}

export interface JournalFrame {
  readonly journalId: string;
  readonly dateSerial: number;
  readonly reason: string;
  readonly correctsJournalId?: string;
  readonly accounting?: Accounting;
}

/**
 * Number and convert balanced groups of drafts. Each group must net to zero in its currency.
 * @example
 * const customer = { customer: "2050", voucher: "Invoice 3", amountMinor: -15000, currency: "USD", accountType: "Customer", accountRole: "Customer" };
 * const ledger = { customer: "2050", voucher: "Invoice 3", amountMinor: 15000, currency: "USD", accountType: "Ledger", accountRole: "WriteOff", account: "WriteOff" };
 * linesFromGroups({ journalId: "WRI-1", dateSerial: 42302, reason: "BAD" }, [[customer, ledger]]).value.map((l) => [l.lineNumber, l.lineType, l.amountMinor, l.accountingMinor, l.account]) // [[1, "Customer", -15000, -15000, ""], [2, "Ledger", 15000, 15000, "WriteOff"]]
 * @example
 * const customer = { customer: "C5", voucher: "INV5", amountMinor: -1001, currency: "EUR", accountType: "Customer", accountRole: "Customer" };
 * const ledger = { customer: "C5", voucher: "INV5", amountMinor: 500, currency: "EUR", accountType: "Ledger", accountRole: "WriteOff" };
 * const tax = { customer: "C5", voucher: "INV5", amountMinor: 501, currency: "EUR", accountType: "Ledger", accountRole: "SalesTax", lineType: "SalesTax" };
 * linesFromGroups({ journalId: "WRI-5", dateSerial: 43866, reason: "BAD", accounting: { currency: "USD", rates: w5Rates } }, [[customer, ledger, tax]]).value.map((l) => l.accountingMinor) // [-1121, 560, 561] (at 1.120; the customer line takes the negated sum)
 */
export function linesFromGroups(frame: JournalFrame, groups: readonly (readonly LineDraft[])[]): Result<CollectionsLine[]> {
  const out: CollectionsLine[] = [];
  const errors: CcError[] = [];
  for (const group of groups) {
    const net = group.reduce((a, d) => a + d.amountMinor, 0);
    assert(net === 0, `a journal line group must net to zero in its currency (off by ${net})`);
    const accounting: number[] = [];
    for (let i = 1; i < group.length; i++) {
      const d = group[i] as LineDraft;
      const converted = toAccounting(frame, d);
      if (!converted.ok) {
        errors.push(...converted.errors);
        break;
      }
      accounting.push(converted.value);
    }
    if (errors.length > 0) break;
    const first = -accounting.reduce((a, v) => a + v, 0);
    group.forEach((d, i) => out.push(line(frame, d, out.length + 1, i === 0 ? first : (accounting[i - 1] as number))));
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}

function toAccounting(frame: JournalFrame, d: LineDraft): Result<number> {
  if (frame.accounting === undefined) return ok(d.amountMinor);
  return frame.accounting.rates.convert(d.amountMinor, d.currency, frame.accounting.currency, frame.dateSerial);
}

function line(frame: JournalFrame, d: LineDraft, lineNumber: number, accountingMinor: number): CollectionsLine {
  const l: CollectionsLine = {
    journalId: frame.journalId,
    lineNumber,
    dateSerial: frame.dateSerial,
    customer: d.customer,
    voucher: d.voucher,
    offsetVoucher: d.offsetVoucher ?? "",
    amountMinor: d.amountMinor,
    currency: d.currency,
    accountingMinor,
    accountingCurrency: frame.accounting?.currency ?? d.currency,
    accountType: d.accountType,
    accountRole: d.accountRole,
    reason: frame.reason,
    linkId: d.linkId ?? frame.journalId,
    lineType: d.lineType ?? (d.accountType === "Customer" ? "Customer" : "Ledger"),
    dimension: d.dimension ?? "",
    postingProfile: d.postingProfile ?? "",
    account: d.account ?? "",
    taxCode: d.taxCode ?? "",
  };
  return frame.correctsJournalId === undefined ? l : { ...l, correctsJournalId: frame.correctsJournalId };
}

/**
 * The invariants every collections journal is checked against before it leaves the engine: lines
 * numbered 1..n, each currency nets to zero, and the accounting amounts balance.
 * Returns nothing; a broken invariant throws an InvariantError.
 * @example
 * const line = { journalId: "FEE-1", lineNumber: 1, dateSerial: 42302, customer: "2050", voucher: "FEE-1", offsetVoucher: "L1", amountMinor: 500, currency: "USD", accountingMinor: 500, accountingCurrency: "USD", accountType: "Customer", accountRole: "Customer", reason: "L1", linkId: "1" };
 * assertCollectionsJournal("FEE-1", [line, { ...line, lineNumber: 2, amountMinor: -500, accountingMinor: -500, accountType: "Ledger", accountRole: "Fee" }]) // undefined
 * @example
 * const line = { journalId: "FEE-1", lineNumber: 1, dateSerial: 42302, customer: "2050", voucher: "FEE-1", offsetVoucher: "L1", amountMinor: 500, currency: "USD", accountingMinor: 500, accountingCurrency: "USD", accountType: "Customer", accountRole: "Customer", reason: "L1", linkId: "1" };
 * let message = "";
 * try { assertCollectionsJournal("FEE-1", [line, { ...line, lineNumber: 3, amountMinor: -500, accountingMinor: -500 }]); } catch (e) { message = e.message; };
 * message // "journal FEE-1: line 2 is numbered 3"
 */
export function assertCollectionsJournal(journalId: string, lines: readonly JournalLine[]): void {
  const balance = new JournalBalance();
  lines.forEach((l, i) => {
    assert(l.lineNumber === i + 1, `journal ${journalId}: line ${i + 1} is numbered ${l.lineNumber}`);
    assert(l.journalId === journalId, `journal ${journalId}: line ${l.lineNumber} belongs to ${l.journalId}`);
    balance.add(l.currency, l.amountMinor, l.accountingMinor);
  });
  balance.assert(journalId);
}

/**
 * The balance a collections journal keeps: each currency's lines net to zero and the accounting
 * amounts balance. Lines are added one at a time (a correction adds the amounts it hands its line
 * maker, without a line record), and `assert` throws an InvariantError for the first that fails.
 * Consecutive lines of one currency are summed without a Map lookup.
 * @example
 * const b = new JournalBalance();
 * b.add("USD", 500, 500);
 * b.add("USD", -500, -500);
 * b.assert("FEE-1") // undefined
 */
export class JournalBalance {
  private readonly byCurrency = new Map<string, number>();
  private currency: string | undefined;
  private net = 0;
  private accounting = 0;

  add(currency: string, amountMinor: number, accountingMinor: number): void {
    if (currency !== this.currency) {
      if (this.currency !== undefined) this.byCurrency.set(this.currency, this.net);
      this.currency = currency;
      const known = this.byCurrency.get(currency);
      // A currency is listed when first met: the order its failure is reported in.
      if (known === undefined) this.byCurrency.set(currency, 0);
      this.net = known ?? 0;
    }
    this.net += amountMinor;
    this.accounting += accountingMinor;
  }

  assert(journalId: string): void {
    if (this.currency !== undefined) this.byCurrency.set(this.currency, this.net);
    for (const [currency, net] of this.byCurrency) assert(net === 0, `journal ${journalId}: ${currency} lines do not net to zero (${net})`);
    assert(this.accounting === 0, `journal ${journalId}: does not balance in the accounting currency (${this.accounting})`);
  }
}

/** One charge: the customer is debited `amountMinor` and the ledger account credited. */
export interface ChargeDraft {
  readonly customer: string;
  readonly offsetVoucher: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly linkId: string;
}

/**
 * The lines of a charge journal (interest notes, fees): a customer line and a ledger line per
 * charge, built directly (no intermediate drafts) because a note may charge a million items.
 * @example chargeLines({ journalId: "FEE-1", dateSerial: 42302, reason: "L1" }, [{ customer: "2050", offsetVoucher: "L1", currency: "USD", amountMinor: 500, linkId: "1" }], { accountRole: "Fee", account: "FeeIncome" }).value.map((l) => [l.lineNumber, l.voucher, l.offsetVoucher, l.amountMinor, l.accountRole, l.account]) // [[1, "FEE-1", "L1", 500, "Customer", ""], [2, "FEE-1", "L1", -500, "Fee", "FeeIncome"]]
 */
export function chargeLines(frame: JournalFrame, charges: readonly ChargeDraft[], ledger: { readonly accountRole: string; readonly account: string }): Result<CollectionsLine[]> {
  const out: CollectionsLine[] = new Array<CollectionsLine>(charges.length * 2);
  for (let i = 0; i < charges.length; i++) {
    const c = charges[i] as ChargeDraft;
    let accountingMinor = c.amountMinor;
    if (frame.accounting !== undefined) {
      const converted = frame.accounting.rates.convert(-c.amountMinor, c.currency, frame.accounting.currency, frame.dateSerial);
      if (!converted.ok) return converted;
      accountingMinor = -converted.value;
    }
    // Literal objects, not spreads: spreading into 20-field objects is ten times slower in V8.
    out[2 * i] = chargeLine(frame, c, 2 * i + 1, c.amountMinor, accountingMinor, "Customer", "Customer", "");
    out[2 * i + 1] = chargeLine(frame, c, 2 * i + 2, -c.amountMinor, -accountingMinor, "Ledger", ledger.accountRole, ledger.account);
  }
  return ok(out);
}

function chargeLine(frame: JournalFrame, c: ChargeDraft, lineNumber: number, amountMinor: number, accountingMinor: number, accountType: AccountType, accountRole: string, account: string): CollectionsLine {
  return {
    journalId: frame.journalId,
    lineNumber,
    dateSerial: frame.dateSerial,
    customer: c.customer,
    voucher: frame.journalId,
    offsetVoucher: c.offsetVoucher,
    amountMinor,
    currency: c.currency,
    accountingMinor,
    accountingCurrency: frame.accounting?.currency ?? c.currency,
    accountType,
    accountRole,
    reason: frame.reason,
    linkId: c.linkId,
    lineType: accountType === "Customer" ? "Customer" : "Ledger",
    dimension: "",
    postingProfile: "",
    account,
    taxCode: "",
  };
}
