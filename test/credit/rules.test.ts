import { checkCredit } from "../../src/domain/credit/check";
import type { BlockingRule } from "../../src/domain/credit/types";
import { validateRules } from "../../src/domain/credit/validate-rules";
import { serialFromYmd } from "../../src/domain/dates";
import { unwrap } from "../../src/domain/errors";
import { AS_OF, book, customer, invoice, rule } from "./fixtures";

const C = customer({ customer: "C", creditLimitMinor: 1_000_000, customerGroup: "Retail", riskGroup: "High", accountStatus: "Watch", paymentTerms: "Net30", creditLimitExpirySerial: AS_OF - 10 });

const block = (p: Partial<BlockingRule> & Pick<BlockingRule, "ruleType" | "value">) => rule(p);
const excl = (p: Partial<BlockingRule> & Pick<BlockingRule, "ruleType" | "value">) => rule({ kind: "Exclusion", ...p });

// Each row: what it shows, the rules, days the oldest item is overdue, the order, expected status and reasons.
const TABLE: [string, BlockingRule[], number, number, string, string][] = [
  ["no rules: only the limit", [], 75, 100, "OK", ""],
  ["a block above 60 days holds at 75 days", [block({ ruleType: "DaysOverdue", value: "60" })], 75, 100, "HOLD", "DaysOverdue"],
  ["a block above 60 days passes at exactly 60 days", [block({ ruleType: "DaysOverdue", value: "60" })], 60, 100, "OK", ""],
  ["a Customer exclusion up to 90 cancels an All block above 60 at 75", [block({ ruleType: "DaysOverdue", value: "60" }), excl({ ruleType: "DaysOverdue", value: "90", validFor: "Customer", account: "C" })], 75, 100, "OK", ""],
  ["the same exclusion does not cancel at 95 days", [block({ ruleType: "DaysOverdue", value: "60" }), excl({ ruleType: "DaysOverdue", value: "90", validFor: "Customer", account: "C" })], 95, 100, "HOLD", "DaysOverdue"],
  ["a Group exclusion cancels an All block", [block({ ruleType: "DaysOverdue", value: "60" }), excl({ ruleType: "DaysOverdue", value: "90", validFor: "Group", account: "Retail" })], 75, 100, "OK", ""],
  ["an exclusion never cancels a block at its own level", [block({ ruleType: "DaysOverdue", value: "60" }), excl({ ruleType: "DaysOverdue", value: "90" })], 75, 100, "HOLD", "DaysOverdue"],
  ["an exclusion never cancels a more specific block", [block({ ruleType: "DaysOverdue", value: "60", validFor: "Customer", account: "C" }), excl({ ruleType: "DaysOverdue", value: "90", validFor: "Group", account: "Retail" })], 75, 100, "HOLD", "DaysOverdue"],
  ["an exclusion of another rule type does not cancel", [block({ ruleType: "DaysOverdue", value: "60" }), excl({ ruleType: "SalesOrderAmount", value: "1000", validFor: "Customer", account: "C" })], 75, 100, "HOLD", "DaysOverdue"],
  ["a release-order exclusion that holds releases everything and stops", [block({ ruleType: "DaysOverdue", value: "60" }), excl({ ruleType: "SalesOrderAmount", value: "50000", releaseOrder: true })], 75, 20_000, "RELEASED", "CreditLimit"],
  ["a release-order exclusion that does not hold releases nothing", [block({ ruleType: "DaysOverdue", value: "60" }), excl({ ruleType: "SalesOrderAmount", value: "50", releaseOrder: true })], 75, 100, "HOLD", "DaysOverdue"],
  ["a risk-group filter that does not match skips the rule", [block({ ruleType: "DaysOverdue", value: "60", riskGroup: "Low" })], 75, 100, "OK", ""],
  ["a risk-group filter that matches applies", [block({ ruleType: "DaysOverdue", value: "60", riskGroup: "high" })], 75, 100, "HOLD", "DaysOverdue"],
  ["a rule for another customer does not apply", [block({ ruleType: "DaysOverdue", value: "0", validFor: "Customer", account: "D" })], 75, 100, "OK", ""],
  ["AccountStatus holds when the status equals", [block({ ruleType: "AccountStatus", value: "watch" })], 0, 100, "HOLD", "AccountStatus"],
  ["PaymentTerms holds on the order's terms", [block({ ruleType: "PaymentTerms", value: "Net90" })], 0, 100, "HOLD", "PaymentTerms"],
  ["CreditLimitExpired: expired 10 days ago, block above 5 days", [block({ ruleType: "CreditLimitExpired", value: "5" })], 0, 100, "HOLD", "CreditLimitExpired"],
  ["CreditLimitExpired: expired 10 days ago, block above 30 days", [block({ ruleType: "CreditLimitExpired", value: "30" })], 0, 100, "OK", ""],
  ["OverdueAmount needs both the amount and the usage threshold: usage too low", [block({ ruleType: "OverdueAmount", value: "100", thresholdPct: 50 })], 10, 100, "OK", ""],
  ["OverdueAmount with usage including the order above the threshold", [block({ ruleType: "OverdueAmount", value: "100", thresholdPct: 50 })], 10, 4000.01, "HOLD", "OverdueAmount"],
  ["SalesOrderAmount above the amount", [block({ ruleType: "SalesOrderAmount", value: "999.99" })], 0, 1000, "HOLD", "SalesOrderAmount"],
  ["SalesOrderAmount exactly the amount passes", [block({ ruleType: "SalesOrderAmount", value: "1000" })], 0, 1000, "OK", ""],
  ["a SalesOrderAmount exclusion up to exactly the order amount cancels a block", [block({ ruleType: "SalesOrderAmount", value: "10" }), excl({ ruleType: "SalesOrderAmount", value: "1000", validFor: "Customer", account: "C" })], 0, 1000, "OK", ""],
  ["CreditLimitUsed counts the order: 1,000 + 8,001 > 90%", [block({ ruleType: "CreditLimitUsed", value: "90" })], 0, 8001, "HOLD", "CreditLimitUsed"],
  ["CreditLimitUsed exactly 90% passes", [block({ ruleType: "CreditLimitUsed", value: "90" })], 0, 8000, "OK", ""],
  ["several reasons and the limit", [block({ ruleType: "DaysOverdue", value: "60" }), block({ ruleType: "SalesOrderAmount", value: "10" })], 75, 20_000, "HOLD", "CreditLimit; DaysOverdue; SalesOrderAmount"],
];

describe("rule precedence (docs/domain.md §5.3)", () => {
  it.each(TABLE)("%s", (_what, rules, days, orderMajor, status, reasons) => {
    const b = book({ customers: [C, customer({ customer: "D" })], transactions: [invoice("C", 1000, days)] });
    const r = unwrap(checkCredit(b, { customer: "C", amountMinor: Math.round(orderMajor * 100), paymentTerms: "Net90" }, rules));
    expect([r.status, r.reasons.join("; ")]).toEqual([status, reasons]);
  });

  it("records which exclusion cancelled a block", () => {
    const cancel = excl({ ruleType: "DaysOverdue", value: "90", validFor: "Customer", account: "C" });
    const b = book({ customers: [C], transactions: [invoice("C", 1000, 75)] });
    const r = unwrap(checkCredit(b, { customer: "C", amountMinor: 100 }, [block({ ruleType: "DaysOverdue", value: "60" }), cancel]));
    expect(r.rules.find((o) => o.rule.kind === "Blocking")).toMatchObject({ measured: "75", holds: false, cancelledBy: cancel });
  });

  it("a blank expiry is ignored by default and blocks when IgnoreBlankExpiry is off", () => {
    const b = book({ customers: [customer({ customer: "E", creditLimitMinor: 100_000 })] });
    const rules = [block({ ruleType: "CreditLimitExpired", value: "0" })];
    expect(unwrap(checkCredit(b, { customer: "E", amountMinor: 1 }, rules)).status).toBe("OK");
    expect(unwrap(checkCredit(b, { customer: "E", amountMinor: 1 }, rules, { ignoreBlankExpiry: false })).reasons).toEqual(["CreditLimitExpired"]);
  });
});

describe("payment-terms and cash-discount ranks", () => {
  const ranks = new Map([["net10", 1], ["net30", 2], ["net60", 3]]);
  const discounts = new Map([["d1", 1], ["d2", 2]]);
  const b = book({ customers: [customer({ customer: "C", creditLimitMinor: 1_000_000, paymentTerms: "Net30", cashDiscount: "D1" })] });
  it.each([
    ["Net60", "D1", "PaymentTermsRank"],
    ["Net30", "D1", ""],
    ["Net10", "D2", "CashDiscountRank"],
    ["Net60", "D2", "PaymentTermsRank; CashDiscountRank"],
  ])("order terms %s and discount %s -> %s", (paymentTerms, cashDiscount, reasons) => {
    const r = unwrap(checkCredit(b, { customer: "C", amountMinor: 1, paymentTerms, cashDiscount }, [], { paymentTermsRanks: ranks, cashDiscountRanks: discounts }));
    expect(r.reasons.join("; ")).toBe(reasons);
  });
  it("ties pass", () => {
    const tied = new Map([["net30", 2], ["net45", 2]]);
    expect(unwrap(checkCredit(b, { customer: "C", amountMinor: 1, paymentTerms: "Net45" }, [], { paymentTermsRanks: tied })).status).toBe("OK");
  });
});

describe("rule references", () => {
  it("refuses a Customer rule for an unknown customer and a Group rule for an unknown group", () => {
    const r = validateRules([rule({ ruleType: "DaysOverdue", value: "1", validFor: "Customer", account: "X", row: 2 }), rule({ ruleType: "DaysOverdue", value: "1", validFor: "Group", account: "Nope", row: 3 })], [C]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.code, e.row])).toEqual([["rule_account_must_exist", 2], ["rule_group_must_exist", 3]]);
  });
  it("dates: the as-of fixture is mid-2024", () => expect(AS_OF).toBe(serialFromYmd(2024, 6, 30)));
});
