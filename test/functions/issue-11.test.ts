/**
 * Issue #11: every cell read exactly as the user meant. Each case the issue lists is a test here,
 * through the custom functions (the edge a user meets first).
 */
import { agingFunction } from "../../src/functions/aging";
import { interestFunction, lettersFunction, writeOffFunction } from "../../src/functions/collections";
import { checkpointFunction, creditCheckFunction, dsoFunction, type CreditCheckArgs } from "../../src/functions/credit";
import { settleFunction } from "../../src/functions/settle";
import { minorFromNumber, parseMoney } from "../../src/domain/money";
import { readExchangeRates } from "../../src/workbook/transactions";
import { readTemporaryLimits } from "../../src/workbook/credit-groups";
import { readCustomers } from "../../src/workbook/customers";
import { excelErrorOf, EXCEL_ERRORS } from "../../src/workbook/table";

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
};

const LEDGER = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
  ["C1", "INV1", "Invoice", "2024-05-01", "2024-05-31", 2000, "USD"],
];
const CUSTOMERS = [["Customer", "Currency", "CreditLimit"], ["C1", "USD", 10_000]];
const credit = (extra: Partial<CreditCheckArgs> = {}) =>
  creditCheckFunction({ customer: "C1", orderAmount: 100, customers: CUSTOMERS, transactions: LEDGER, asOf: "2024-06-30", ...extra });

describe("Excel error values are errors naming table, row and column, in every reader", () => {
  it.each(EXCEL_ERRORS)("%s in the Customer column is not a customer", (err) => {
    const t = [["Customer", "DueDate", "Amount"], [err, "2024-01-01", 10]];
    expect(message(() => agingFunction(t, "2024-06-30", null, null))).toBe(`transactions row 2, Customer: holds the Excel error ${err}; fix the formula or the cell it refers to`);
  });

  it("reads Office's error objects too", () => {
    expect(excelErrorOf({ code: "#N/A" })).toBe("#N/A");
    expect(excelErrorOf({ errorCode: "invalidReference" })).toBe("#REF!");
    expect(excelErrorOf({ type: "Error", value: "#DIV/0!" })).toBe("#DIV/0!");
    expect(excelErrorOf("#1 customer")).toBeUndefined();
  });

  it.each([
    ["Amount (money)", [["Customer", "DueDate", "Amount"], ["C1", "2024-01-01", "#DIV/0!"]], "Amount"],
    ["DueDate (date)", [["Customer", "DueDate", "Amount"], ["C1", "#VALUE!", 10]], "DueDate"],
    ["Status (choice)", [["Customer", "DueDate", "Amount", "Status"], ["C1", "2024-01-01", 10, "#N/A"]], "Status"],
    ["Disputed (yes/no)", [["Customer", "DueDate", "Amount", "Disputed"], ["C1", "2024-01-01", 10, { code: "#NAME?" }]], "Disputed"],
    ["an extra column", [["Customer", "DueDate", "Amount", "Note"], ["C1", "2024-01-01", 10, "#SPILL!"]], "Note"],
  ])("%s", (_what, t, column) => {
    expect(message(() => agingFunction(t, "2024-06-30", null, null))).toMatch(new RegExp(`^transactions row 2, ${column}: holds the Excel error`));
  });

  it("a #N/A voucher is not settled and a #N/A write-off reason is not accepted", () => {
    const items = [["Voucher", "DueDate", "Amount"], ["#N/A", "2024-01-01", 10]];
    expect(message(() => settleFunction(items, 10, "2024-06-30", null, null, null, null))).toMatch(/^openItems row 2, Voucher: holds the Excel error #N\/A/);
    const ledger = [["Customer", "Voucher", "Amount"], ["C1", "V1", 10]];
    expect(message(() => writeOffFunction(ledger, "C1", "2024-06-30", "#N/A", null))).toMatch(/^reason: holds the Excel error #N\/A/);
    expect(message(() => writeOffFunction([["Customer", "Voucher", "Amount"], ["#REF!", "V1", 10]], "C1", "2024-06-30", "R", null))).toMatch(/^transactions row 2, Customer: holds the Excel error #REF!/);
    expect(message(() => writeOffFunction(ledger, "#REF!", "2024-06-30", "R", null))).toMatch(/^customer: holds the Excel error #REF!/);
  });

  it("in options, rates, percent and count cells", () => {
    expect(message(() => settleFunction([["Voucher", "DueDate", "Amount"], ["V", "2024-01-01", 10]], 10, "2024-06-30", null, null, [["MaxPennyDifference", "#NUM!"]], null))).toMatch(/^options row 1, Value: holds the Excel error #NUM!/);
    expect(readExchangeRates([["Currency", "Date", "Rate"], ["EUR", "2024-01-01", "#CALC!"]])).toMatchObject({ ok: false, errors: [{ code: "cell_must_not_be_an_excel_error", row: 2, column: "Rate" }] });
    expect(message(() => interestFunction(LEDGER, "2024-06-30", [["FromMonth", "PercentPerMonth"], [0, "#BUSY!"]]))).toMatch(/^code row 2, PercentPerMonth: holds the Excel error #BUSY!/);
    expect(message(() => credit({ orderAmount: "#GETTING_DATA" }))).toMatch(/^orderAmount: holds the Excel error #GETTING_DATA/);
  });
});

describe("money is read by one rule: normalize to 15 digits, refuse extra decimals, refuse past exact", () => {
  it.each([
    [500000000000.001, "USD"],
    [99000000000.0001, "KWD"],
  ])("%p %s is an error, not a rounded amount", (amount, currency) => {
    const t = [["Customer", "DueDate", "Amount", "Currency"], ["C1", "2024-01-01", amount, currency]];
    expect(message(() => agingFunction(t, "2024-06-30", null, null))).toMatch(/^transactions row 2, Amount: .* has more than \d decimals/);
  });

  it("minorFromNumber follows the documented rule on both sides of the 15th digit", () => {
    // At 15 significant digits both are 0.0999999999999998 / ...97: neither is a whole number of cents.
    expect(minorFromNumber(0.0999999999999998, 100)).toBeNaN();
    expect(minorFromNumber(0.0999999999999997, 100)).toBeNaN();
    expect(parseMoney(0.0999999999999998, 2).ok).toBe(false);
    expect(minorFromNumber(0.1 + 0.2, 100)).toBe(30);
    expect(minorFromNumber(0.30000000000000004, 100)).toBe(30);
  });

  it("sums past 2^53 minor units are an error, not a wrong total", () => {
    const rows: unknown[][] = [["Customer", "DueDate", "Amount", "Currency"]];
    for (let i = 0; i < 10; i++) rows.push(["C1", "2024-01-01", 999999999999999, "JPY"]);
    rows.push(["C1", "2024-01-01", 1, "JPY"]);
    expect(message(() => agingFunction(rows, "2024-06-30", null, null))).toMatch(/^transactions row 11, Amount: the amounts of this column up to here add up to more than 2\^53/);
  });

  it("a number past 15 significant digits is refused", () => {
    expect(parseMoney(9007199254740991, 0)).toMatchObject({ ok: false, reason: expect.stringMatching(/15 significant digits/) });
  });

  it("no internal error from 1e300 anywhere", () => {
    const items = [["Voucher", "DueDate", "Amount"], ["V", "2024-01-01", 10]];
    expect(message(() => settleFunction(items, 10, "2024-06-30", null, null, [["MaxPennyDifference", 1e300]], null))).toMatch(/^options row 1, Value: 1e\+300 is too large/);
    expect(readExchangeRates([["Currency", "Date", "Rate"], ["EUR", "2024-01-01", 1e300]])).toMatchObject({ ok: false, errors: [{ code: "rate_must_be_positive", row: 2, column: "Rate" }] });
    const big = [["Customer", "Voucher", "Type", "DueDate", "Amount"], ["C1", "V1", "Invoice", "2000-01-01", 9e13]];
    expect(message(() => interestFunction(big, "9999-12-31", [["FromMonth", "PercentPerMonth"], [0, 100]]))).toMatch(/^transactions row 2, Amount: the interest on this amount .* more than 2\^53/);
  });
});

describe("tolerances are money in the payment currency's minor units", () => {
  const items = (currency: string, amount: number) => [["Voucher", "DueDate", "Amount", "Currency"], ["INV", "2024-01-01", amount, currency]];
  it.each([
    ["USD", 10, 9.99, 0.005],
    ["USD", 10, 9.99, 0.009],
    ["JPY", 100, 99, 0.5],
  ])("%s: a tolerance of %p cannot close a gap it does not cover: %p paid, tolerance %p is an error", (currency, open, paid, tolerance) => {
    expect(message(() => settleFunction(items(currency, open), paid, "2024-06-30", null, null, [["MaxPennyDifference", tolerance]], null))).toMatch(/^options row 1, Value: .* has more than \d decimals/);
  });
  it("0.01 USD closes a one-cent underpayment to the penny account", () => {
    const r = settleFunction(items("USD", 10), 9.99, "2024-06-30", null, null, [["MaxPennyDifference", 0.01]], null);
    expect(r[1]?.slice(5, 7)).toEqual([10, 0]);
  });
  it("a negative tolerance is refused", () => {
    expect(message(() => settleFunction(items("USD", 10), 9.99, "2024-06-30", null, null, [["MaxOverUnder", -1]], null))).toMatch(/^options row 1, Value: -1 is negative/);
  });
});

describe("duplicates that make a result depend on row order are errors naming both rows", () => {
  it("two rates for one currency and date", () => {
    const r = readExchangeRates([["Currency", "Date", "Rate"], ["EUR", "2024-01-01", 1.1], ["EUR", "2024-01-01", 1.2]]);
    expect(r).toMatchObject({ ok: false, errors: [{ code: "rate_must_appear_once_per_currency_and_date", row: 3, message: expect.stringContaining("row 2") }] });
  });
  it("overlapping temporary limits of one customer", () => {
    const r = readTemporaryLimits([["Customer", "CreditLimit", "From", "To"], ["C1", 500, "2024-01-01", "2024-01-31"], ["C1", 900, "2024-01-15", "2024-02-15"], ["C1", 700, "2024-02-16", "2024-02-20"]]);
    expect(r).toMatchObject({ ok: false, errors: [{ code: "temporary_limits_must_not_overlap", row: 3, message: expect.stringContaining("row 2") }] });
    expect(r.ok ? [] : r.errors).toHaveLength(1);
  });
  it("duplicate letter codes", () => {
    const seq = [["Code", "Fee", "MinOverdue", "GraceDays"], ["L1", 0, 0, 0], ["l1", 0, 0, 0]];
    expect(message(() => lettersFunction(LEDGER, "2024-06-30", seq, null, null))).toMatch(/^sequence row 3, Code: 'l1' is also on row 2/);
  });
  it("a customer twice", () => {
    expect(readCustomers([["Customer", "CreditLimit"], ["C1", 1], ["C1", 2]])).toMatchObject({ ok: false, errors: [{ code: "customer_must_appear_once", row: 3 }] });
  });
});

describe("CC.CREDITCHECK refuses what it used to guess", () => {
  it("an order of -1000 and a blank order", () => {
    expect(message(() => credit({ orderAmount: -1000 }))).toMatch(/^orderAmount: -1000 is negative/);
    expect(message(() => credit({ orderAmount: null }))).toMatch(/^orderAmount: is blank/);
  });
  it("€-5 on a USD row", () => {
    const ledger = [["Customer", "DueDate", "Amount", "Currency"], ["C1", "2024-05-31", "€-5", "USD"]];
    expect(message(() => credit({ transactions: ledger }))).toBe("transactions row 2, Amount: '€-5' is written in €, but the currency is USD");
  });
  it("a JPY temporary limit is read in yen", () => {
    const customers = [["Customer", "Currency", "CreditLimit"], ["C1", "JPY", 100_000]];
    const ledger = [["Customer", "DueDate", "Amount", "Currency"], ["C1", "2024-05-31", 150_000, "JPY"]];
    const temporary = [["Customer", "CreditLimit", "From", "To"], ["C1", 200_000, "2024-06-01", "2024-06-30"]];
    expect(credit({ customers, transactions: ledger, temporaryLimits: temporary, orderAmount: 60_000 })[1]).toEqual(["HOLD", "CreditLimit", 200_000, 210_000, -10_000, "JPY"]);
  });
  it("a rule naming an unknown customer is an error", () => {
    const rules = [["RuleType", "ValidFor", "Account", "Kind", "ValueType", "Value"], ["SalesOrderAmount", "Customer", "NOPE", "Blocking", "Amount", 1]];
    expect(message(() => credit({ rules }))).toMatch(/^rules row 2, Account: customer 'NOPE' is not in the customers range/);
  });
  it("a period bound of 1e300 and a DSO window of a million months", () => {
    expect(message(() => agingFunction(LEDGER, "2024-06-30", [[30, 1e300]], null))).toMatch(/^periods, bound 2/);
    expect(message(() => dsoFunction("C1", LEDGER, 1e6, "2024-06-30"))).toMatch(/^months: '1000000' is not a whole number of months from 1 to 1200/);
  });
  it("a letter history dated after the as-of date", () => {
    const seq = [["Code", "Fee", "MinOverdue", "GraceDays"], ["L1", 0, 0, 0]];
    const history = [["Customer", "Code", "Date"], ["C1", "L1", "2024-07-01"]];
    expect(message(() => lettersFunction(LEDGER, "2024-06-30", seq, history, null))).toMatch(/^history row 2, Date: a letter sent on 2024-07-01 is after the as-of date 2024-06-30/);
  });
});

describe("CC.CREDITCHECKPOINT", () => {
  const CPS = [["Checkpoint", "Posting", "ProForma", "GraceDays"], ["Confirmation", "Yes", "No", null], ["Invoice", "Yes", "No", null]];
  it("without grace days every enabled posting step checks, every time (also twice on one day)", () => {
    expect(checkpointFunction(CPS, "Confirmation", "2024-02-27", "Confirmation", "2024-02-27", null)).toBe(true);
  });
  it("a day before the last check is an error, not FALSE", () => {
    expect(message(() => checkpointFunction(CPS, "Invoice", "2024-02-26", "Confirmation", "2024-02-27", null))).toMatch(/^day: the posting day is before the day the order last passed/);
  });
});
