import fc from "fast-check";
import { postAdjustments } from "../../src/domain/credit/adjustments/apply";
import { generateAdjustments } from "../../src/domain/credit/adjustments/generate";
import { adjustmentJournal } from "../../src/domain/credit/adjustments/journal";
import { customerAttributes, wholeYears } from "../../src/domain/credit/risk/attributes";
import { proposeAutomaticLimits } from "../../src/domain/credit/risk/auto-limits";
import { riskScore, type ScoringGroup } from "../../src/domain/credit/risk/score";
import { serialFromYmd } from "../../src/domain/dates";
import { adjustmentLinesTable, readAdjustments } from "../../src/workbook/credit-adjustments";
import { readAutomaticLimits, readRiskGroups, readScoringGroups } from "../../src/workbook/credit-risk";
import { unwrap } from "../../src/domain/errors";
import { AS_OF, customer, group } from "./fixtures";

const A = customer({ customer: "A", creditLimitMinor: 1_000_000 });
const J = customer({ customer: "J", currency: "JPY", creditLimitMinor: 1_234_567 });
const U = customer({ customer: "U", unlimited: true });

describe("adjustment generator", () => {
  it("percent change rounded up to 1,000 with a relative expiry", () => {
    const lines = unwrap(generateAdjustments([A, J, U], { method: "Percent", value: "15", roundingValue: "1000", direction: "Up", type: "Normal", expiry: { months: 12 }, asOfSerial: AS_OF, reason: "Annual review" }));
    expect(lines.map((l) => [l.account, l.newLimitMinor, l.expirySerial])).toEqual([
      ["A", 1_200_000, serialFromYmd(2025, 6, 30)],
      ["J", 1_420_000, serialFromYmd(2025, 6, 30)],
    ]);
  });
  it("fixed change rounded down to 10.00, never below 0, absolute expiry", () => {
    const lines = unwrap(generateAdjustments([A, customer({ customer: "B", creditLimitMinor: 50_000 })], { method: "Fixed", value: "-1234.56", roundingValue: "10", direction: "Down", type: "Normal", expiry: { serial: AS_OF + 90 }, asOfSerial: AS_OF, reason: "Cut" }));
    expect(lines.map((l) => [l.newLimitMinor, l.expirySerial])).toEqual([[876_000, AS_OF + 90], [0, AS_OF + 90]]);
  });
  it("temporary lines carry From and To", () => {
    const [line] = unwrap(generateAdjustments([A], { method: "Percent", value: "100", type: "Temporary", fromSerial: AS_OF, toSerial: AS_OF + 30, asOfSerial: AS_OF, reason: "Season" }));
    expect(line).toMatchObject({ type: "Temporary", newLimitMinor: 2_000_000, fromSerial: AS_OF, toSerial: AS_OF + 30 });
  });
  it("nearest rounding lands on a multiple of the rounding value (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: -50, max: 200 }), (limit, pct) => {
      const [l] = unwrap(generateAdjustments([customer({ customer: "P", creditLimitMinor: limit })], { method: "Percent", value: String(pct), roundingValue: "10", direction: "Nearest", type: "Normal", asOfSerial: AS_OF, reason: "x" }));
      return l !== undefined && l.newLimitMinor % 1000 === 0 && l.newLimitMinor >= 0;
    }));
  });
});

describe("adjustment journals", () => {
  const lines = unwrap(generateAdjustments([A], { method: "Fixed", value: "500", type: "Normal", expiry: { serial: AS_OF + 365 }, asOfSerial: AS_OF, reason: "Raise" }));
  it("posts Normal and Temporary lines onto the limits and refuses a second posting", () => {
    const journal = unwrap(adjustmentJournal([...lines, { target: "Group", account: "G", type: "Temporary", newLimitMinor: 99, currency: "USD", fromSerial: AS_OF, toSerial: AS_OF + 5, reason: "Peak" }], AS_OF));
    const limits = { customers: [A], groups: [group("G", 1)], temporaryLimits: [] };
    const after = unwrap(postAdjustments(journal, limits, new Set()));
    expect(after.customers[0]).toMatchObject({ creditLimitMinor: 1_050_000, creditLimitExpirySerial: AS_OF + 365 });
    expect(after.temporaryLimits).toMatchObject([{ owner: "Group", account: "G", creditLimitMinor: 99 }]);
    const again = postAdjustments(journal, limits, new Set([journal.journalId]));
    expect(again.ok ? "" : again.errors[0]?.code).toBe("journal_must_not_be_posted_twice");
    expect(unwrap(adjustmentJournal(lines, AS_OF)).journalId).toBe(unwrap(adjustmentJournal(lines, AS_OF)).journalId);
  });
  it("refuses unknown accounts, wrong currencies, negative limits and temporary lines without a period", () => {
    const bad = unwrap(adjustmentJournal([{ ...lines[0]!, account: "NOPE" }, { ...lines[0]!, currency: "EUR" }], AS_OF));
    const r = postAdjustments(bad, { customers: [A], groups: [], temporaryLimits: [] }, new Set());
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(["adjustment_account_must_exist", "adjustment_currency_must_match"]);
    const j = adjustmentJournal([{ ...lines[0]!, newLimitMinor: -1 }, { target: "Customer", account: "A", type: "Temporary", newLimitMinor: 1, currency: "USD", reason: "x" }], AS_OF);
    expect(j.ok ? [] : j.errors.map((e) => e.code)).toEqual(["credit_limit_must_not_be_negative", "temporary_limit_needs_a_period"]);
    expect(generateAdjustments([A], { method: "Fixed", value: "ten", type: "Normal", asOfSerial: AS_OF, reason: "x" }).ok).toBe(false);
  });
});

describe("risk scoring and automatic limits", () => {
  const groups: ScoringGroup[] = [
    { name: "Tenure", attribute: "yearsAsCustomer", bands: [{ from: 0, to: 2, points: 0 }, { from: 2, to: 5, points: 10 }, { from: 5, points: 20 }] },
    { name: "DSO", attribute: "dso", bands: [{ to: 45, points: 30 }, { from: 45, to: 90, points: 10 }, { from: 90, points: 0 }] },
    { name: "Status", attribute: "accountStatus", bands: [{ values: ["Good", "Preferred"], points: 10 }, { values: ["Watch"], points: -20 }] },
  ];
  const riskGroups = [{ riskGroup: "High", fromScore: -100, toScore: 19 }, { riskGroup: "Medium", fromScore: 20, toScore: 39 }, { riskGroup: "Low", fromScore: 40, toScore: 100 }];
  it("sums the points of each group and maps the score to a risk group", () => {
    const c = customer({ customer: "R", customerSinceSerial: serialFromYmd(2018, 7, 1), accountStatus: "good" });
    const attrs = customerAttributes(c, undefined, AS_OF, { dso: 44.99 });
    expect(attrs["yearsAsCustomer"]).toBe(5);
    expect(unwrap(riskScore(attrs, groups, riskGroups))).toEqual({ score: 60, riskGroup: "Low", points: [{ group: "Tenure", points: 20 }, { group: "DSO", points: 30 }, { group: "Status", points: 10 }] });
    expect(unwrap(riskScore({ yearsAsCustomer: 1, accountStatus: "Watch" }, groups, riskGroups))).toMatchObject({ score: -20, riskGroup: "High" });
  });
  it("refuses overlapping risk groups", () => {
    const r = riskScore({}, groups, [...riskGroups, { riskGroup: "X", fromScore: 39, toScore: 45 }]);
    expect(r.ok ? "" : r.errors[0]?.code).toBe("risk_groups_must_not_overlap");
  });
  it("proposes the suggested limit as an adjustment line only when it changes", () => {
    const rules = [
      { riskGroup: "Low", currency: "USD", maxRevenueMinor: 10_000_000, limitMinor: 2_000_000 },
      { riskGroup: "Low", currency: "USD", limitMinor: 5_000_000 },
      { riskGroup: "Low", currency: "EUR", limitMinor: 7 },
    ];
    const lines = proposeAutomaticLimits(
      [{ customer: A, riskGroup: "Low", revenueMinor: 5_000_000 }, { customer: customer({ customer: "B", creditLimitMinor: 5_000_000 }), riskGroup: "Low", revenueMinor: 50_000_000 }, { customer: customer({ customer: "Z" }), riskGroup: "Low", revenueMinor: 20_000_000 }, { customer: U, riskGroup: "Low" }],
      rules,
      { reason: "Risk review" },
    );
    expect(lines.map((l) => [l.account, l.newLimitMinor, l.type, l.reason])).toEqual([["A", 2_000_000, "Normal", "Risk review"], ["Z", 5_000_000, "Normal", "Risk review"]]);
  });
  it("counts whole years", () => {
    expect(wholeYears(serialFromYmd(2020, 6, 30), serialFromYmd(2024, 6, 29))).toBe(3);
    expect(wholeYears(serialFromYmd(2020, 6, 30), serialFromYmd(2024, 6, 30))).toBe(4);
  });
});

describe("adjustment lines on a sheet", () => {
  it("round-trips the generator's proposal through its table", () => {
    const lines = unwrap(generateAdjustments([A, J], { method: "Percent", value: "10", type: "Normal", expiry: { months: 6 }, asOfSerial: AS_OF, reason: "Review" }));
    const temp = { target: "Group" as const, account: "G", type: "Temporary" as const, newLimitMinor: 150, currency: "USD", fromSerial: AS_OF, toSerial: AS_OF + 1, reason: "Peak" };
    const table = adjustmentLinesTable([...lines, temp]);
    expect(table[1]).toEqual(["Customer", "A", "Normal", 11_000, "USD", "", "", "2024-12-30", "Review"]);
    expect(unwrap(readAdjustments(table))).toEqual([...lines, temp]);
  });
  it("invalid input: blank reason, temporary without dates, unknown target", () => {
    const r = readAdjustments([["Target", "Account", "Type", "NewLimit", "Reason"], ["Customer", "A", "Normal", 1, null], ["Region", "A", "Temporary", 1, "x"]]);
    expect(r.ok ? [] : r.errors.map((e) => `${e.row}:${e.code}`)).toEqual(["2:reason_must_not_be_blank", "3:target_must_be_one_of", "3:from_must_not_be_blank", "3:to_must_not_be_blank"]);
  });
});

describe("risk tables", () => {
  it("reads scoring bands, risk groups and automatic limits, and scores with them", () => {
    const scoring = unwrap(readScoringGroups([["Group", "Attribute", "From", "To", "Values", "Points"], ["Tenure", "yearsAsCustomer", 0, 5, null, 0], ["Tenure", "yearsAsCustomer", 5, null, null, 20], ["Status", "accountStatus", null, null, "Good; Preferred", 10]]));
    expect(scoring).toEqual([
      { name: "Tenure", attribute: "yearsAsCustomer", bands: [{ from: 0, to: 5, points: 0 }, { from: 5, points: 20 }] },
      { name: "Status", attribute: "accountStatus", bands: [{ values: ["Good", "Preferred"], points: 10 }] },
    ]);
    const groups = unwrap(readRiskGroups([["RiskGroup", "FromScore", "ToScore"], ["High", -100, 19], ["Low", 20, 100]]));
    expect(unwrap(riskScore({ yearsAsCustomer: 7, accountStatus: "preferred" }, scoring, groups))).toMatchObject({ score: 30, riskGroup: "Low" });
    expect(unwrap(readAutomaticLimits([["RiskGroup", "Currency", "MaxRevenue", "CreditLimit"], ["Low", "JPY", 1_000_000, 500_000]]))).toEqual([{ riskGroup: "Low", currency: "JPY", maxRevenueMinor: 1_000_000, limitMinor: 500_000 }]);
  });
  it("invalid input: range and values together, To not above From, a group scoring two attributes, bad limits", () => {
    const s = readScoringGroups([["Group", "Attribute", "From", "To", "Values", "Points"], ["T", "a", 5, 1, "x", 1], ["T", "b", null, null, null, 1]]);
    expect(s.ok ? [] : s.errors.map((e) => e.code)).toEqual(["band_is_range_or_values", "to_must_be_above_from", "scoring_group_has_one_attribute"]);
    const g = readRiskGroups([["RiskGroup", "FromScore", "ToScore"], ["X", 5, 1]]);
    expect(g.ok ? "" : g.errors[0]?.code).toBe("to_score_must_not_be_below_from");
    const a = readAutomaticLimits([["RiskGroup", "Currency", "CreditLimit"], ["Low", "XYZ", 5], ["Low", "USD", "lots"]]);
    expect(a.ok ? [] : a.errors.map((e) => e.code)).toEqual(["currency_must_be_known", "credit_limit_must_be_an_amount"]);
  });
});
