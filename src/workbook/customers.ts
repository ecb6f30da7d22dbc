/**
 * The Customers table -> `Customer` records (docs/domain.md §2).
 */
import type { Customer } from "../domain/credit/types";
import { type CcError, ccError, type Result } from "../domain/errors";
import { readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";
import { dropUndefined } from "./transactions";

export const CUSTOMER_COLUMNS: readonly ColumnSpec[] = [
  { key: "customer", header: "Customer", aliases: ["Cust", "Account", "CustomerAccount", "CustomerId", "CustomerNo", "Kund", "Kunde", "Kundnummer", "Debitor"], required: true },
  { key: "name", header: "Name", aliases: ["CustomerName", "Namn", "Navn"] },
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy", "CurrencyCode", "Valuta"] },
  { key: "creditLimit", header: "CreditLimit", aliases: ["Limit", "Kreditgrans", "Kreditgraense", "Kredittgrense"] },
  { key: "creditLimitExpiry", header: "CreditLimitExpiry", aliases: ["Expiry", "ExpiryDate", "LimitExpiry", "CreditLimitExpiration"] },
  { key: "unlimited", header: "Unlimited", aliases: ["UnlimitedCredit", "NoLimit"] },
  { key: "mandatory", header: "Mandatory", aliases: ["MandatoryCreditLimit", "MandatoryLimit"] },
  { key: "creditGroup", header: "CreditGroup", aliases: ["CreditLimitGroup"] },
  { key: "customerGroup", header: "CustomerGroup", aliases: ["Group", "Kundgrupp", "Kundegruppe"] },
  { key: "riskGroup", header: "RiskGroup", aliases: ["Risk"] },
  { key: "accountStatus", header: "AccountStatus", aliases: ["CreditStatus"] },
  { key: "paymentTerms", header: "PaymentTerms", aliases: ["Terms", "TermsOfPayment", "Betalningsvillkor", "Betalingsbetingelser"] },
  { key: "cashDiscount", header: "CashDiscount", aliases: ["CashDiscountCode", "DiscountCode"] },
  { key: "customerSince", header: "CustomerSince", aliases: ["Since", "CustomerSinceDate"] },
  { key: "exclude", header: "ExcludeFromCreditManagement", aliases: ["Exclude", "Excluded", "ExcludeFromCredit"] },
  { key: "insurance", header: "Insurance", aliases: ["InsuranceValue", "PolicyValue", "CreditInsurance"] },
  { key: "insurancePct", header: "InsurancePct", aliases: ["InsurancePercent", "Insurance%"] },
  { key: "insuranceInExposure", header: "InsuranceInExposure", aliases: ["IncludeInsuranceInExposure"] },
  { key: "pool", header: "Pool", aliases: ["CollectionsPool"] },
  { key: "agent", header: "Agent", aliases: ["Collector", "CollectionsAgent"] },
];

/**
 * Read a Customers range. A blank CreditLimit is 0 (no credit); a blank Currency is the range's
 * one unnamed currency. A customer listed twice is an error.
 * @example readCustomers([["Customer", "CreditLimit"], ["C1", 1000]]).value[0].creditLimitMinor // 100000
 */
export function readCustomers(range: unknown, options: ReadOptions & { name?: string } = {}): Result<Customer[]> {
  const name = options.name ?? "customers";
  const matched = matchTable(range, CUSTOMER_COLUMNS, name);
  if (!matched.ok) return matched;
  const seen = new Map<string, number>();
  return readEachRow<Customer>(matched.value, options, (r, out) => {
    const customer = r.text("customer", true);
    if (customer !== undefined) {
      const first = seen.get(customer);
      if (first !== undefined) r.error("customer", "customer_must_appear_once", { case: "row", customer, first });
      else seen.set(customer, r.rowNumber);
    }
    const { code: currency, exponent: exponent } = r.currency();
    const exp = exponent ?? 2;
    const creditLimitMinor = r.money("creditLimit", exp) ?? 0;
    if (creditLimitMinor < 0) r.error("creditLimit", "credit_limit_must_not_be_negative", {});
    const unlimited = r.bool("unlimited");
    const mandatory = r.bool("mandatory");
    if (unlimited && mandatory) r.error("mandatory", "unlimited_and_mandatory_must_not_both_be_set", {});
    const rec: Record<string, unknown> = {
      customer,
      currency,
      creditLimitMinor,
      unlimited,
      mandatory,
      excludeFromCreditManagement: r.bool("exclude"),
      insuranceInExposure: r.bool("insuranceInExposure"),
      row: r.rowNumber,
    };
    for (const key of ["name", "creditGroup", "customerGroup", "riskGroup", "accountStatus", "paymentTerms", "cashDiscount", "pool", "agent"] as const) {
      rec[key] = r.text(key);
    }
    rec["creditLimitExpirySerial"] = r.date("creditLimitExpiry");
    rec["customerSinceSerial"] = r.date("customerSince");
    rec["insuranceMinor"] = r.money("insurance", exp);
    rec["insurancePct"] = r.percent("insurancePct");
    if ((rec["insuranceMinor"] === undefined) !== (rec["insurancePct"] === undefined)) {
      r.error("insurancePct", "insurance_needs_value_and_percent", {});
    }
    out.push(dropUndefined(rec) as unknown as Customer);
  });
}

/** The error for a customer argument that is not in the customers range. */
export function unknownCustomer(customer: string): CcError {
  return ccError("customer_must_exist", { case: "range", customer }, { column: "customer" });
}
