import { creditReview } from "../../src/workbook/credit-review";
import { serialFromYmd } from "../../src/domain/dates";
import { unwrap } from "../../src/domain/errors";
import { book, customer, invoice, order, rule } from "./fixtures";
import { checkOrders } from "../../src/domain/credit/batch";

const AS_OF = serialFromYmd(2024, 6, 30);

describe("credit review from ranges (CLI and task pane)", () => {
  const customers = [["Customer", "CreditLimit", "Currency", "CreditGroup"], ["A", 1000, "USD", "G"], ["B", 5000, "USD", "G"]];
  const groups = [["CreditGroup", "CreditLimit", "Currency"], ["G", 4000, "USD"]];
  const transactions = [["Customer", "Amount", "DueDate", "Currency"], ["A", 600, "2024-03-01", "USD"], ["B", 2000, "2024-06-01", "USD"]];
  const orders = [["Order", "Customer", "Amount", "Currency", "Status"], ["SO1", "A", 300, "USD", null], ["SO2", "B", 500, "USD", "Hold"], ["SO3", "B", 9, "USD", "Invoiced"]];
  const rules = [["RuleType", "Value"], ["DaysOverdue", 90]];

  it("checks every open order and writes the review table", () => {
    const review = unwrap(creditReview({ customers, transactions, orders, rules, groups }, { asOfSerial: AS_OF }));
    expect(review.table).toEqual([
      ["Order", "Customer", "Amount", "OrderCurrency", "Status", "Reasons", "Limit", "Exposure", "Available", "Currency"],
      ["SO1", "A", 300, "USD", "HOLD", "DaysOverdue", 1000, 900, 100, "USD"],
      ["SO2", "B", 500, "USD", "OK", "", 4000, 3400, 600, "USD"],
    ]);
    expect(review.batch.skipped.map((o) => o.order)).toEqual(["SO3"]);
  });

  it("collects the errors of every range before giving up", () => {
    const r = creditReview({ customers: [["Customer", "CreditLimit"], ["A", "x"]], transactions, orders: [["Order", "Customer", "Amount"], ["1", "A", "y"]] }, { asOfSerial: AS_OF });
    expect(r.ok ? [] : r.errors.map((e) => `${e.table ?? ""}:${e.code}`)).toEqual(["customers:credit_limit_must_be_an_amount", "orders:amount_must_be_an_amount"]);
  });
});

describe("benchmark scale", () => {
  it("checks 100,000 orders against a 1,048,575-row ledger without a per-order ledger scan", () => {
    const customers = Array.from({ length: 5000 }, (_, i) => customer({ customer: `C${i}`, creditLimitMinor: 10_000_000}));
    const transactions = new Array(1_048_575);
    for (let i = 0; i < transactions.length; i++) transactions[i] = invoice(`C${i % 5000}`, (i % 97) + 1, (i % 150) - 20);
    const orders = Array.from({ length: 100_000 }, (_, i) => order(`O${i}`, `C${(i * 7) % 5000}`, (i % 50) + 1));
    const batch = unwrap(checkOrders(book({ customers, transactions, orders }), [rule({ ruleType: "DaysOverdue", value: "120" })]));
    expect(batch.checked).toHaveLength(100_000);
    // Customer k's oldest item is 80 + (k mod 50) days overdue: held above 120 days.
    expect(batch.checked.every((c) => c.result.reasons.includes("DaysOverdue") === Number(c.order.customer.slice(1)) % 50 > 40)).toBe(true);
  });
});
