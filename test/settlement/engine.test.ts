import { rateTable } from "../../src/domain/rates";
import { editProposal, postSettlement, proposeSettlement, type Proposal, type SettlementRequest } from "../../src/domain/settlement";
import { d, item, payment, W1_ITEMS } from "./helpers";

function must<T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
function codes(r: { ok: boolean; errors?: readonly { code: string }[] }): string[] {
  expect(r.ok).toBe(false);
  return (r.errors ?? []).map((e) => e.code);
}
const settled = (p: Proposal) => p.lines.filter((l) => l.amountToSettleMinor > 0).map((l) => [l.item.voucher, l.amountToSettleMinor, l.discountMinor, l.differenceMinor, l.balanceMinor]);
const base = (over: Partial<SettlementRequest>): SettlementRequest => ({ credit: payment(70000, "2015-10-25"), items: W1_ITEMS, dateSerial: d("2015-10-25"), method: { kind: "duedate" }, ...over });

describe("manual settlement (marking)", () => {
  it("settles marked items in the order marked; a blank amount settles the maximum", () => {
    const p = must(proposeSettlement(base({ method: { kind: "manual", marks: [{ voucher: "Invoice 3" }, { voucher: "Interest 1", amountToSettleMinor: 500 }, { voucher: "Invoice 1" }] } })));
    expect(settled(p)).toEqual([["Invoice 3", 50000, 1000, 0, 0], ["Interest 1", 500, 0, 0, 200], ["Invoice 1", 10000, 0, 0, 0]]);
    expect(p.unappliedMinor).toBe(70000 - 49000 - 500 - 10000);
  });

  it("takes the full discount on a marked item paid in full within its discount date", () => {
    const p = must(proposeSettlement(base({ method: { kind: "manual", marks: [{ voucher: "Invoice 3" }] } })));
    expect(settled(p)).toEqual([["Invoice 3", 50000, 1000, 0, 0]]);
    expect(p.unappliedMinor).toBe(70000 - 49000);
  });

  it("honours Use cash discount per line: Never refuses the discount, Always grants an expired one", () => {
    const p = must(proposeSettlement(base({ method: { kind: "manual", marks: [{ voucher: "Invoice 3", useCashDiscount: "Never" }, { voucher: "Invoice 1", useCashDiscount: "Always" }] } })));
    expect(settled(p)).toEqual([["Invoice 3", 50000, 0, 0, 0], ["Invoice 1", 10000, 200, 0, 0]]);
  });

  it.each([
    ["more than the open amount", [{ voucher: "Invoice 1", amountToSettleMinor: 10001 }], "amount_to_settle_must_not_exceed_open"],
    ["a negative amount", [{ voucher: "Invoice 1", amountToSettleMinor: -100 }], "amount_to_settle_must_be_positive"],
    ["more than the credit", [{ voucher: "Invoice 3" }, { voucher: "Invoice 2", amountToSettleMinor: 25000 }], "marks_must_not_exceed_credit"],
    ["an unknown voucher", [{ voucher: "Invoice 9" }], "marked_voucher_must_be_an_open_debit_item"],
    ["the same voucher twice", [{ voucher: "Invoice 1" }, { voucher: "Invoice 1" }], "mark_must_appear_once"],
  ])("refuses %s", (_name, marks, code) => {
    const credit = payment(60000, "2015-10-25");
    expect(codes(proposeSettlement(base({ credit, method: { kind: "manual", marks } })))).toContain(code);
  });
});

describe("cash discounts", () => {
  const codeTable = [
    { code: "10-5", days: 5, pct: 10, next: "5-10" },
    { code: "5-10", days: 10, pct: 5, next: "2-14" },
    { code: "2-14", days: 14, pct: 2 },
  ];
  it.each([
    ["2020-06-04", 1000],
    ["2020-06-08", 500],
    ["2020-06-13", 200],
    ["2020-06-20", 0],
  ])("a chained code paid on %s grants only the first tier met (%i)", (date, discount) => {
    const inv = item("INV", 10000, { date: "2020-06-01", due: "2020-07-01", discountCode: "10-5" });
    const p = must(proposeSettlement({ credit: payment(10000, date), items: [inv], dateSerial: d(date), method: { kind: "duedate" }, options: { discountCodes: codeTable } }));
    expect(p.lines[0]?.discountMinor).toBe(discount);
    expect(p.unappliedMinor).toBe(discount);
  });

  it("caps partial discounts at the full discount over several payments", () => {
    const inv = item("INV", 10000, { date: "2020-06-01", due: "2020-07-01", discDate: "2020-06-30", cashDiscountPct: 3 });
    const p = must(proposeSettlement({ credit: payment(9999, "2020-06-02"), items: [inv], dateSerial: d("2020-06-02"), method: { kind: "duedate" }, options: { partialDiscount: true } }));
    expect(settled(p)).toEqual([["INV", 10000, 300, 0, 0]]);
    const after = { ...inv, amountMinor: 5000, originalAmountMinor: 10000, discountTakenMinor: 290 };
    const p2 = must(proposeSettlement({ credit: payment(4000, "2020-06-03"), items: [after], dateSerial: d("2020-06-03"), method: { kind: "duedate" }, options: { partialDiscount: true } }));
    expect(settled(p2)).toEqual([["INV", 4010, 10, 0, 990]]);
  });

  it("gives a credit note its own discount only with DiscountOnCreditNotes, and only when it is used up", () => {
    const cn = item("CN", -10000, { type: "CreditNote", date: "2020-06-01", discDate: "2020-06-10", cashDiscountPct: 2 });
    const inv = item("INV", 20000, { date: "2020-06-01", due: "2020-07-01" });
    const on = must(proposeSettlement({ credit: cn, items: [inv], dateSerial: d("2020-06-05"), method: { kind: "duedate" }, options: { discountOnCreditNotes: true } }));
    expect([on.creditDiscountMinor, settled(on)]).toEqual([200, [["INV", 9800, 0, 0, 10200]]]);
    const journal = must(postSettlement(on, { accountingCurrency: "USD" })).journal;
    expect(journal.lines.map((l) => [l.voucher, l.accountRole, l.amountMinor])).toEqual([["INV", "Customer", -9800], ["CN", "Customer", 9800], ["CN", "Customer", 200], ["CN", "CashDiscount", -200]]);
    const off = must(proposeSettlement({ credit: cn, items: [inv], dateSerial: d("2020-06-05"), method: { kind: "duedate" } }));
    expect([off.creditDiscountMinor, settled(off)]).toEqual([0, [["INV", 10000, 0, 0, 10000]]]);
    const small = item("INV2", 5000, { date: "2020-06-01", due: "2020-07-01" });
    const partly = must(proposeSettlement({ credit: cn, items: [small], dateSerial: d("2020-06-05"), method: { kind: "duedate" }, options: { discountOnCreditNotes: true } }));
    expect([partly.creditDiscountMinor, partly.unappliedMinor]).toEqual([0, 5000]);
  });
});

describe("differences and tolerances", () => {
  const inv = item("INV", 10000, { date: "2020-06-01", due: "2020-07-01" });
  const run = (amount: number, options: object) => must(proposeSettlement({ credit: payment(amount, "2020-06-05"), items: [inv], dateSerial: d("2020-06-05"), method: { kind: "duedate" }, options }));
  it.each([
    [9999, { maxPennyDifferenceMinor: 1 }, [["INV", 10000, 0, 1, 0]], "PennyDifference"],
    [9990, { maxPennyDifferenceMinor: 1, maxOverUnderMinor: 10 }, [["INV", 10000, 0, 10, 0]], "CashDiscount"],
    [9989, { maxPennyDifferenceMinor: 1, maxOverUnderMinor: 10 }, [["INV", 9989, 0, 0, 11]], undefined],
  ])("an underpayment of %i closes within the tolerances and stays open above them", (amount, options, lines, role) => {
    const p = run(amount, options);
    expect(settled(p)).toEqual(lines);
    expect(p.lines[0]?.differenceRole).toBe(role);
  });

  it("an overpayment within the penny difference closes the payment to the penny account", () => {
    const p = run(10001, { maxPennyDifferenceMinor: 1 });
    expect([p.creditDifferenceMinor, p.creditDifferenceRole, p.unappliedMinor]).toEqual([1, "PennyDifference", 0]);
    const j = must(postSettlement(p, { accountingCurrency: "USD" })).journal;
    expect(j.lines.map((l) => [l.voucher, l.accountRole, l.amountMinor])).toContainEqual(["PAY", "PennyDifference", -1]);
  });
});

describe("currencies", () => {
  const rates = rateTable([
    { currency: "EUR", dateSerial: d("2020-01-01"), rate: "1.10", row: 2 },
    { currency: "EUR", dateSerial: d("2020-03-01"), rate: "1.20", row: 3 },
    { currency: "SEK", dateSerial: d("2020-01-01"), rate: "0.10", row: 4 },
  ], "USD");
  it("settles a EUR invoice with a USD payment at the payment date's rate and books a realized gain", () => {
    const inv = item("INV", 10000, { currency: "EUR", date: "2020-01-15", due: "2020-02-15" });
    const p = must(proposeSettlement({ credit: payment(15000, "2020-03-05"), items: [inv], dateSerial: d("2020-03-05"), method: { kind: "manual", marks: [{ voucher: "INV" }] }, rates }));
    expect([p.lines[0]?.amountToSettleMinor, p.lines[0]?.creditUsedMinor, p.unappliedMinor]).toEqual([10000, 12000, 3000]);
    const j = must(postSettlement(p, { accountingCurrency: "USD", rates })).journal;
    expect(j.lines.map((l) => [l.accountRole, l.amountMinor, l.currency, l.accountingMinor])).toEqual([
      ["Customer", -10000, "EUR", -11000], ["Customer", 12000, "USD", 12000], ["RealizedGain", -1000, "USD", -1000],
    ]);
  });

  it("uses the cross rate through the accounting currency when neither currency is the accounting one", () => {
    const inv = item("INV", 10000, { currency: "EUR", date: "2020-03-02", due: "2020-04-01" });
    const credit = payment(1000000, "2020-03-05", { currency: "SEK" });
    const p = must(proposeSettlement({ credit, items: [inv], dateSerial: d("2020-03-05"), method: { kind: "manual", marks: [{ voucher: "INV" }] }, rates }));
    expect(p.lines[0]?.creditUsedMinor).toBe(120000);
  });

  it("settles only items in the payment's currency automatically", () => {
    const items = [item("E", 10000, { currency: "EUR", due: "2020-01-01" }), item("U", 10000, { due: "2020-02-01" })];
    const p = must(proposeSettlement({ credit: payment(50000, "2020-03-05"), items, dateSerial: d("2020-03-05"), method: { kind: "duedate" } }));
    expect(settled(p)).toEqual([["U", 10000, 0, 0, 0]]);
    expect(p.lines.map((l) => l.item.voucher)).toEqual(["U", "E"]);
  });

  it("refuses a missing rate, never using 1", () => {
    const inv = item("INV", 10000, { currency: "EUR", date: "2019-12-15", due: "2020-02-15" });
    const p = must(proposeSettlement({ credit: payment(10000, "2020-01-05", { currency: "EUR" }), items: [inv], dateSerial: d("2020-01-05"), method: { kind: "duedate" } }));
    expect(codes(postSettlement(p, { accountingCurrency: "USD", rates }))).toEqual(["exchange_rate_must_exist"]);
    expect(codes(proposeSettlement({ credit: payment(100, "2020-01-05"), items: [inv], dateSerial: d("2020-01-05"), method: { kind: "manual", marks: [{ voucher: "INV" }] } }))).toEqual(["exchange_rate_must_exist"]);
  });
});

describe("journal identity", () => {
  it("gives the same proposal the same journal ID, refuses it once posted, and a salt makes a repeat distinct", () => {
    const p = must(proposeSettlement(base({})));
    const a = must(postSettlement(p, { accountingCurrency: "USD" })).journal;
    expect(must(postSettlement(p, { accountingCurrency: "USD" })).journal.journalId).toBe(a.journalId);
    expect(codes(postSettlement(p, { accountingCurrency: "USD", postedIds: new Set([a.journalId]) }))).toEqual(["journal_must_not_be_posted_twice"]);
    expect(must(postSettlement(p, { accountingCurrency: "USD", salt: "2" })).journal.journalId).not.toBe(a.journalId);
    expect(new Set(a.lines.map((l) => l.linkId)).size).toBe(1);
    expect(a.lines.map((l) => l.lineNumber)).toEqual(a.lines.map((_, i) => i + 1));
  });
});

describe("invalid input to the engine", () => {
  it.each([
    ["items of several customers", base({ items: [...W1_ITEMS, item("X", 100, { customer: "9999", due: "2015-10-01" })] }), "items_must_belong_to_one_customer"],
    ["duplicate vouchers", base({ items: [...W1_ITEMS, item("Invoice 1", 100, { due: "2015-10-01" })] }), "voucher_must_appear_once"],
    ["a credit side that is not a credit", base({ credit: item("PAY", 500, { date: "2015-10-25" }) }), "credit_must_be_a_credit_item"],
    ["an item without any date under the due-date order", base({ items: [item("X", 100)] }), "due_date_must_not_be_blank"],
    ["a discount percent without a date", base({ items: [item("X", 100, { due: "2015-10-01", cashDiscountPct: 2 })] }), "cash_discount_date_must_not_be_blank"],
    ["a percent of 100 or more", base({ items: [item("X", 100, { due: "2015-10-01", discDate: "2015-10-01", cashDiscountPct: 100 })] }), "cash_discount_pct_must_be_below_100"],
    ["an unknown discount code", base({ items: [item("X", 100, { due: "2015-10-01", discountCode: "NOPE" })] }), "discount_code_must_be_known"],
    ["a looping code chain", base({ items: [item("X", 100, { date: "2015-10-01", due: "2015-10-01", discountCode: "A" })], options: { discountCodes: [{ code: "A", days: 5, pct: 2, next: "B" }, { code: "B", days: 9, pct: 1, next: "A" }] } }), "discount_codes_must_not_loop"],
  ])("refuses %s", (_name, req, code) => {
    expect(codes(proposeSettlement(req))).toContain(code);
  });
});

describe("editing a proposal", () => {
  it("re-proposes with the user's amounts, keeping the order, and checks them again", () => {
    const req = base({});
    const p = must(proposeSettlement(req));
    const edited = must(editProposal(req, p, [{ voucher: "Invoice 3", amountToSettleMinor: 20000 }, { voucher: "Interest 1", amountToSettleMinor: undefined }, { voucher: "Invoice 1", amountToSettleMinor: 0 }]));
    expect(settled(edited)).toEqual([["Invoice 2", 25000, 0, 0, 0], ["Invoice 3", 20000, 0, 0, 30000], ["Interest 1", 700, 0, 0, 0]]);
    expect(edited.unappliedMinor).toBe(70000 - 45700);
    expect(codes(editProposal(req, p, [{ voucher: "Invoice 1", amountToSettleMinor: 20000 }]))).toEqual(["amount_to_settle_must_not_exceed_open"]);
    expect(must(editProposal(req, p, [])).lines.map((l) => l.amountToSettleMinor)).toEqual(p.lines.map((l) => l.amountToSettleMinor));
  });
});

describe("posting nothing", () => {
  it("refuses to post a proposal that settles no item", () => {
    const p = must(proposeSettlement(base({ items: [item("E", 100, { currency: "EUR", due: "2015-10-01" })] })));
    expect(codes(postSettlement(p, { accountingCurrency: "USD" }))).toEqual(["settlement_must_settle_an_item"]);
  });
});
