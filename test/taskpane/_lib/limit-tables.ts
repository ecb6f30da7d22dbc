/** A small workbook for the Credit limits screen: customers, ledger, scoring, risk groups, automatic limits. */
import type { SampleJson } from "../../../preview/seed";

/**
 * C1: 10 years a customer (20 points) and Active (10) = 30, risk group A, limit 10,000 -> 20,000.
 * C2: 1 year (0) and Active (10) = 10, risk group B, limit 2,500 -> 5,000.
 * C3: Unlimited: scored (10, B) but never proposed.
 */
export const LIMIT_TABLES: SampleJson = {
  Customers: [
    ["Customer", "Name", "Currency", "CreditLimit", "Unlimited", "CustomerSince", "AccountStatus"],
    ["C1", "Alpha", "USD", 10000, false, 42185, "Active"],
    ["C2", "Beta", "USD", 2500, false, 45292, "Active"],
    ["C3", "Gamma", "USD", 0, true, 45292, "Active"],
  ],
  Transactions: [
    ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
    ["C1", "I1", "Invoice", 45962, 45992, 500, "USD"],
    ["C2", "I2", "Invoice", 45962, 45992, 300, "USD"],
  ],
  Scoring: [
    ["Group", "Attribute", "From", "To", "Values", "Points"],
    ["Tenure", "yearsAsCustomer", 0, 5, null, 0],
    ["Tenure", "yearsAsCustomer", 5, null, null, 20],
    ["Status", "accountStatus", null, null, "Active", 10],
  ],
  RiskGroups: [
    ["RiskGroup", "FromScore", "ToScore"],
    ["A", 25, 100],
    ["B", 0, 24],
  ],
  AutomaticLimits: [
    ["RiskGroup", "Currency", "MaxRevenue", "CreditLimit"],
    ["A", "USD", null, 20000],
    ["B", "USD", null, 5000],
  ],
};

