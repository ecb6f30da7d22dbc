/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */
import { creditBook } from "../domain/credit/book";
import { checkCredit } from "../domain/credit/check";
import { parseRanks } from "../domain/credit/_lib/ranks";
import { validateRules } from "../domain/credit/validate-rules";
import { serialFromEpochMs } from "../domain/dates";
import { CcInputError, ccError, unwrap } from "../domain/errors";
import { currencyExponent, parseMoney } from "../domain/money";
import { readCustomers } from "../workbook/customers";
import { readCreditGroups, readTemporaryLimits } from "../workbook/credit-groups";
import { creditCheckTable } from "../workbook/credit-output";
import { readRules } from "../workbook/credit-rules";
import { readOptions } from "../workbook/options";
import { readOrders } from "../workbook/orders";
import { readExchangeRates, readTransactions } from "../workbook/transactions";
import { absent, dateArg, optionalText, runFunction, scalar } from "./_lib/adapter";

export const CREDIT_CHECK_OPTIONS = {
  CheckGroupLimit: { kind: "bool" },
  IgnoreBlankExpiry: { kind: "bool" },
  AccountingCurrency: { kind: "text" },
  OrderCurrency: { kind: "text" },
  PaymentTerms: { kind: "text" },
  CashDiscount: { kind: "text" },
  PaymentTermsRanks: { kind: "text" },
  CashDiscountRanks: { kind: "text" },
  RoundAmounts: { kind: "bool" },
} as const;

/**
 * Checks an order against the customer's credit limit, its credit group's limit and blocking rules.
 * @customfunction CREDITCHECK
 * @param customer The customer account.
 * @param orderAmount The amount of the order being checked (in the customer's currency unless OrderCurrency is set).
 * @param customers Customers range with a header row: Customer, CreditLimit, Currency, CreditGroup, ...
 * @param transactions Transactions range (the ledger): Customer, Amount, Currency, DueDate, ...
 * @param [orders] Open sales orders: Order, Customer, Amount, Currency, PackingSlipAmount, Status.
 * @param [rules] Blocking rules: RuleType, ValidFor, Account, RiskGroup, Kind, ValueType, Value, Threshold, ReleaseOrder.
 * @param [groups] Credit groups: CreditGroup, CreditLimit, Currency, CreditLimitExpiry.
 * @param [asOf] As-of date (default: today).
 * @param [options] Name/Value rows: CheckGroupLimit, IgnoreBlankExpiry, AccountingCurrency, OrderCurrency, PaymentTerms, CashDiscount, PaymentTermsRanks, CashDiscountRanks, RoundAmounts.
 * @param [rates] Exchange rates: Currency, Date, Rate (accounting-currency units per unit).
 * @param [temporaryLimits] Temporary limits: Customer or CreditGroup, CreditLimit, From, To.
 * @returns Status, Reasons, Limit, Exposure, Available, Currency.
 */
export function creditcheck(
  customer: any,
  orderAmount: any,
  customers: any[][],
  transactions: any[][],
  orders?: any[][],
  rules?: any[][],
  groups?: any[][],
  asOf?: any,
  options?: any[][],
  rates?: any[][],
  temporaryLimits?: any[][],
): any[][] {
  const today = absent(asOf) ? serialFromEpochMs(Date.now()) : undefined;
  return runFunction(() =>
    creditCheckFunction({ customer, orderAmount, customers, transactions, orders, rules, groups, asOf: today ?? asOf, options, rates, temporaryLimits }),
  );
}

export interface CreditCheckArgs {
  readonly customer: unknown;
  readonly orderAmount: unknown;
  readonly customers: unknown;
  readonly transactions: unknown;
  readonly orders?: unknown;
  readonly rules?: unknown;
  readonly groups?: unknown;
  readonly asOf: unknown;
  readonly options?: unknown;
  readonly rates?: unknown;
  readonly temporaryLimits?: unknown;
}

/** The plain adapter behind CC.CREDITCHECK (asOf is required here: only `creditcheck` reads the clock). */
export function creditCheckFunction(args: CreditCheckArgs): (string | number)[][] {
  const asOfSerial = dateArg(args.asOf, "asOf");
  const opts = unwrap(readOptions(absent(args.options) ? null : args.options, CREDIT_CHECK_OPTIONS));
  const read = { roundAmounts: opts["RoundAmounts"] === true };
  const customerKey = optionalText(args.customer);
  if (customerKey === undefined) throw new CcInputError([ccError("customer_must_not_be_blank", "is required", { column: "customer" })]);
  const customers = unwrap(readCustomers(args.customers, read));
  const target = customers.find((c) => c.customer === customerKey);
  if (target === undefined) throw new CcInputError([ccError("customer_must_exist", `customer '${customerKey}' is not in the customers range`, { column: "customer" })]);
  const groups = absent(args.groups) ? [] : unwrap(readCreditGroups(args.groups, read));
  const currencyOf = (owner: "Customer" | "Group", account: string): string | undefined =>
    owner === "Customer" ? customers.find((c) => c.customer === account)?.currency : groups.find((g) => g.creditGroup === account)?.currency;
  const book = unwrap(
    creditBook({
      customers,
      groups,
      transactions: unwrap(readTransactions(args.transactions, read)),
      orders: absent(args.orders) ? [] : unwrap(readOrders(args.orders, read)),
      temporaryLimits: absent(args.temporaryLimits) ? [] : unwrap(readTemporaryLimits(args.temporaryLimits, { ...read, currencyOf })),
      rates: absent(args.rates) ? [] : unwrap(readExchangeRates(args.rates)),
      accountingCurrency: typeof opts["AccountingCurrency"] === "string" ? opts["AccountingCurrency"] : target.currency,
      asOfSerial,
    }),
  );
  const rules = absent(args.rules) ? [] : unwrap(validateRules(unwrap(readRules(args.rules, read)), customers));
  const orderCurrency = (typeof opts["OrderCurrency"] === "string" ? opts["OrderCurrency"] : target.currency).toUpperCase();
  const exponent = currencyExponent(orderCurrency);
  if (exponent === undefined) throw new CcInputError([ccError("currency_must_be_known", `'${orderCurrency}' is not an ISO 4217 currency code`, { table: "options", column: "OrderCurrency" })]);
  const amount = parseMoney(scalar(args.orderAmount) ?? 0, exponent, read.roundAmounts);
  if (!amount.ok) throw new CcInputError([ccError("order_amount_must_be_an_amount", amount.reason, { column: "orderAmount" })]);
  const text = (k: string): string | undefined => (typeof opts[k] === "string" ? (opts[k] as string) : undefined);
  const termsRanks = text("PaymentTermsRanks");
  const discountRanks = text("CashDiscountRanks");
  const result = checkCredit(
    book,
    {
      customer: customerKey,
      amountMinor: amount.minor,
      currency: orderCurrency,
      ...(text("PaymentTerms") !== undefined ? { paymentTerms: text("PaymentTerms") as string } : {}),
      ...(text("CashDiscount") !== undefined ? { cashDiscount: text("CashDiscount") as string } : {}),
    },
    rules,
    {
      checkGroupLimit: opts["CheckGroupLimit"] !== false,
      ignoreBlankExpiry: opts["IgnoreBlankExpiry"] !== false,
      ...(termsRanks !== undefined ? { paymentTermsRanks: unwrap(parseRanks(termsRanks, "PaymentTermsRanks")) } : {}),
      ...(discountRanks !== undefined ? { cashDiscountRanks: unwrap(parseRanks(discountRanks, "CashDiscountRanks")) } : {}),
    },
  );
  return creditCheckTable(unwrap(result));
}
