import { serialFromYmd } from "../../src/domain/dates";
import { unwrap } from "../../src/domain/errors";
import { readCheckpoints } from "../../src/workbook/credit-checkpoints";
import { readCreditGroups, readTemporaryLimits } from "../../src/workbook/credit-groups";
import { holdListTable, holdLogTable, readHolds } from "../../src/workbook/credit-holds";
import { readRules } from "../../src/workbook/credit-rules";
import { readCustomers } from "../../src/workbook/customers";
import { readOrders } from "../../src/workbook/orders";

const codes = (r: { ok: boolean; errors?: readonly { code: string }[] }) => (r.ok ? [] : (r.errors ?? []).map((e) => e.code));

describe("readCustomers", () => {
  it("reads every column with aliases, blank limit = 0, flags as yes/no", () => {
    const out = unwrap(readCustomers([
      ["Cust", "Name", "Currency", "Credit limit", "Expiry", "Unlimited", "Mandatory", "Credit group", "Customer group", "Risk group", "Account status", "Terms", "Cash discount", "Customer since", "Exclude", "Insurance", "Insurance %", "Insurance in exposure", "Pool", "Agent", "Country"],
      [2050, "Acme", "jpy", 1000, "2025-01-31", "no", "Y", "G1", "Retail", "High", "Good", "Net30", "D2", "2015-01-01", "", 500, "50%", "yes", "P1", "Ann", "SE"],
      ["C2", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
    ]));
    expect(out[0]).toEqual({
      customer: "2050", name: "Acme", currency: "JPY", creditLimitMinor: 1000, creditLimitExpirySerial: serialFromYmd(2025, 1, 31), unlimited: false, mandatory: true,
      creditGroup: "G1", customerGroup: "Retail", riskGroup: "High", accountStatus: "Good", paymentTerms: "Net30", cashDiscount: "D2", customerSinceSerial: serialFromYmd(2015, 1, 1),
      excludeFromCreditManagement: false, insuranceMinor: 500, insurancePct: 50, insuranceInExposure: true, pool: "P1", agent: "Ann", row: 2,
    });
    expect(out[1]).toEqual({ customer: "C2", currency: "", creditLimitMinor: 0, unlimited: false, mandatory: false, excludeFromCreditManagement: false, insuranceInExposure: false, row: 3 });
  });
  it("invalid input: duplicates, unknown currency, text limits, both flags, insurance without percent", () => {
    const r = readCustomers([
      ["Customer", "Currency", "CreditLimit", "Unlimited", "Mandatory", "Insurance"],
      ["A", "USD", 1, null, null, null],
      ["A", "XYZ", "lots", "yes", "yes", 5],
      [null, "USD", -5, null, null, null],
    ]);
    expect(codes(r)).toEqual(["customer_must_appear_once", "currency_must_be_known", "credit_limit_must_be_an_amount", "unlimited_and_mandatory_must_not_both_be_set", "insurance_needs_value_and_percent", "customer_must_not_be_blank", "credit_limit_must_not_be_negative"]);
    if (!r.ok) expect(r.errors[2]).toMatchObject({ table: "customers", row: 3, column: "CreditLimit" });
    expect(codes(readCustomers([["Name"], ["x"]]))).toEqual(["required_column_missing"]);
  });
});

describe("readOrders", () => {
  it("reads orders; blank status = Open, blank packing slip = 0, status aliases", () => {
    const out = unwrap(readOrders([["Order", "Customer", "Amount", "Currency", "Terms", "PackingSlipAmount", "Status"], ["SO1", "C1", 100.5, "USD", "Net30", 20, null], ["SO2", "C1", 5, "USD", null, null, "Canceled"]]));
    expect(out).toEqual([
      { order: "SO1", customer: "C1", amountMinor: 10050, currency: "USD", paymentTerms: "Net30", packingSlipMinor: 2000, status: "Open", row: 2 },
      { order: "SO2", customer: "C1", amountMinor: 500, currency: "USD", packingSlipMinor: 0, status: "Cancelled", row: 3 },
    ]);
  });
  it("invalid input: duplicate order, blank customer, bad status, too many decimals", () => {
    expect(codes(readOrders([["Order", "Customer", "Amount", "Status"], ["1", "C", 1, null], ["1", null, 1.234, "Shipped?"]]))).toEqual(["order_must_appear_once", "customer_must_not_be_blank", "amount_must_be_an_amount", "status_must_be_one_of"]);
  });
});

describe("readCreditGroups and readTemporaryLimits", () => {
  it("reads groups and temporary limits in the owner's currency", () => {
    expect(unwrap(readCreditGroups([["Group", "Limit", "Currency", "Expiry"], ["G", 15000, "KWD", "2025-12-31"]]))).toEqual([{ creditGroup: "G", creditLimitMinor: 15_000_000, currency: "KWD", creditLimitExpirySerial: serialFromYmd(2025, 12, 31), row: 2 }]);
    const temps = unwrap(readTemporaryLimits([["Customer", "CreditGroup", "CreditLimit", "From", "To"], ["C1", null, 500, "2024-01-01", "2024-01-31"], [null, "G", 7, "2024-02-01", "2024-02-02"]], { currencyOf: (owner) => (owner === "Group" ? "JPY" : "USD") }));
    expect(temps.map((t) => [t.owner, t.account, t.creditLimitMinor])).toEqual([["Customer", "C1", 50000], ["Group", "G", 7]]);
  });
  it("invalid input: duplicate group, blank limit, both owners, To before From", () => {
    expect(codes(readCreditGroups([["CreditGroup", "CreditLimit"], ["G", 1], ["G", null]]))).toEqual(["credit_group_must_appear_once", "credit_limit_must_not_be_blank"]);
    expect(codes(readTemporaryLimits([["Customer", "CreditGroup", "CreditLimit", "From", "To"], ["C", "G", 1, "2024-01-01", "2024-01-02"], ["C", null, 1, "2024-01-05", "2024-01-02"]]))).toEqual(["temporary_limit_needs_one_owner", "to_must_not_be_before_from"]);
  });
});

describe("readRules", () => {
  const H = ["RuleType", "ValidFor", "Account", "RiskGroup", "Kind", "ValueType", "Value", "Threshold", "ReleaseOrder"];
  it("reads the issue's header with defaults for blank cells", () => {
    const out = unwrap(readRules([H, ["DaysOverdue", null, null, null, null, null, 60, null, null], ["OverdueAmount", "Group", "Retail", "High", "Exclusion", "Amount", "1000.50", "80%", "yes"], ["AccountStatus", "Customer", "C1", null, "Blocking", null, "On hold", null, null]]));
    expect(out).toEqual([
      { ruleType: "DaysOverdue", validFor: "All", kind: "Blocking", valueType: "Days", value: "60", releaseOrder: false, row: 2 },
      { ruleType: "OverdueAmount", validFor: "Group", account: "Retail", riskGroup: "High", kind: "Exclusion", valueType: "Amount", value: "1000.5", thresholdPct: 80, releaseOrder: true, row: 3 },
      { ruleType: "AccountStatus", validFor: "Customer", account: "C1", kind: "Blocking", valueType: "Text", value: "On hold", releaseOrder: false, row: 4 },
    ]);
  });
  it("invalid input: unknown type, level and kind; bad values; misplaced threshold and release", () => {
    const r = readRules([
      H,
      ["Overdue", null, null, null, null, null, 1, null, null],
      ["DaysOverdue", "Region", null, null, "Maybe", null, 1, null, null],
      ["DaysOverdue", "Customer", null, null, null, null, 1.5, 10, "yes"],
      ["CreditLimitUsed", null, null, null, null, "Days", "lots", null, null],
      [null, null, null, null, null, null, 1, null, null],
    ]);
    expect(codes(r)).toEqual([
      "rule_type_must_be_one_of",
      "valid_for_must_be_one_of", "kind_must_be_one_of",
      "account_must_not_be_blank", "release_order_needs_an_exclusion", "value_must_be_whole_days", "threshold_only_for_overdue_amount",
      "value_type_must_fit_rule_type", "value_must_be_a_number",
      "rule_type_must_not_be_blank",
    ]);
  });
});

describe("readCheckpoints", () => {
  it("reads steps with aliases and validates grace days", () => {
    expect(unwrap(readCheckpoints([["Checkpoint", "Posting", "ProForma", "GraceDays"], ["Confirmation", "yes", "no", 2], ["Packing slip", "yes", "yes", 0]]))).toEqual([
      { step: "Confirmation", posting: true, proForma: false, graceDays: 2, row: 2 },
      { step: "PackingSlip", posting: true, proForma: true, graceDays: 0, row: 3 },
    ]);
    const r = readCheckpoints([["Checkpoint", "Posting", "GraceDays"], ["Confirmation", "yes", 2], ["Invoice", "yes", null], ["Shipping", "yes", -1]]);
    expect(codes(r)).toEqual(["checkpoint_must_be_one_of", "grace_days_must_be_whole_days"]);
    const one = readCheckpoints([["Checkpoint", "Posting", "GraceDays"], ["Confirmation", "yes", 2], ["Invoice", "yes", null]]);
    expect(one.ok ? null : one.errors[0]).toMatchObject({ code: "grace_days_must_be_on_all_posting_checkpoints", row: 3, column: "GraceDays" });
  });
});

describe("holdLogTable", () => {
  it("writes one row per entry under the hold-log header", () => {
    expect(holdLogTable([{ order: "SO1", customer: "C", action: "Release", reason: "Paid", status: "Released", dateSerial: serialFromYmd(2024, 6, 30), reasons: "" }])).toEqual([
      ["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons"],
      ["SO1", "C", "Release", "Paid", "Released", "2024-06-30", ""],
    ]);
  });
});

describe("readHolds and holdListTable", () => {
  it("round-trips a hold list through its sheet table", () => {
    const holds = [
      { order: "SO1", customer: "C", amountMinor: 12345, currency: "USD", status: "Hold" as const, reasons: ["CreditLimit" as const, "Manual" as const], forced: true, step: "PackingSlip" as const },
      { order: "SO2", customer: "D", amountMinor: 500, currency: "JPY", status: "Released" as const, reasons: [], forced: false, releasedAmountMinor: 500 },
    ];
    const table = holdListTable(holds);
    expect(table[1]).toEqual(["SO1", "C", 123.45, "USD", "Hold", "CreditLimit; Manual", true, "PackingSlip", ""]);
    expect(unwrap(readHolds(table))).toEqual(holds);
  });
  it("invalid input: unknown reasons and statuses, blank status", () => {
    const r = readHolds([["Order", "Customer", "Amount", "Status", "Reasons"], ["1", "C", 1, "Limbo", "CreditLimit; Vibes"], ["2", "C", 1, null, null]]);
    expect(codes(r)).toEqual(["reasons_must_be_known", "status_must_be_one_of", "status_must_not_be_blank"]);
  });
});
