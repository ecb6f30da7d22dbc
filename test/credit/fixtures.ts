import { creditBook, type CreditBookInput } from "../../src/domain/credit/book";
import type { BlockingRule, Customer, CreditGroup, Order } from "../../src/domain/credit/types";
import { serialFromYmd } from "../../src/domain/dates";
import { unwrap } from "../../src/domain/errors";
import type { Transaction } from "../../src/domain/types";

export const AS_OF = serialFromYmd(2024, 6, 30);

let row = 2;
export function customer(partial: Partial<Customer> & { customer: string }): Customer {
  return {
    currency: "USD",
    creditLimitMinor: 0,
    unlimited: false,
    mandatory: false,
    excludeFromCreditManagement: false,
    insuranceInExposure: false,
    row: row++,
    ...partial,
  };
}

export function group(creditGroup: string, limitMajor: number, currency = "USD"): CreditGroup {
  return { creditGroup, creditLimitMinor: limitMajor * 100, currency, row: row++ };
}

/** An open invoice of `major` due `daysOverdue` days before AS_OF (negative: not yet due). */
export function invoice(cust: string, major: number, daysOverdue = 0, currency = "USD"): Transaction {
  return { customer: cust, voucher: `V${row}`, type: "Invoice", dateSerial: AS_OF - daysOverdue - 30, dueSerial: AS_OF - daysOverdue, amountMinor: Math.round(major * 100), currency, status: "None", row: row++ };
}

export function order(id: string, cust: string, major: number, extra: Partial<Order> = {}): Order {
  return { order: id, customer: cust, amountMinor: Math.round(major * 100), currency: "USD", packingSlipMinor: 0, status: "Open", row: row++, ...extra };
}

export function rule(partial: Partial<BlockingRule> & Pick<BlockingRule, "ruleType" | "value">): BlockingRule {
  const valueType = ({ DaysOverdue: "Days", CreditLimitExpired: "Days", AccountStatus: "Text", PaymentTerms: "Text", OverdueAmount: "Amount", SalesOrderAmount: "Amount", CreditLimitUsed: "Percent" } as const)[partial.ruleType];
  return { validFor: "All", kind: "Blocking", valueType, releaseOrder: false, row: row++, ...partial };
}

export function book(input: Partial<CreditBookInput> & { customers: readonly Customer[] }) {
  return unwrap(creditBook({ transactions: [], asOfSerial: AS_OF, ...input }));
}
