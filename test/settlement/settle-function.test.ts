import { settleFunction, settleJournalFunction } from "../../src/functions/settle";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { settle } from "../../src/functions/settle";
import { d } from "./helpers";

const HEADER = ["Voucher", "Type", "DueDate", "Open", "CashDiscount", "AmountToSettle", "Balance", "Currency"];
const W1: unknown[][] = [
  ["Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "CashDiscountDate", "CashDiscountPct"],
  ["Invoice 1", "Invoice", "2015-08-15", "2015-09-14", 100, "USD", "2015-08-29", 2],
  ["Invoice 2", "Invoice", "2015-09-01", "2015-10-01", 250, "USD", "2015-09-15", "2%"],
  ["Invoice 3", "Invoice", "2015-10-15", "2015-11-14", 500, "USD", "2015-10-29", 2],
  ["Interest 1", "InterestNote", "2015-10-15", "2015-11-14", 7, "USD", "", ""],
];
const call = (items: unknown, pay: unknown, date: unknown, method: unknown = null, priority: unknown = null, options: unknown = null, rates: unknown = null) =>
  settleFunction(items, pay, date, method, priority, options, rates);
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
};

describe("CC.SETTLE worked examples", () => {
  it("W1 by due date: 100, 250, 350 and the interest note untouched", () => {
    expect(call(W1, 700, "2015-10-25")).toEqual([
      HEADER,
      ["Invoice 1", "Invoice", d("2015-09-14"), 100, 0, 100, 0, "USD"],
      ["Invoice 2", "Invoice", d("2015-10-01"), 250, 0, 250, 0, "USD"],
      ["Invoice 3", "Invoice", d("2015-11-14"), 500, 0, 350, 150, "USD"],
      ["Interest 1", "InterestNote", d("2015-11-14"), 7, 0, 0, 7, "USD"],
      ["Unapplied", "Payment", "", "", "", 0, 0, "USD"],
    ]);
  });

  it("W1 by priority (default list): 7, 100, 250, 343", () => {
    const out = call(W1, 700, d("2015-10-25"), "priority");
    expect(out.slice(1).map((r) => [r[0], r[5], r[6]])).toEqual([
      ["Interest 1", 7, 0], ["Invoice 1", 100, 0], ["Invoice 2", 250, 0], ["Invoice 3", 343, 157], ["Unapplied", 0, 0],
    ]);
    expect(call(W1, 700, "2015-10-25", "priority", [["Fee", "CollectionLetter", "InterestNote", "Invoice"]])).toEqual(out);
  });

  it("W2: 500.00 with partial discounts on settles 505.05", () => {
    const items = [["Voucher", "Date", "DueDate", "Amount", "CashDiscountDate", "CashDiscountPct"], ["INV", "2020-06-25", "2020-07-25", 1000, "2020-07-09", 1]];
    expect(call(items, 500, "2020-07-01", null, null, [["PartialDiscount", true]])[1]).toEqual(["INV", "Invoice", d("2020-07-25"), 1000, 5.05, 505.05, 494.95, ""]);
  });

  it("W3: 1,485.00 closes A and gives C 494.90, B untouched", () => {
    const items = [
      ["Voucher", "Date", "DueDate", "Amount", "CashDiscountDate", "CashDiscountPct"],
      ["A", "2020-05-15", "2020-06-25", 1000, "2020-05-29", 1],
      ["B", "2020-06-25", "2020-07-25", 1000, "2020-07-09", 1],
      ["C", "2020-06-25", "2020-07-25", 1000, "2020-06-30", 2],
    ];
    const out = call(items, 1485, "2020-06-29", null, null, [["PartialDiscount", "yes"]]);
    expect(out.slice(1).map((r) => [r[0], r[4], r[5], r[6]])).toEqual([["A", 0, 1000, 0], ["C", 9.9, 494.9, 505.1], ["B", 0, 0, 1000], ["Unapplied", "", 0, 0]]);
  });

  it.each([
    ["Specific, over/under 0.50", [["MaxOverUnder", 0.5]], 10.5, 0],
    ["Specific, over/under 0.49", [["MaxOverUnder", 0.49]], 10.5, 0.5],
    ["Unspecific", [["DiscountAdministration", "Unspecific"]], 10, 0],
  ])("W4 %s", (_name, options, discount, unapplied) => {
    const items = [["Voucher", "DueDate", "Amount", "CashDiscountDate", "CashDiscountPct"], ["INV", "2020-02-01", 105, "2020-01-15", 10]];
    const out = call(items, 95, "2020-01-10", null, null, options);
    expect(out[1]?.slice(3, 7)).toEqual([105, discount, 105, 0]);
    expect(out[2]?.[5]).toBe(unapplied);
  });

  it("W5: the journal of a EUR payment in a USD book shows a 3.00 realized loss", () => {
    const items = [["Voucher", "Date", "DueDate", "Amount", "Currency"], ["INV", "2020-01-10", "2020-02-10", 1000, "EUR"]];
    const rates = [["Currency", "Date", "Rate"], ["EUR", "2020-01-01", 1.123], ["EUR", "2020-02-01", 1.12]];
    const options = [["AccountingCurrency", "USD"]];
    expect(call(items, 1000, "2020-02-05", null, null, options, rates)[1]).toEqual(["INV", "Invoice", d("2020-02-10"), 1000, 0, 1000, 0, "EUR"]);
    const journal = settleJournalFunction(items, 1000, "2020-02-05", null, null, options, rates);
    expect(journal.slice(1).map((r) => [r[4], r[6], r[8], r[11]])).toEqual([["INV", -1000, -1123, "Customer"], ["(payment)", 1000, 1120, "Customer"], ["INV", 3, 3, "RealizedLoss"]]);
  });
});

describe("CC.SETTLE invalid input", () => {
  it.each([
    ["text in an amount", [["Voucher", "DueDate", "Amount"], ["I1", "2020-01-01", "ten"]], 10, null, null, /openItems row 2, Amount: 'ten' is not a number/],
    ["a negative payment", [["Voucher", "DueDate", "Amount"], ["I1", "2020-01-01", 10]], -5, null, null, /payment: -5 is not a positive payment/],
    ["duplicate vouchers", [["Voucher", "DueDate", "Amount"], ["I1", "2020-01-01", 10], ["I1", "2020-01-02", 5]], 5, null, null, /openItems row 3, Voucher: voucher 'I1' appears more than once/],
    ["several customers", [["Customer", "Voucher", "DueDate", "Amount"], ["A", "I1", "2020-01-01", 10], ["B", "I2", "2020-01-02", 5]], 5, null, null, /openItems row 3, Customer: customer 'B' differs/],
    ["an unknown option", [["Voucher", "DueDate", "Amount"], ["I1", "2020-01-01", 10]], 5, [["Discount", true]], null, /options row 1, Name: 'Discount' is not an option/],
    ["a payment with more decimals than its currency", [["Voucher", "DueDate", "Amount"], ["I1", "2020-01-01", 10]], 5.001, null, null, /use ROUND/],
    ["a missing rate", [["Voucher", "Date", "DueDate", "Amount", "Currency"], ["I1", "2020-01-01", "2020-02-01", 10, "EUR"]], 5, [["AccountingCurrency", "USD"]], [["Currency", "Date", "Rate"], ["EUR", "2020-03-01", 1.1]], /no exchange rate for EUR on or before 2020-01-01/],
    ["a due date that is not a date", [["Voucher", "DueDate", "Amount"], ["I1", "soon", 10]], 5, null, null, /openItems row 2, DueDate/],
  ])("refuses %s", (_name, items, pay, options, rates, expected) => {
    expect(message(() => call(items, pay, "2020-01-10", null, null, options, rates))).toMatch(expected);
  });

  it("refuses a priority naming an unknown type and an unknown method", () => {
    expect(message(() => call(W1, 700, "2015-10-25", "priority", [["Fee", "Penalty"]]))).toMatch(/priority row 2: 'Penalty' is not one of/);
    expect(message(() => call(W1, 700, "2015-10-25", "fifo"))).toMatch(/method: 'fifo' is not "duedate" or "priority"/);
  });

  it("refuses items of several currencies without a PaymentCurrency", () => {
    const items = [["Voucher", "DueDate", "Amount", "Currency"], ["I1", "2020-01-01", 10, "EUR"], ["I2", "2020-01-01", 10, "USD"]];
    expect(message(() => call(items, 5, "2020-01-10"))).toMatch(/PaymentCurrency/);
  });

  it("turns errors into a FunctionError in the registered function", () => {
    expect(() => settle([["Voucher", "DueDate", "Amount"], ["I1", "2020-01-01", 10]], 5, "not a date")).toThrow(FunctionError);
  });
});
