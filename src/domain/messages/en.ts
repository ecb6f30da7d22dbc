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
  // collections
  activity_kind_must_be_known: "'{kind}' is not one of {kinds}",
  activity_must_not_precede_case: "the activity is dated before the case was opened",
  case_must_be_open: "{case, select, already {case {id} is already closed} other {case {id} is closed}}",
  case_must_have_one_customer: "{voucher} belongs to {customer}, not {expected}",
  charge_must_be_a_pair: "{case, select, two {journal {journal} has two {side} lines for link {link}} other {charge {charge} lacks its {side} line}}",
  charge_must_be_original: "journal {journal} is itself a correction; correct the original charge",
  charge_must_be_waived: "the charge {charge} is not waived, so it cannot be reinstated",
  charge_must_not_be_reversed: "the charge {charge} has been reversed",
  charge_must_not_be_waived: "the charge {charge} is already waived",
  charges_must_not_be_empty: "there is no charge to correct",
  close_date_must_not_precede_case: "the case cannot close before it opened",
  code_must_not_be_blank: "give an interest code range",
  customer_must_have_open_items: "customer {customer} has no open items to write off",
  customer_must_not_be_blank: "{case, select, case {a case belongs to one customer} writeoff {name the customer to write off} argument {is required} other {is blank}}",
  fee_must_fit_currency: "{case, select, option {FeeAmount: {reason}} other {{value} is not an amount in {currency, select, none {the ledger currency} other {{currency}}}: {reason}}}",
  fee_must_not_be_negative: "{case, select, customer {the fee for {customer} is negative} other {is negative}}",
  flat_code_must_have_one_row: "a flat code has one row, not {rows}",
  from_month_must_be_a_whole_number: "FromMonth {value} is not a whole number >= 0",
  from_month_must_be_unique: "FromMonth {value} is given twice",
  grace_days_must_be_a_whole_number: "{value} is not a whole number >= 0",
  interest_code_must_have_a_rate: "give tiers (FromMonth, PercentPerMonth) or a flat Percent",
  interest_must_fit_in_2_53_minor_units:
    "{case, select, customer {customer {customer}'s interest in {currency, select, none {the ledger currency} other {{currency}}} adds up to more than 2^53 minor units} other {the interest on this amount over {days} days is more than 2^53 minor units}}",
  journal_id_must_not_be_blank: "is blank",
  letter_code_must_be_in_sequence: "'{code}' is not a code of the sequence",
  letter_code_must_be_unique: "'{code}' is also on row {first}",
  letter_code_must_not_be_blank: "is blank",
  letter_date_must_not_be_after_as_of: "a letter sent on {sent} is after the as-of date {asOf}",
  min_days_must_be_a_whole_number: "MinDays {value} is not a whole number >= 0",
  min_overdue_must_fit_currency: "{value} is not an amount in {currency, select, none {the ledger currency} other {{currency}}}: {reason}",
  min_overdue_must_not_be_negative: "is negative",
  nsf_must_be_a_payment: "{case, select, debit {'{voucher}' has a debit open amount} other {'{voucher}' is a {type}, not a payment}}",
  payment_must_exist: "customer {customer} has no transaction '{voucher}'",
  payment_must_not_be_cancelled: "'{voucher}' has nothing left to cancel",
  percent_must_not_be_blank: "a flat code needs a Percent",
  percent_must_not_be_negative: "{option} {value} is negative",
  promise_amount_must_be_within_open_amount: "a promise to pay needs an amount above zero and at most the open amount",
  promise_date_must_not_be_blank: "a promise to pay needs a date",
  reason_must_not_be_blank:
    "{case, select, correction {a correction needs a reason code} writeoff {a write-off needs a reason code} nsf {an NSF needs a reason code} fee {a fee needs a reason code} hold {{action, select, forcedHold {a forced hold} rejection {a rejection} release {a release} other {{action}}} needs a reason} other {is blank}}",
  reverse_must_be_whole_journal: "a reversal cancels whole notes and fees; waive single transactions instead",
  sequence_must_have_at_most_5_letters: "{count} letter codes; at most {max}",
  sequence_must_not_be_empty: "give at least one letter code",
  status_must_be_on_a_debit_item: "{voucher, select, none {the transaction} other {{voucher}}} is not an open debit item",
  status_transition_must_be_allowed: "{voucher, select, none {the transaction} other {{voucher}}} cannot go from {from} to {to}",
  tax_amount_must_be_part_of_amount: "the tax {tax} is not part of the open amount {open}",
  voucher_must_be_charged: "no charge for transaction '{voucher}' in these journals",
  voucher_must_be_open: "voucher '{voucher}' is not an open item of customer {customer}",
  voucher_must_be_unique: "{voucher} is in the case twice",
} as const satisfies Partial<Record<RegisteredCode, string>>;

/** A code raised with params: it has a template in every language. */
export type TemplatedCode = keyof typeof EN;
