import { rateTable } from "../../src/domain/rates";
import { postSettlement, proposeSettlement, type Proposal, DEFAULT_PRIORITY, type DiscountCode } from "../../src/domain/settlement";
import { d, item, payment, W1_ITEMS } from "./helpers";

function must<T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const settled = (p: Proposal) => p.lines.map((l) => [l.item.voucher, l.amountToSettleMinor, l.discountMinor, l.balanceMinor]);

describe("W1: settlement order", () => {
  it("by priority Fee > CollectionLetter > InterestNote > Invoice settles the interest note first and leaves 157.00 on Invoice 3", () => {
    const p = must(proposeSettlement({ credit: payment(70000, "2015-10-25"), items: W1_ITEMS, dateSerial: d("2015-10-25"), method: { kind: "priority", types: DEFAULT_PRIORITY } }));
    expect(settled(p)).toEqual([
      ["Interest 1", 700, 0, 0],
      ["Invoice 1", 10000, 0, 0],
      ["Invoice 2", 25000, 0, 0],
      ["Invoice 3", 34300, 0, 15700],
    ]);
    expect(p.unappliedMinor).toBe(0);
  });

  it("by due date puts Invoice 3 (discount still open) before the interest note of the same due date, without a partial discount", () => {
    const p = must(proposeSettlement({ credit: payment(70000, "2015-10-25"), items: W1_ITEMS, dateSerial: d("2015-10-25"), method: { kind: "duedate" } }));
    expect(settled(p)).toEqual([
      ["Invoice 1", 10000, 0, 0],
      ["Invoice 2", 25000, 0, 0],
      ["Invoice 3", 35000, 0, 15000],
      ["Interest 1", 0, 0, 700],
    ]);
  });
});

describe("W2: discount on partial payments", () => {
  const inv = item("INV", 100000, { date: "2020-06-25", due: "2020-07-25", discDate: "2020-07-09", cashDiscountPct: 1 });
  const opts = { partialDiscount: true };
  it("500.00 earns 5.05 and settles 505.05", () => {
    const p = must(proposeSettlement({ credit: payment(50000, "2020-07-01"), items: [inv], dateSerial: d("2020-07-01"), method: { kind: "duedate" }, options: opts }));
    expect(settled(p)).toEqual([["INV", 50505, 505, 49495]]);
  });
  it("two payments of 495.00 earn 5.00 each and close the invoice", () => {
    const p1 = must(proposeSettlement({ credit: payment(49500, "2020-07-01"), items: [inv], dateSerial: d("2020-07-01"), method: { kind: "duedate" }, options: opts }));
    expect(settled(p1)).toEqual([["INV", 50000, 500, 50000]]);
    const after = { ...inv, amountMinor: 50000, originalAmountMinor: 100000, discountTakenMinor: 500 };
    const p2 = must(proposeSettlement({ credit: payment(49500, "2020-07-08"), items: [after], dateSerial: d("2020-07-08"), method: { kind: "duedate" }, options: opts }));
    expect(settled(p2)).toEqual([["INV", 50000, 500, 0]]);
    expect(p2.unappliedMinor).toBe(0);
  });
  it("is off by default: 500.00 settles 500.00 without a discount", () => {
    const p = must(proposeSettlement({ credit: payment(50000, "2020-07-01"), items: [inv], dateSerial: d("2020-07-01"), method: { kind: "duedate" } }));
    expect(settled(p)).toEqual([["INV", 50000, 0, 50000]]);
  });
});

describe("W3: better discount first", () => {
  const codes: DiscountCode[] = [
    { code: "1%14", days: 14, pct: 1 },
    { code: "2%5", days: 5, pct: 2, next: "1%14" },
  ];
  const items = [
    item("A", 100000, { date: "2020-05-15", due: "2020-06-25", discountCode: "1%14" }),
    item("B", 100000, { date: "2020-06-25", due: "2020-07-25", discountCode: "1%14" }),
    item("C", 100000, { date: "2020-06-25", due: "2020-07-25", discountCode: "2%5" }),
  ];
  const options = { partialDiscount: true, discountCodes: codes };
  const paidInFull = (date: string) => {
    const p = must(proposeSettlement({ credit: payment(1000000, date), items, dateSerial: d(date), method: { kind: "duedate" }, options }));
    return p.lines.reduce((a, l) => a + l.paidMinor, 0);
  };
  it("in full costs 2,970.00 on 2020-06-29 and 2,980.00 on 2020-07-01", () => {
    expect(paidInFull("2020-06-29")).toBe(297000);
    expect(paidInFull("2020-07-01")).toBe(298000);
  });
  it("1,485.00 on 2020-06-29 closes A, then gives C (2%) 494.90 with 9.90 discount and leaves B untouched", () => {
    const p = must(proposeSettlement({ credit: payment(148500, "2020-06-29"), items, dateSerial: d("2020-06-29"), method: { kind: "duedate" }, options }));
    expect(settled(p)).toEqual([
      ["A", 100000, 0, 0],
      ["C", 49490, 990, 50510],
      ["B", 0, 0, 100000],
    ]);
  });
});

describe("W4: overpayment with discount", () => {
  const inv = item("INV", 10500, { date: "2020-01-01", due: "2020-02-01", discDate: "2020-01-15", cashDiscountPct: 10 });
  const run = (options: object) => must(proposeSettlement({ credit: payment(9500, "2020-01-10"), items: [inv], dateSerial: d("2020-01-10"), method: { kind: "duedate" }, options }));
  it("Specific with max over/under 0.50 closes all, 0.50 to the cash-discount account", () => {
    const p = run({ maxOverUnderMinor: 50 });
    expect(settled(p)).toEqual([["INV", 10500, 1050, 0]]);
    expect([p.creditDifferenceMinor, p.creditDifferenceRole, p.unappliedMinor]).toEqual([50, "CashDiscount", 0]);
    const j = must(postSettlement(p, { accountingCurrency: "USD" })).journal;
    expect(j.lines.filter((l) => l.accountType === "Ledger").map((l) => [l.accountRole, l.amountMinor])).toEqual([["CashDiscount", 1050], ["CashDiscount", -50]]);
  });
  it("Specific with max over/under below 0.50 keeps 0.50 open on the payment", () => {
    const p = run({ maxOverUnderMinor: 49 });
    expect(p.unappliedMinor).toBe(50);
    expect(p.creditDifferenceMinor).toBe(0);
  });
  it("Unspecific reduces the discount to 10.00 and closes all", () => {
    const p = run({ discountAdministration: "Unspecific" });
    expect(settled(p)).toEqual([["INV", 10500, 1000, 0]]);
    expect(p.unappliedMinor).toBe(0);
  });
});

describe("W5: realized loss", () => {
  it("1,000.00 FCY booked at 1.123 and paid at 1.120 realizes a loss of 3.00", () => {
    const rates = rateTable([
      { currency: "EUR", dateSerial: d("2020-01-01"), rate: "1.123", row: 2 },
      { currency: "EUR", dateSerial: d("2020-02-01"), rate: "1.120", row: 3 },
    ], "USD");
    const inv = item("INV", 100000, { currency: "EUR", date: "2020-01-10", due: "2020-02-10" });
    const p = must(proposeSettlement({ credit: payment(100000, "2020-02-05", { currency: "EUR" }), items: [inv], dateSerial: d("2020-02-05"), method: { kind: "duedate" } }));
    const { journal } = must(postSettlement(p, { accountingCurrency: "USD", rates }));
    expect(journal.lines.map((l) => [l.voucher, l.accountRole, l.amountMinor, l.currency, l.accountingMinor])).toEqual([
      ["INV", "Customer", -100000, "EUR", -112300],
      ["PAY", "Customer", 100000, "EUR", 112000],
      ["INV", "RealizedLoss", 300, "USD", 300],
    ]);
  });
});
