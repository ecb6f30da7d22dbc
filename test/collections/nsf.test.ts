import fc from "fast-check";
import { nsfPayment } from "../../src/domain/collections";
import type { JournalLine } from "../../src/domain/journal";
import { postSettlement, proposeSettlement, type OpenChange } from "../../src/domain/settlement";
import type { Transaction } from "../../src/domain/types";
import { d, tx } from "./_fixtures";

const day = d("2024-05-01");

/** Settle `payment` against `ledger` by due date and return the new ledger and the journal lines. */
function settle(ledger: Transaction[], payment: Transaction, salt: string): { ledger: Transaction[]; lines: readonly JournalLine[] } {
  const items = ledger.filter((t) => t.amountMinor > 0);
  const proposal = proposeSettlement({ credit: payment, items, dateSerial: payment.dateSerial ?? day, method: { kind: "duedate" } });
  if (!proposal.ok) throw new Error(JSON.stringify(proposal.errors));
  const posted = postSettlement(proposal.value, { accountingCurrency: "USD", salt });
  if (!posted.ok) throw new Error(JSON.stringify(posted.errors));
  return { ledger: apply(ledger, posted.value.changes), lines: posted.value.journal.lines };
}

function apply(ledger: readonly Transaction[], changes: readonly OpenChange[]): Transaction[] {
  const delta = new Map<string, number>();
  for (const c of changes) delta.set(c.voucher, (delta.get(c.voucher) ?? 0) + c.deltaMinor);
  return ledger.map((t) => ({ ...t, amountMinor: t.amountMinor + (delta.get(t.voucher) ?? 0) }));
}

const open = (ledger: readonly Transaction[]): Record<string, number> => Object.fromEntries(ledger.map((t) => [t.voucher, t.amountMinor]));

describe("NSF", () => {
  const invoices = [
    tx({ customer: "C", voucher: "I1", dateSerial: day - 60, dueSerial: day - 30, amountMinor: 10000 }),
    tx({ customer: "C", voucher: "I2", dateSerial: day - 40, dueSerial: day - 10, amountMinor: 25000 }),
  ];
  const payment = tx({ customer: "C", voucher: "P1", type: "Payment", dateSerial: day, amountMinor: -30000 });

  it("unapplies the bounced payment's settlement, reopens the invoices, reverses the payment and charges the fee", () => {
    const settled = settle([...invoices, payment], payment, "1");
    expect(open(settled.ledger)).toEqual({ I1: 0, I2: 5000, P1: 0 });
    const r = nsfPayment(settled.ledger, settled.lines, { customer: "C", voucher: "P1", dateSerial: day + 3, reason: "NSF", charge: { kind: "fixed", amountMinor: 2500 } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.paymentMinor).toBe(30000);
    expect(open(apply(settled.ledger, r.value.changes))).toEqual({ I1: 10000, I2: 25000, P1: 0 });
    expect(r.value.unapplied).toHaveLength(1);
    expect(r.value.unapplied[0]?.lines.every((l) => l.correctsJournalId === settled.lines[0]?.journalId)).toBe(true);
    expect(r.value.cancellation.lines.map((l) => [l.accountType, l.accountRole, l.voucher, l.amountMinor])).toEqual([
      ["Customer", "Customer", "P1", 30000],
      ["Ledger", "Bank", "P1", -30000],
    ]);
    expect(r.value.fee?.lines.map((l) => [l.accountType, l.accountRole, l.offsetVoucher, l.amountMinor])).toEqual([
      ["Customer", "Customer", "P1", 2500],
      ["Ledger", "NsfFee", "P1", -2500],
    ]);
  });

  it("charges a percent of the payment and nothing without a charge group; an unsettled payment is just reversed", () => {
    const r = nsfPayment([...invoices, payment], [], { customer: "C", voucher: "P1", dateSerial: day, reason: "NSF", charge: { kind: "percent", percent: 1.5 } });
    expect(r.ok && [r.value.unapplied.length, r.value.fee?.lines[0]?.amountMinor, r.value.changes]).toEqual([0, 450, [{ customer: "C", voucher: "P1", currency: "USD", deltaMinor: 30000 }]]);
    const none = nsfPayment([...invoices, payment], [], { customer: "C", voucher: "P1", dateSerial: day, reason: "NSF" });
    expect(none.ok && none.value.fee).toBeUndefined();
  });

  it("property: NSF then re-settling with a good payment restores the same open amounts", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 3_000_000 }), (amounts, paid) => {
        const ledger0 = amounts.map((a, i) => tx({ customer: "C", voucher: `I${i}`, dateSerial: day - 50 + i, dueSerial: day - 20 + i, amountMinor: a }));
        const bounced = tx({ customer: "C", voucher: "P1", type: "Payment", dateSerial: day, amountMinor: -paid });
        const first = settle([...ledger0, bounced], bounced, "1");
        const nsf = nsfPayment(first.ledger, first.lines, { customer: "C", voucher: "P1", dateSerial: day + 1, reason: "NSF" });
        if (!nsf.ok) return false;
        const afterNsf = apply(first.ledger, nsf.value.changes);
        if (JSON.stringify(open(afterNsf)) !== JSON.stringify({ ...open(ledger0), P1: 0 })) return false;
        const good = tx({ customer: "C", voucher: "P2", type: "Payment", dateSerial: day, amountMinor: -paid });
        const again = settle([...afterNsf, good], good, "2");
        const a = open(first.ledger);
        const b = open(again.ledger);
        return amounts.every((_, i) => a[`I${i}`] === b[`I${i}`]) && a["P1"] === b["P2"];
      }),
      { numRuns: 60 },
    );
  });

  describe("invalid input", () => {
    it("refuses a blank reason, an unknown voucher, an invoice, a posted NSF and a payment settled again later", () => {
      const ledger = [...invoices, payment];
      expect(nsfPayment(ledger, [], { customer: "C", voucher: "P1", dateSerial: day, reason: "" })).toMatchObject({ ok: false, errors: [{ code: "reason_must_not_be_blank" }] });
      expect(nsfPayment(ledger, [], { customer: "C", voucher: "P9", dateSerial: day, reason: "N" })).toMatchObject({ ok: false, errors: [{ code: "payment_must_exist" }] });
      expect(nsfPayment(ledger, [], { customer: "C", voucher: "I1", dateSerial: day, reason: "N" })).toMatchObject({ ok: false, errors: [{ code: "nsf_must_be_a_payment", row: invoices[0]?.row, column: "Type" }] });
      const once = nsfPayment(ledger, [], { customer: "C", voucher: "P1", dateSerial: day, reason: "N" });
      const ids = new Set([once.ok ? once.value.cancellation.journalId : ""]);
      expect(nsfPayment(ledger, [], { customer: "C", voucher: "P1", dateSerial: day, reason: "N", postedJournalIds: ids })).toMatchObject({ ok: false, errors: [{ code: "journal_must_not_be_posted_twice" }] });
      // P1 leaves I2 partly open; a credit note then settles I2: P1's settlement is no longer the latest on I2.
      const first = settle(ledger, payment, "1");
      const credit = tx({ customer: "C", voucher: "CN", type: "CreditNote", dateSerial: day + 1, amountMinor: -5000 });
      const second = settle([...first.ledger, credit], credit, "2");
      expect(nsfPayment(second.ledger, [...first.lines, ...second.lines], { customer: "C", voucher: "P1", dateSerial: day + 2, reason: "N" })).toMatchObject({ ok: false, errors: [{ code: "unapply_must_be_latest_first" }] });
    });
  });
});
