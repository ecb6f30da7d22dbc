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
} as const satisfies Partial<Record<RegisteredCode, string>>;

/** A code raised with params: it has a template in every language. */
export type TemplatedCode = keyof typeof EN;
