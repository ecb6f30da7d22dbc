import { readDiscountCodes, readOpenItems, readPriority, readSettleOptions, toleranceMinor } from "../../src/workbook/settlement-input";
import { settleTable } from "../../src/workbook/settlement-output";
import { proposeSettlement } from "../../src/domain/settlement";
import { readTransactions } from "../../src/workbook/transactions";
import { d } from "./helpers";

function must<T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const codes = (r: { ok: boolean; errors?: readonly { code: string }[] }) => (r.errors ?? []).map((e) => e.code);

describe("settlement ranges", () => {
  it("reads every option by name, with header row and any spelling", () => {
    const r = must(readSettleOptions([
      ["Name", "Value"], ["partial discount", "yes"], ["DiscountOnCreditNotes", false], ["Use cash discount", "always"],
      ["MaxPennyDifference", 0.01], ["max_over_under", "0.5"], ["DiscountAdministration", "unspecific"], ["PaymentCurrency", "eur"], ["AccountingCurrency", "SEK"],
    ]));
    expect(r).toEqual({
      options: { partialDiscount: true, discountOnCreditNotes: false, useCashDiscount: "Always", discountAdministration: "Unspecific" },
      paymentCurrency: "EUR", accountingCurrency: "SEK",
      tolerances: [{ option: "MaxPennyDifference", value: 0.01, row: 5 }, { option: "MaxOverUnder", value: "0.5", row: 6 }],
    });
    expect(must(readSettleOptions(null))).toEqual({ options: {}, tolerances: [] });
  });

  it.each([
    [[["Tolerance", 1]], "option_must_be_known"],
    [[["UseCashDiscount", "Sometimes"]], "option_value_must_fit"],
    [[["PaymentCurrency", "XYZ"]], "currency_must_be_known"],
  ])("refuses options %j", (range, code) => {
    expect(codes(readSettleOptions(range))).toEqual([code]);
  });

  it("reads a priority list in any case, and defaults to Fee, CollectionLetter, InterestNote, Invoice", () => {
    expect(must(readPriority(["invoice", "FEE"]))).toEqual(["Invoice", "Fee"]);
    expect(must(readPriority([]))).toEqual(["Fee", "CollectionLetter", "InterestNote", "Invoice"]);
    expect(codes(readPriority(["Invoice", "Penalty"]))).toEqual(["priority_type_must_be_known"]);
  });

  it("reads open items without a Customer column, keeps a named customer, and refuses a blank voucher", () => {
    const items = must(readOpenItems([["Voucher", "Due date", "Open amount"], ["I1", "2020-01-01", 10], [null, null, null]]));
    expect(items.map((i) => [i.customer, i.voucher, i.amountMinor, i.dueSerial])).toEqual([["", "I1", 1000, d("2020-01-01")]]);
    expect(must(readOpenItems([["Cust", "Voucher", "Amount"], [2050, "I1", 10]]))[0]?.customer).toBe("2050");
    expect(codes(readOpenItems([["Voucher", "Amount"], ["", 10]]))).toEqual(["voucher_must_not_be_blank"]);
    expect(codes(readOpenItems([["Amount"], [10]]))).toEqual(["required_column_missing"]);
  });

  it("reads open items in columns: the records of readTransactions, the one-customer and voucher rules in row order, reading errors first", () => {
    const range = [["Customer", "Voucher", "DueDate", "Amount", "Currency"], ["C1", "I1", "2020-01-01", 10, "USD"], [" C1 ", "I2", 43900, "12.50", "usd"], ["C1", "I3", null, -2.5, null]];
    // Clean rows (fast path), a padded, lower-case one (the rule) and a blank currency (the unnamed one) give readTransactions' records exactly.
    expect(must(readOpenItems(range))).toStrictEqual(must(readTransactions(range, { name: "openItems", require: ["voucher"] })));
    expect(must(readOpenItems(range)).map((i) => [i.customer, i.voucher, i.amountMinor, i.currency])).toEqual([["C1", "I1", 1000, "USD"], ["C1", "I2", 1250, "USD"], ["C1", "I3", -250, ""]]);
    const mixed = readOpenItems([["Customer", "Voucher", "DueDate", "Amount"], ["C1", "I1", "2020-01-01", 10], ["C2", "I2", "2020-01-02", 20], ["C1", "I1", "2020-01-03", 30]]);
    expect(mixed.ok ? [] : mixed.errors.map((e) => [e.code, e.row, e.column, e.message])).toEqual([
      ["items_must_belong_to_one_customer", 3, "Customer", "customer 'C2' differs from 'C1' on row 2: settle one customer at a time"],
      ["voucher_must_appear_once", 4, "Voucher", "voucher 'I1' appears more than once"],
    ]);
    // A bad cell is reported alone: the rules on customers and vouchers need every cell read.
    const bad = readOpenItems([["Customer", "Voucher", "DueDate", "Amount"], ["C1", "I1", "2020-01-01", 10], ["C2", "I1", "2020-01-02", "ten"]]);
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.row, e.column, e.table])).toEqual([["amount_must_be_an_amount", 3, "Amount", "openItems"]]);
  });

  it("reads a discount-code table and refuses a code with neither days nor date", () => {
    expect(must(readDiscountCodes([["Code", "Days", "Pct", "Next"], ["A", 5, "2%", "B"], ["B", 14, 1, ""]]))).toEqual([
      { code: "A", days: 5, pct: 2, next: "B", row: 2 },
      { code: "B", days: 14, pct: 1, row: 3 },
    ]);
    expect(codes(readDiscountCodes([["Code", "Days", "Pct"], ["A", "", 2]]))).toEqual(["discount_code_must_have_days_or_date"]);
    expect(codes(readDiscountCodes([["Code", "Days", "Pct"], ["A", 2.5, 2]]))).toEqual(["days_must_be_a_whole_number"]);
  });

  it("spills JPY amounts with no decimals and the Unapplied row signed like the ledger", () => {
    const items = must(readOpenItems([["Voucher", "DueDate", "Amount", "Currency"], ["I1", "2020-01-01", 1000, "JPY"]]));
    const credit = { customer: "", voucher: "(payment)", type: "Payment" as const, amountMinor: -1500, currency: "JPY", dateSerial: d("2020-01-05"), status: "None" as const, row: 0 };
    const p = must(proposeSettlement({ credit, items, dateSerial: d("2020-01-05"), method: { kind: "duedate" } }));
    expect(settleTable(p)).toEqual([
      ["Voucher", "Type", "DueDate", "Open", "CashDiscount", "AmountToSettle", "Balance", "Currency"],
      ["I1", "Invoice", d("2020-01-01"), 1000, 0, 1000, 0, "JPY"],
      ["Unapplied", "Payment", "", "", "", 500, -500, "JPY"],
    ]);
  });
});

describe("tolerance text (the wizard's fields and the options range read it the same way)", () => {
  it.each([
    ["0.05", 2, 5],
    ["0", 2, 0],
    [0.01, 2, 1],
    ["1", 0, 1],
  ] as const)("%p at %i decimals is %i minor units", (text, exponent, minor) => {
    expect(toleranceMinor(text, exponent)).toBe(minor);
  });
  it.each([
    ["0,05", 2, /not a number/],
    ["abc", 2, /not a number/],
    ["-1", 2, /negative/],
    ["0.005", 2, /more than 2 decimals/],
    ["0.5", 0, /more than 0 decimals/],
    ["#N/A", 2, /Excel error/],
  ] as const)("%p at %i decimals is refused", (text, exponent, reason) => {
    expect(toleranceMinor(text, exponent)).toMatch(reason);
  });
});
