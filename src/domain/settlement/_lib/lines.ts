/**
 * Building settlement journal lines (docs/domain.md §4.7; valuation §4.5). Customer lines are valued in the accounting
 * currency at the rate of their own item's date (as they were booked); discount and difference
 * lines at the settlement date (4.3); what is left in each group of lines is the realized exchange
 * gain or loss of that settled part (4.5), so every group, and hence the journal, balances.
 */
import { ccError, fail, ok, type Result } from "../../errors";
import type { AccountType, JournalLine } from "../../journal";
import type { RateTable } from "../../rates";

export interface LineSpec {
  readonly voucher: string;
  readonly offsetVoucher: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly accountType: AccountType;
  readonly accountRole: string;
  readonly reason: string;
  /** The date whose rate values this line. */
  readonly rateSerial: number;
}

export interface JournalHeader {
  readonly journalId: string;
  readonly linkId: string;
  readonly dateSerial: number;
  readonly customer: string;
  readonly accountingCurrency: string;
  readonly rates: RateTable | undefined;
}

/**
 * A line's amount in the accounting currency at the rate of `serial`; the accounting currency
 * itself needs no rate.
 * @example
 * const h = { journalId: "SET-1", linkId: "LNK-1", dateSerial: 42302, customer: "2050", accountingCurrency: "USD", rates: undefined };
 * valueAt(h, -10000, "usd", 42248) // { ok: true, value: -10000 }
 * @example
 * const h = { journalId: "SET-1", linkId: "LNK-1", dateSerial: 42302, customer: "2050", accountingCurrency: "USD", rates: undefined };
 * valueAt(h, -10000, "EUR", 42248).errors[0].code // "exchange_rate_must_exist"
 */
export function valueAt(h: JournalHeader, minor: number, currency: string, serial: number): Result<number> {
  if (minor === 0 || currency.toUpperCase() === h.accountingCurrency.toUpperCase()) return ok(minor);
  if (h.rates === undefined) {
    return fail(ccError("exchange_rate_must_exist", { case: "value", currency, accounting: h.accountingCurrency }, { table: "rates" }));
  }
  return h.rates.convert(minor, currency, h.accountingCurrency, serial);
}

/**
 * Append one balanced group: the given lines plus, when their accounting amounts do not net to
 * zero, a RealizedLoss (debit) or RealizedGain (credit) line in the accounting currency.
 * Lines of amount 0 are left out.
 * @example
 * const h = { journalId: "SET-1", linkId: "LNK-1", dateSerial: 42302, customer: "2050", accountingCurrency: "USD", rates: undefined };
 * const out = [];
 * pushGroup(h, out, [{ voucher: "INV1", offsetVoucher: "PAY1", amountMinor: -10000, currency: "USD", accountType: "Customer", accountRole: "Customer", reason: "Settled", rateSerial: 42248 }, { voucher: "PAY1", offsetVoucher: "INV1", amountMinor: 10000, currency: "USD", accountType: "Customer", accountRole: "Customer", reason: "Settled", rateSerial: 42302 }, { voucher: "INV1", offsetVoucher: "PAY1", amountMinor: 0, currency: "USD", accountType: "Ledger", accountRole: "CashDiscount", reason: "Cash discount 0%", rateSerial: 42302 }], "INV1", "PAY1");
 * out.map((l) => [l.lineNumber, l.voucher, l.amountMinor, l.accountRole]) // [[1, "INV1", -10000, "Customer"], [2, "PAY1", 10000, "Customer"]]
 * @example
 * const h = { journalId: "SET-5", linkId: "LNK-5", dateSerial: 43866, customer: "C5", accountingCurrency: "USD", rates: w5Rates };
 * const out = [];
 * pushGroup(h, out, [{ voucher: "INV5", offsetVoucher: "PAY5", amountMinor: -100000, currency: "EUR", accountType: "Customer", accountRole: "Customer", reason: "Settled", rateSerial: 43840 }, { voucher: "PAY5", offsetVoucher: "INV5", amountMinor: 100000, currency: "EUR", accountType: "Customer", accountRole: "Customer", reason: "Settled", rateSerial: 43866 }], "INV5", "PAY5");
 * out.map((l) => [l.accountRole, l.amountMinor, l.currency, l.accountingMinor]) // [["Customer", -100000, "EUR", -112300], ["Customer", 100000, "EUR", 112000], ["RealizedLoss", 300, "USD", 300]] (W5: a 3.00 loss)
 */
export function pushGroup(h: JournalHeader, out: JournalLine[], specs: readonly LineSpec[], gainVoucher: string, gainOffset: string): Result<true> {
  const group = new LineGroups(h, (l) => out.push(l), out.length);
  for (const s of specs) {
    if (!group.add(s.voucher, s.offsetVoucher, s.amountMinor, s.currency, s.accountType, s.accountRole, s.reason, s.rateSerial)) return group.failure();
  }
  group.close(gainVoucher, gainOffset);
  return ok(true);
}

/**
 * `pushGroup` line by line, without a spec object or a Result per line: `add` the lines of a group
 * (a line of amount 0 is left out), then `close` it (its gain or loss line). `add` returns false
 * when a line cannot be valued; `failure()` is then the error pushGroup returns.
 * @example
 * const out = [];
 * const g = new LineGroups({ journalId: "SET-1", linkId: "L", dateSerial: 42302, customer: "2050", accountingCurrency: "USD", rates: undefined }, (l) => out.push(l));
 * g.add("PAY1", "INV1", -10000, "USD", "Customer", "Payment", "", 42302); g.add("INV1", "PAY1", 10000, "USD", "Customer", "Invoice", "", 42302); g.close("PAY1", "INV1");
 * out.map((l) => [l.lineNumber, l.voucher, l.amountMinor]) // [[1, "PAY1", -10000], [2, "INV1", 10000]]
 * @example new LineGroups({ journalId: "SET-1", linkId: "L", dateSerial: 42302, customer: "2050", accountingCurrency: "USD", rates: undefined }, undefined).add("PAY1", "INV1", -10000, "EUR", "Customer", "Payment", "", 42302) // false (no rate for EUR)
 */
export class LineGroups {
  private sum = 0;
  private lastCurrency: string | undefined;
  private lastIsAccounting = false;
  private failed: Result<never> | undefined;

  /** Lines so far (numbered from 1 after `before`). */
  private count: number;

  /** `emit` undefined: the lines are valued (and a failure found) but not made. */
  constructor(private readonly h: JournalHeader, private readonly emit: ((line: JournalLine) => void) | undefined, before = 0) {
    this.count = before;
  }

  add(voucher: string, offsetVoucher: string, amountMinor: number, currency: string, accountType: AccountType, accountRole: string, reason: string, rateSerial: number): boolean {
    if (amountMinor === 0) return true;
    const h = this.h;
    if (currency !== this.lastCurrency) {
      this.lastCurrency = currency;
      this.lastIsAccounting = currency.toUpperCase() === h.accountingCurrency.toUpperCase();
    }
    let acc = amountMinor;
    if (!this.lastIsAccounting) {
      const valued = valueAt(h, amountMinor, currency, rateSerial);
      if (!valued.ok) {
        this.failed = valued;
        return false;
      }
      acc = valued.value;
    }
    this.sum += acc;
    const emit = this.emit;
    if (emit !== undefined) emit(line(h, ++this.count, voucher, offsetVoucher, amountMinor, currency, acc, accountType, accountRole, reason));
    return true;
  }

  close(gainVoucher: string, gainOffset: string): void {
    const sum = this.sum;
    this.sum = 0;
    if (sum === 0) return;
    const r = -sum;
    const role = r > 0 ? "RealizedLoss" : "RealizedGain";
    const emit = this.emit;
    if (emit !== undefined) emit(line(this.h, ++this.count, gainVoucher, gainOffset, r, this.h.accountingCurrency, r, "Ledger", role, "Exchange difference on settlement"));
  }

  failure(): Result<never> {
    return this.failed ?? fail(ccError("exchange_rate_must_exist", { case: "value", currency: this.lastCurrency ?? "", accounting: this.h.accountingCurrency }, { table: "rates" }));
  }
}

function line(
  h: JournalHeader, lineNumber: number, voucher: string, offsetVoucher: string, amountMinor: number, currency: string,
  accountingMinor: number, accountType: AccountType, accountRole: string, reason: string,
): JournalLine {
  return {
    journalId: h.journalId, lineNumber, dateSerial: h.dateSerial, customer: h.customer, voucher, offsetVoucher,
    amountMinor, currency, accountingMinor, accountingCurrency: h.accountingCurrency, accountType, accountRole, reason, linkId: h.linkId,
  };
}
