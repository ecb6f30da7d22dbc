import fc from "fast-check";
import { proposeWriteOff, writeOffCandidates } from "../../src/domain/collections";
import { assertBalanced } from "../../src/domain/journal";
import { rateTable } from "../../src/domain/rates";
import type { Transaction } from "../../src/domain/types";
import { d, tx } from "./_fixtures";

const date = d("2024-03-31");
/** Two currencies, two dimensions and a credit note. */
const LEDGER: Transaction[] = [
  tx({ customer: "C1", voucher: "I1", amountMinor: 12500, currency: "USD", dimension: "North", postingProfile: "GEN", taxCode: "STD", taxAmountMinor: 2500 }),
  tx({ customer: "C1", voucher: "I2", amountMinor: 6250, currency: "USD", dimension: "South", postingProfile: "GEN", taxCode: "STD", taxAmountMinor: 1250 }),
  tx({ customer: "C1", voucher: "CN1", type: "CreditNote", amountMinor: -2500, currency: "USD", dimension: "North", postingProfile: "GEN", taxCode: "STD", taxAmountMinor: -500 }),
  tx({ customer: "C1", voucher: "I3", amountMinor: 11000, currency: "EUR", dimension: "North", postingProfile: "GEN", taxCode: "RED", taxAmountMinor: 1000 }),
  tx({ customer: "C1", voucher: "PAID", amountMinor: 0, currency: "EUR" }),
  tx({ customer: "C2", voucher: "I9", amountMinor: 99900, currency: "USD" }),
];

const view = (lines: readonly { lineType: string; currency: string; dimension: string; account: string; taxCode: string; amountMinor: number }[]) =>
  lines.map((l) => [l.lineType, l.currency, l.dimension, l.account, l.taxCode, l.amountMinor]);

describe("write-off", () => {
  it("writes off a whole customer: one customer and one ledger line per currency, dimension and posting profile", () => {
    const r = proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "BADDEBT" });
    expect(r.ok && view(r.value.lines)).toEqual([
      ["Customer", "EUR", "North", "", "", -11000],
      ["Ledger", "EUR", "North", "WriteOff", "", 11000],
      ["Customer", "USD", "North", "", "", -10000], // 125.00 invoice net of the 25.00 credit note
      ["Ledger", "USD", "North", "WriteOff", "", 10000],
      ["Customer", "USD", "South", "", "", -6250],
      ["Ledger", "USD", "South", "WriteOff", "", 6250],
    ]);
    expect(r.ok && r.value.items.map((i) => i.voucher)).toEqual(["I1", "I2", "CN1", "I3"]);
    expect(r.ok && [...r.value.netByCurrency]).toEqual([["USD", 16250], ["EUR", 11000]]);
    expect(r.ok && r.value.lines.every((l) => l.reason === "BADDEBT" && l.journalId === r.value.journalId && l.dateSerial === date)).toBe(true);
  });

  it("with separate sales tax, moves each item's tax to a line per tax account, dimension and tax code", () => {
    const r = proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "BADDEBT", separateSalesTax: true, taxAccounts: { RED: "VAT-R" }, writeOffAccount: "6800" });
    expect(r.ok && view(r.value.lines)).toEqual([
      ["Customer", "EUR", "North", "", "", -11000],
      ["Ledger", "EUR", "North", "6800", "", 10000],
      ["SalesTax", "EUR", "North", "VAT-R", "RED", 1000],
      ["Customer", "USD", "North", "", "", -10000],
      ["Ledger", "USD", "North", "6800", "", 8000],
      ["SalesTax", "USD", "North", "SalesTax", "STD", 2000],
      ["Customer", "USD", "South", "", "", -6250],
      ["Ledger", "USD", "South", "6800", "", 5000],
      ["SalesTax", "USD", "South", "SalesTax", "STD", 1250],
    ]);
  });

  it("writes off selected vouchers only, and debits the customer when they net to a credit", () => {
    const r = proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "SMALL", vouchers: ["CN1"] });
    expect(r.ok && view(r.value.lines)).toEqual([
      ["Customer", "USD", "North", "", "", 2500],
      ["Ledger", "USD", "North", "WriteOff", "", -2500],
    ]);
  });

  it("converts to the accounting currency and still balances there", () => {
    const rates = rateTable([{ currency: "EUR", dateSerial: d("2024-01-01"), rate: "1.0837", row: 2 }], "USD");
    const r = proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "BADDEBT", separateSalesTax: true, accounting: { currency: "USD", rates } });
    expect(r.ok && r.value.lines.filter((l) => l.currency === "EUR").map((l) => l.accountingMinor)).toEqual([-11921, 10837, 1084]);
    if (r.ok) assertBalanced({ journalId: r.value.journalId, kind: "WriteOff", lines: r.value.lines });
  });

  it("is deterministic: the same proposal has the same journal ID, and a posted one is refused", () => {
    const a = proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "BADDEBT" });
    const b = proposeWriteOff([...LEDGER], { customer: "C1", dateSerial: date, reason: "BADDEBT" });
    expect(a.ok && b.ok && a.value.journalId === b.value.journalId).toBe(true);
    const id = a.ok ? a.value.journalId : "";
    expect(proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "BADDEBT", postedJournalIds: new Set([id]) })).toMatchObject({ ok: false, errors: [{ code: "journal_must_not_be_posted_twice" }] });
    expect(proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "OTHER" }).ok && proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "OTHER" })).not.toMatchObject({ value: { journalId: id } });
  });

  it("property: every write-off journal balances and its customer lines net to the written-off balance", () => {
    const item = fc.record({
      cur: fc.constantFrom("USD", "EUR", "JPY"),
      dim: fc.constantFrom("", "A", "B"),
      prof: fc.constantFrom("", "GEN"),
      amt: fc.integer({ min: -5_000_000, max: 5_000_000 }),
      taxPct: fc.integer({ min: 0, max: 100 }),
      code: fc.constantFrom("S", "R"),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, separate) => {
        const items = rows.map((r, i) => tx({ customer: "C", voucher: `V${i}`, currency: r.cur, dimension: r.dim, postingProfile: r.prof, amountMinor: r.amt, taxCode: r.code, taxAmountMinor: Math.trunc((r.amt * r.taxPct) / 100) }));
        const res = proposeWriteOff(items, { customer: "C", dateSerial: date, reason: "R", separateSalesTax: separate });
        if (items.every((t) => t.amountMinor === 0)) return !res.ok;
        if (!res.ok) return false;
        assertBalanced({ journalId: res.value.journalId, kind: "WriteOff", lines: res.value.lines });
        for (const cur of ["USD", "EUR", "JPY"]) {
          const balance = items.filter((t) => t.currency === cur).reduce((a, t) => a + t.amountMinor, 0);
          const customerLines = res.value.lines.filter((l) => l.currency === cur && l.lineType === "Customer").reduce((a, l) => a + l.amountMinor, 0);
          const all = res.value.lines.filter((l) => l.currency === cur).reduce((a, l) => a + l.amountMinor, 0);
          if (customerLines !== -balance || all !== 0) return false;
        }
        const keys = res.value.lines.filter((l) => l.lineType === "Customer").map((l) => `${l.currency}/${l.dimension}/${l.postingProfile}`);
        return new Set(keys).size === keys.length;
      }),
    );
  });

  describe("invalid input", () => {
    it("requires a reason code and a customer", () => {
      const r = proposeWriteOff(LEDGER, { customer: " ", dateSerial: date, reason: "" });
      expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["reason_must_not_be_blank", "customer_must_not_be_blank"]);
    });

    it("refuses a customer without open items and a voucher that is not one of the customer's open items", () => {
      expect(proposeWriteOff(LEDGER, { customer: "NOPE", dateSerial: date, reason: "R" })).toMatchObject({ ok: false, errors: [{ code: "customer_must_have_open_items" }] });
      const r = proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "R", vouchers: ["I1", "I9", "PAID"] });
      expect(!r.ok && r.errors.map((e) => e.message)).toEqual(["voucher 'I9' is not an open item of customer C1", "voucher 'PAID' is not an open item of customer C1"]);
    });

    it("refuses a tax amount that is not part of the open amount, naming its row", () => {
      const bad = tx({ customer: "C", voucher: "X", amountMinor: 1000, taxAmountMinor: 2000, row: 7 });
      expect(proposeWriteOff([bad], { customer: "C", dateSerial: date, reason: "R", separateSalesTax: true })).toMatchObject({ ok: false, errors: [{ code: "tax_amount_must_be_part_of_amount", row: 7, column: "TaxAmount" }] });
    });

    it("reports a missing exchange rate instead of assuming 1", () => {
      const rates = rateTable([], "USD");
      expect(proposeWriteOff(LEDGER, { customer: "C1", dateSerial: date, reason: "R", accounting: { currency: "USD", rates } })).toMatchObject({ ok: false, errors: [{ code: "exchange_rate_must_exist" }] });
    });
  });
});

describe("write-off candidates", () => {
  it("lists each customer's balance per currency, filtered by size and age", () => {
    const ledger = [
      tx({ customer: "A", voucher: "1", amountMinor: 500, dueSerial: date - 400 }),
      tx({ customer: "A", voucher: "2", amountMinor: -497, dueSerial: date - 10 }),
      tx({ customer: "B", voucher: "3", amountMinor: 90000, dueSerial: date - 5 }),
      tx({ customer: "B", voucher: "4", amountMinor: 0, dueSerial: date - 999 }),
    ];
    expect(writeOffCandidates(ledger)).toEqual([
      { customer: "A", currency: "USD", balanceMinor: 3, openItems: 2, oldestDueSerial: date - 400 },
      { customer: "B", currency: "USD", balanceMinor: 90000, openItems: 1, oldestDueSerial: date - 5 },
    ]);
    expect(writeOffCandidates(ledger, { maxBalanceMinor: 5 }).map((c) => c.customer)).toEqual(["A"]);
    expect(writeOffCandidates(ledger, { minDaysPastDue: 365, asOfSerial: date }).map((c) => c.customer)).toEqual(["A"]);
    expect(writeOffCandidates(ledger, { minDaysPastDue: 1 })).toEqual([]); // an age filter without an as-of date takes nobody
  });
});
