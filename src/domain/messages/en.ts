/**
 * The English message template of every error code raised with params, by area in registry order
 * (src/domain/error-codes.ts). Placeholders are ICU-style (`{voucher}`; `{case, select, ...}` where
 * one code has several sentences); ./format.ts fills them. ./sv.ts, ./da.ts and ./nb.ts have a
 * template for every code here with the same placeholders (test/domain/messages.test.ts).
 */
import type { RegisteredCode } from "../error-codes";

export const EN = {
  // tables
  range_must_have_a_header_row: "{case, select, empty {the file is empty} other {must be a range with a header row}}",
  column_must_appear_once: "both '{first}' and '{second}' are the {column} column; keep one",
  required_column_missing: "the header row has no {column} column (accepted: {accepted})",
  cell_must_not_be_an_excel_error: "holds the Excel error {value}; fix the formula or the cell it refers to",
  currency_must_be_known:
    "{case, select, plain {'{currency}' is not an ISO 4217 currency code} option {{option} '{currency}' is not an ISO 4217 currency code with a known precision} other {'{currency}' is not an ISO 4217 currency code with a known precision}}",
  amounts_must_sum_within_2_53_minor_units: "the amounts of this column up to here add up to more than 2^53 minor units, past what is exact",
  option_must_be_known: "'{option}' is not an option; known options: {known}",
  option_value_must_fit:
    "{case, select, moreThan {{option} {value} is more than {max}} above {{option} {value} is above {max}} other {'{value}' is not a valid value for {option} ({kind, select, bool {TRUE or FALSE} range {a number from {min} to {max}} atLeast {a number of at least {min}} number {a number} text {text} date {a date} choice {one of {values}} other {a value}})}}",
  period_bounds_must_increase: "{case, select, bounds {{bound} must be a whole number of days greater than {previous}} other {{bound} must be greater than the previous bound {previous}}}",
  period_days_must_be_whole:
    "{case, select, notWhole {'{value}' is not a whole number of days} other {{value} {unit, select, Week {weeks} Month {months} Quarter {quarters} Year {years} other {days}} is longer than the span of Excel's dates}}",
  period_unit_must_be_known: "'{value}' is not one of {units}",
  rate_must_appear_once_per_currency_and_date: "{currency} already has a rate for this date on row {first}; keep one",
  // rates
  exchange_rate_must_exist:
    "{case, select, settle {settling {from} against {to} needs an exchange-rate table} value {valuing {currency} in {accounting} needs an exchange-rate table} other {no exchange rate for {currency} on or before {date} (accounting currency {accounting})}}",
  converted_amount_must_fit_in_2_53_minor_units: "{minor} minor units of {from} at this rate are more than 2^53 minor units of {to}; check the rate",
  // settlement
  accounttype_must_not_be_blank: "is blank",
  amount_to_settle_must_be_positive: "voucher {voucher}: {amount} minor units is not a positive amount",
  amount_to_settle_must_not_exceed_open: "{case, select, typed {is more than the open amount {open}} other {voucher {voucher}: {amount} minor units is more than its open {open}}}",
  cash_discount_date_must_not_be_blank: "a cash-discount percent needs a CashDiscountDate",
  cash_discount_pct_must_be_below_100: "{value} is not a percent from 0 to below 100",
  credit_must_be_a_credit_item: "voucher {voucher} has open amount {amount}; the credit side must be negative (a payment or credit note)",
  date_must_not_be_blank:
    "{case, select, statement {the entry has no BookgDt or ValDt} discount {discount code '{code}' counts days from the item's date, which is blank} order {voucher {voucher} has no Date to order it by} payment {payment {voucher} needs a Date to be settled} interest {interest needs this date} argument {is required} other {is blank}}",
  days_must_be_a_whole_number: "{value} is not a whole number of days",
  discount_code_must_appear_once: "code '{code}' appears twice",
  discount_code_must_be_known: "'{code}' is not in the discount-code table",
  discount_code_must_have_days_or_date: "{case, select, code {code '{code}' needs either Days or Date} other {needs either Days or Date}}",
  discount_codes_must_not_loop: "the chain from '{from}' returns to '{code}'",
  discount_pct_must_be_below_100: "{value} is not a percent from 0 to below 100",
  items_must_belong_to_one_customer: "{case, select, row {customer '{customer}' differs from '{first}' on row {row}: settle one customer at a time} other {customer '{customer}' differs from '{first}': settle one customer at a time}}",
  mark_must_appear_once: "voucher '{voucher}' is marked twice",
  marked_voucher_must_be_an_open_debit_item: "voucher '{voucher}' is not an open debit item of this customer",
  marks_must_not_exceed_credit: "voucher {voucher}: the marked amounts need more than the {left} minor units left on {currency} credit",
  priority_type_must_be_known: "'{value}' is not one of {types}",
  settlement_must_exist: "{name} is not a posted settlement",
  settlement_must_not_be_unapplied_twice: "{name} has already been unapplied",
  settlement_must_settle_an_item: "the proposal for {voucher} settles nothing; there is no journal to post",
  unapply_must_be_latest_first: "voucher {voucher} was settled again later (link {link}, journal {journal}); unapply that settlement first",
  voucher_must_appear_once: "{case, select, customer {customer '{customer}' has voucher '{voucher}' more than once} other {voucher '{voucher}' appears more than once}}",
  // collections (raised with date_must_not_be_blank by the interest note)
  due_date_must_not_be_blank: "{case, select, interest {interest needs this date} letters {letters count from the due date} neither {voucher {voucher} has neither a DueDate nor a Date to order it by} order {voucher {voucher} has no date to order it by} other {is blank}}",
} as const satisfies Partial<Record<RegisteredCode, string>>;

/** A code raised with params: it has a template in every language. */
export type TemplatedCode = keyof typeof EN;
