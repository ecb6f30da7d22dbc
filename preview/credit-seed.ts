/**
 * Extra tables for the Credit limits screen in the preview host and its tests: scoring groups,
 * risk groups and automatic limits (docs/domain.md §5.7). The sample ledger itself has none; a
 * real workbook would carry its own. Tenure, DSO and account status score each customer; the
 * risk group and currency (and revenue, credit sales of the last 12 months) give the suggested
 * limit.
 */
import type { SampleJson } from "./seed";

export const CREDIT_TABLES: SampleJson = {
  Scoring: [
    ["Group", "Attribute", "From", "To", "Values", "Points"],
    ["Tenure", "yearsAsCustomer", 0, 5, null, 0],
    ["Tenure", "yearsAsCustomer", 5, 10, null, 10],
    ["Tenure", "yearsAsCustomer", 10, null, null, 20],
    ["DSO", "dso", 0, 120, null, 20],
    ["DSO", "dso", 120, 240, null, 10],
    ["DSO", "dso", 240, null, null, 0],
    ["Status", "accountStatus", null, null, "Active", 10],
    ["Status", "accountStatus", null, null, "OnHold; Legal", -20],
  ],
  RiskGroups: [
    ["RiskGroup", "FromScore", "ToScore"],
    ["A", 40, 100],
    ["B", 20, 39],
    ["C", -100, 19],
  ],
  AutomaticLimits: [
    ["RiskGroup", "Currency", "MaxRevenue", "CreditLimit"],
    ["A", "USD", 250000, 100000],
    ["A", "USD", null, 150000],
    ["B", "USD", null, 60000],
    ["C", "USD", null, 20000],
    ["A", "EUR", null, 90000],
    ["B", "EUR", null, 50000],
    ["C", "EUR", null, 15000],
    ["A", "GBP", null, 75000],
    ["B", "GBP", null, 40000],
    ["C", "GBP", null, 10000],
  ],
};
