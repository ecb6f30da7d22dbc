/**
 * The standard scoring attributes of a customer: years as customer, and the statistics of 5.6.
 */
import { ymdFromSerial } from "../../dates";
import { exponentOf, minorToNumber } from "../../money";
import type { CreditStatistics } from "../statistics";
import type { Customer } from "../types";
import type { Attributes } from "./score";

/**
 * The attributes a scoring model reads. Extra attributes (yearsInBusiness, country, ...) are merged
 * in by the caller from sheet columns.
 * @example
 * const since2015 = { ...customerWith10000, customerSinceSerial: serialFromYmd(2015, 7, 1), accountStatus: "Active" };
 * customerAttributes(since2015, undefined, asOfSerial, { country: "SE" }) // { country: "SE", yearsAsCustomer: 8, accountStatus: "Active" }
 */
export function customerAttributes(customer: Customer, stats: CreditStatistics | undefined, asOfSerial: number, extra: Attributes = {}): Attributes {
  const exp = exponentOf(customer.currency);
  const out: Record<string, number | string | undefined> = { ...extra };
  if (customer.customerSinceSerial !== undefined) out["yearsAsCustomer"] = wholeYears(customer.customerSinceSerial, asOfSerial);
  if (customer.accountStatus !== undefined) out["accountStatus"] = customer.accountStatus;
  if (stats !== undefined) {
    out["dso"] = stats.dso[0].dso?.toNumber();
    out["averageBalance"] = minorToNumber(stats.averageBalanceMinor, exp);
    out["averagePaymentDays"] = stats.averagePaymentDays?.toNumber();
  }
  return out;
}

/**
 * Completed years between two days.
 * @example wholeYears(serialFromYmd(2015, 7, 1), serialFromYmd(2024, 6, 30)) // 8
 */
export function wholeYears(fromSerial: number, toSerial: number): number {
  const a = ymdFromSerial(fromSerial);
  const b = ymdFromSerial(toSerial);
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years--;
  return Math.max(0, years);
}
