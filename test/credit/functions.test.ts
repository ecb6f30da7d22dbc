import { Prng } from "../../src/cli/_lib/prng";
import { checkCredit } from "../../src/domain/credit/check";
import { unwrap } from "../../src/domain/errors";
import { checkpointFunction, creditcheck, creditCheckFunction, type CreditCheckArgs } from "../../src/functions/credit";
import { creditCheckTable } from "../../src/workbook/credit-output";
import { readCreditInputs } from "../../src/workbook/credit-review";
import { readCustomers } from "../../src/workbook/customers";

const LEDGER = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
  ["C1", "INV1", "Invoice", "2024-05-01", "2024-05-31", 2000, "USD"],
  ["C2", "INV2", "Invoice", "2024-03-01", "2024-03-31", 1000, "USD"],
];
const CUSTOMERS = [
  ["Customer", "Currency", "CreditLimit", "Unlimited", "Mandatory", "CreditGroup", "Insurance", "InsurancePct"],
  ["C1", "USD", 10_000, null, null, "G", null, null],
  ["C2", "USD", 20_000, null, null, "G", null, null],
  ["C3", "USD", 0, null, "Yes", "G", null, null],
  ["C4", "USD", 0, "Yes", null, "G", null, null],
  ["C5", "USD", 0, null, null, "G", null, null],
  ["C6", "USD", 100_000, null, null, null, 50_000, "50%"],
];
const GROUPS = [["CreditGroup", "CreditLimit", "Currency"], ["G", 15_000, "USD"]];
const HEADER = ["Status", "Reasons", "Limit", "Exposure", "Available", "Currency"];
const run = (customer: string, amount: number, extra: Partial<CreditCheckArgs> = {}) =>
  creditCheckFunction({ customer, orderAmount: amount, customers: CUSTOMERS, transactions: LEDGER, groups: GROUPS, asOf: "2024-06-30", ...extra });

describe("CC.CREDITCHECK: W6 through the function", () => {
  it.each([
    ["C1", 1000, ["OK", "", 10_000, 3000, 7000, "USD"]],
    ["C2", 1000, ["OK", "", 15_000, 4000, 11_000, "USD"]],
    ["C3", 1, ["HOLD", "Mandatory", 0, 1, -1, "USD"]],
    ["C4", 1_000_000, ["OK", "", "", 1_000_000, "", "USD"]],
    ["C5", 12_000, ["OK", "", 15_000, 15_000, 0, "USD"]],
    ["C5", 12_000.01, ["HOLD", "CreditGroupLimit", 15_000, 15_000.01, -0.01, "USD"]],
    ["C6", 125_000, ["OK", "", 125_000, 125_000, 0, "USD"]],
  ] as const)("%s ordering %d", (customer, amount, row) => {
    expect(run(customer, amount)).toEqual([HEADER, [...row]]);
  });

  it("applies rules given as a range and reports every reason", () => {
    const rules = [
      ["RuleType", "ValidFor", "Account", "RiskGroup", "Kind", "ValueType", "Value", "Threshold", "ReleaseOrder"],
      ["DaysOverdue", "All", null, null, "Blocking", "Days", 60, null, null],
      ["SalesOrderAmount", "All", null, null, "Blocking", "Amount", 500, null, null],
    ];
    expect(run("C2", 1000, { rules })[1]?.slice(0, 2)).toEqual(["HOLD", "DaysOverdue; SalesOrderAmount"]);
  });

  it("a release-order exclusion returns RELEASED", () => {
    const rules = [["RuleType", "Kind", "Value", "ReleaseOrder"], ["SalesOrderAmount", "Exclusion", 100, "Yes"]];
    expect(run("C3", 50, { rules })[1]?.slice(0, 2)).toEqual(["RELEASED", "Mandatory"]);
  });

  it("counts open orders and converts through the rates range", () => {
    const orders = [["Order", "Customer", "Amount", "Currency", "PackingSlipAmount"], ["SO1", "C1", 1100, "EUR", 0]];
    const rates = [["Currency", "Date", "Rate"], ["EUR", "2024-01-01", 1.1]];
    const options = [["AccountingCurrency", "USD"]];
    expect(run("C1", 0, { orders, rates, options })[1]).toEqual(["OK", "", 10_000, 3210, 6790, "USD"]);
  });

  it("the Excel entry point defaults asOf to today and turns errors into #VALUE! messages", () => {
    expect(creditcheck("C1", 1, CUSTOMERS, LEDGER, undefined, undefined, GROUPS)[0]).toEqual(HEADER);
    expect(() => creditcheck("ZZ", 1, CUSTOMERS, LEDGER)).toThrow("customer 'ZZ' is not in the customers range");
  });
});

describe("CC.CREDITCHECK: invalid input", () => {
  it("refuses an unknown rule type, naming the row and column", () => {
    const rules = [["RuleType", "Value"], ["DaysLate", 5]];
    expect(() => run("C1", 1, { rules })).toThrow(/rules row 2, RuleType: 'DaysLate' is not one of/);
  });
  it("refuses a credit group that does not exist", () => {
    expect(() => run("C1", 1, { groups: [["CreditGroup", "CreditLimit"], ["H", 1]] })).toThrow(/customers row 2, CreditGroup: credit group 'G' is not in the credit groups range/);
  });
  it("refuses a limit in an unknown currency", () => {
    const customers = [["Customer", "Currency", "CreditLimit"], ["C1", "XYZ", 100]];
    expect(() => run("C1", 1, { customers, groups: null })).toThrow(/customers row 2, Currency: 'XYZ' is not an ISO 4217/);
  });
  it("refuses a customer not in the customers range", () => {
    expect(() => run("NOPE", 1)).toThrow(/customer 'NOPE' is not in the customers range/);
  });
  it("refuses a value type that does not fit its rule type, and an account on an All rule", () => {
    const rules = [["RuleType", "ValidFor", "Account", "ValueType", "Value"], ["DaysOverdue", "All", "C1", "Amount", 5]];
    expect(() => run("C1", 1, { rules })).toThrow(/Account: a rule valid for All names no Account \(and 1 more error\)/);
  });
  it("refuses an order amount with too many decimals and an unknown option", () => {
    expect(() => run("C1", 1.005)).toThrow(/orderAmount: 1.005 has more than 2 decimals/);
    expect(() => run("C1", 1, { options: [["Colour", "red"]] })).toThrow(/'Colour' is not an option/);
  });
});

describe("CC.CREDITCHECKPOINT: W7 through the function", () => {
  const CPS = [["Checkpoint", "Posting", "ProForma", "GraceDays"], ["Confirmation", "Yes", "No", 2], ["Packing slip", "Yes", "No", 0], ["Invoice", "Yes", "No", 0]];
  it.each([
    ["PackingSlip", "2024-01-02", false],
    ["PackingSlip", "2024-01-03", false],
    ["Invoice", "2024-01-04", true],
  ] as const)("confirmed 2024-01-01 with 2 grace days: %s on %s checks = %s", (step, day, expected) => {
    expect(checkpointFunction(CPS, step, day, "Confirmation", "2024-01-01", null)).toBe(expected);
  });
  it("checks without a previous pass, and refuses grace days on one posting checkpoint only", () => {
    expect(checkpointFunction(CPS, "Confirmation", "2024-01-01", null, null, null)).toBe(true);
    const bad = [["Checkpoint", "Posting", "GraceDays"], ["Confirmation", "Yes", 2], ["Invoice", "Yes", null]];
    expect(() => checkpointFunction(bad, "Invoice", "2024-01-04", null, null, null)).toThrow(/checkpoints row 3, GraceDays/);
    expect(() => checkpointFunction(CPS, "Shipping", "2024-01-04", null, null, null)).toThrow(/'Shipping' is not one of/);
  });
  it("an order amount of 0 checks the exposure as it stands; a blank one is an error (issue #11)", () => {
    expect(run("C1", 0)[1]).toEqual(["OK", "", 10_000, 2000, 8000, "USD"]);
    expect(() => run("C1", null as unknown as number)).toThrow(/orderAmount: is blank/);
  });
});

describe("CC.CREDITCHECK on a full ledger: only the customer's and its group's rows are kept", () => {
  const rng = new Prng(5);
  const ledger: unknown[][] = [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"]];
  for (let i = 0; i < 600; i++) {
    const payment = rng.next() < 0.2;
    const date = 45400 - rng.int(0, 200);
    ledger.push([`K${rng.int(1, 12)}`, `V${i}`, payment ? "Payment" : "Invoice", date, date + 30, (payment ? -1 : 1) * rng.int(100, 90000) / 100, rng.next() < 0.8 ? "USD" : "EUR"]);
  }
  const customers: unknown[][] = [["Customer", "Currency", "CreditLimit", "CreditGroup"]];
  for (let k = 1; k <= 12; k++) customers.push([`K${k}`, k % 4 === 0 ? "EUR" : "USD", k * 4000, k % 3 === 0 ? null : `G${k % 3}`]);
  const groups = [["CreditGroup", "CreditLimit", "Currency"], ["G1", 60_000, "USD"], ["G2", 50_000, "EUR"]];
  const rates = [["Currency", "Date", "Rate"], ["EUR", 45000, 1.1]];
  const orders = [["Order", "Customer", "Amount", "Currency", "PackingSlipAmount", "Status"], ["SO1", "K1", 500, "USD", 0, "Open"], ["SO2", "K4", 700, "EUR", 0, "Open"], ["SO3", "K2", 900, "USD", 100, "Open"]];
  const rules = [["RuleType", "ValidFor", "Kind", "Value"], ["DaysOverdue", "All", "Blocking", 60], ["CreditLimitUsed", "All", "Blocking", 90]];

  it.each(["K1", "K2", "K3", "K4", "K6", "K12"])("checks %s's order as the whole ledger's book does", (customer) => {
    const asOfSerial = 45400;
    const target = unwrap(readCustomers(customers)).find((c) => c.customer === customer);
    if (target === undefined) throw new Error("no customer");
    // A table, or the message of the error (an EUR customer's USD items have no rate here).
    const outcome = (f: () => unknown): unknown => {
      try {
        return f();
      } catch (e) {
        return (e as Error).message;
      }
    };
    const expected = outcome(() => {
      const whole = unwrap(readCreditInputs({ customers, transactions: ledger, orders, rules, groups, rates }, { asOfSerial, accountingCurrency: target.currency }));
      return creditCheckTable(unwrap(checkCredit(whole.book, { customer, amountMinor: 1234_00, currency: target.currency }, whole.rules, { checkGroupLimit: true, ignoreBlankExpiry: true })));
    });
    expect(outcome(() => creditCheckFunction({ customer, orderAmount: 1234, customers, transactions: ledger, orders, rules, groups, rates, asOf: asOfSerial }))).toEqual(expected);
  });
});
