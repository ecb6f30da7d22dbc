/**
 * Every error code the product raises, by area (docs/errors.md lists exactly these, area by area,
 * in this order; test/docs/errors-doc.test.ts checks it).
 *
 * Order rule: within an area, codes stand in the order their checks run, so the first code of an
 * area that a bad input breaks is the one reported first. Input shape before content (a range and
 * its headers, a file's syntax), then each row's cells left to right, then rules across rows
 * (duplicates, overlaps), then the engine's checks in the order its functions reach them (reading,
 * then computing, then posting). An argument's blank check comes before its type check, and a
 * value's type check before its range check.
 *
 * To add a code: add one line to its area at the place its check runs, give it an English message
 * template in src/domain/messages/en.ts and a translation in sv.ts, da.ts and nb.ts (same
 * placeholders; test/domain/messages.test.ts), raise it with `ccError(code, params, where)`, and
 * add its row to the same area of docs/errors.md.
 *
 * Codes built from a column name (`<column>_must_be_an_amount`, raised by the cell readers of
 * src/workbook/cells.ts) are the COLUMN_CODE_SUFFIXES patterns; every other code is a literal here.
 */
export const ERROR_CODES = {
  /** Ranges, headers and cells (checked first: the shape of a range, then its rows in order). */
  tables: [
    "range_must_have_a_header_row",
    "column_must_appear_once",
    "required_column_missing",
    "cell_must_not_be_an_excel_error",
    "currency_must_be_known",
    "amounts_must_sum_within_2_53_minor_units",
    "option_must_be_known",
    "option_value_must_fit",
    "period_bounds_must_increase",
    "period_days_must_be_whole",
    "period_unit_must_be_known",
    "rate_must_appear_once_per_currency_and_date",
  ],
  /** Exchange rates. */
  rates: [
    "exchange_rate_must_exist",
    "converted_amount_must_fit_in_2_53_minor_units",
  ],
  /** Function arguments. */
  arguments: [
    "asof_must_not_be_blank",
    "asof_must_be_a_date",
    "day_must_not_be_blank",
    "day_must_be_a_date",
    "lastday_must_not_be_blank",
    "lastday_must_be_a_date",
    "from_must_not_be_blank",
    "from_must_be_a_date",
    "to_must_not_be_blank",
    "to_must_be_a_date",
    "from_must_not_be_after_to",
    "paymentdate_must_not_be_blank",
    "paymentdate_must_be_a_date",
    "basis_must_be_text",
    "basis_must_be_known",
    "customer_must_be_text",
    "kind_must_be_text",
    "step_must_be_text",
    "step_must_be_a_step",
    "laststep_must_be_text",
    "laststep_must_be_a_step",
    "mode_must_be_text",
    "mode_must_be_posting_or_proforma",
    "method_must_be_text",
    "method_must_be_known",
    "priority_needs_priority_method",
    "payment_currency_must_be_given",
    "payment_must_be_text",
    "payment_must_be_an_amount",
    "payment_must_be_positive",
    "reason_must_be_text",
    "order_amount_must_not_be_blank",
    "order_amount_must_be_an_amount",
    "order_amount_must_not_be_negative",
    "months_must_be_a_whole_number",
    "credit_sales_must_be_positive",
  ],
  /** Aging. */
  aging: [
    "periods_must_not_be_empty",
    "periods_at_most_twelve",
    "period_label_must_not_be_blank",
    "period_labels_must_be_unique",
    "last_period_must_be_unlimited",
    "only_last_period_unlimited",
    "period_length_must_be_positive",
  ],
  /** Late-payment prediction. */
  prediction: [
    "feature_column_must_exist",
    "backtest_needs_a_month_end",
    "prediction_needs_settled_invoices",
  ],
  /** Settlement. */
  settlement: [
    "priority_type_must_be_known",
    "credit_must_be_a_credit_item",
    "items_must_belong_to_one_customer",
    "voucher_must_appear_once",
    "accounttype_must_not_be_blank",
    "days_must_be_a_whole_number",
    "discount_code_must_appear_once",
    "discount_pct_must_be_below_100",
    "discount_code_must_have_days_or_date",
    "cash_discount_pct_must_be_below_100",
    "cash_discount_date_must_not_be_blank",
    "discount_codes_must_not_loop",
    "discount_code_must_be_known",
    "date_must_not_be_blank",
    "mark_must_appear_once",
    "marked_voucher_must_be_an_open_debit_item",
    "amount_to_settle_must_be_positive",
    "amount_to_settle_must_not_exceed_open",
    "marks_must_not_exceed_credit",
    "settlement_must_settle_an_item",
    "settlement_must_exist",
    "settlement_must_not_be_unapplied_twice",
    "unapply_must_be_latest_first",
  ],
  /** Posting (journal, write-back). */
  posting: [
    "payment_voucher_must_be_new",
    "journal_table_must_have_the_journal_columns",
    "journal_must_not_be_posted_twice",
    "rows_must_be_unchanged_since_the_proposal",
    "appended_row_must_be_new",
    "posting_must_be_completed",
  ],
  /** Credit. */
  credit: [
    "customer_must_appear_once",
    "credit_limit_must_not_be_negative",
    "unlimited_and_mandatory_must_not_both_be_set",
    "insurance_needs_value_and_percent",
    "customer_must_exist",
    "credit_group_must_appear_once",
    "credit_group_must_exist",
    "temporary_limit_needs_one_owner",
    "to_must_not_be_before_from",
    "temporary_limits_must_not_overlap",
    "temporary_limit_owner_must_exist",
    "order_must_appear_once",
    "rule_type_must_not_be_blank",
    "account_must_not_be_blank",
    "account_must_be_blank_for_all",
    "release_order_needs_an_exclusion",
    "value_type_must_fit_rule_type",
    "threshold_only_for_overdue_amount",
    "value_must_not_be_negative",
    "value_must_be_whole_days",
    "rule_account_must_exist",
    "rule_group_must_exist",
    "checkpoint_must_not_be_blank",
    "grace_days_must_be_whole_days",
    "checkpoint_must_appear_once",
    "grace_days_need_posting",
    "grace_days_must_be_on_all_posting_checkpoints",
    "day_must_not_be_before_the_last_pass",
    "payment_terms_ranks_must_be_code_equals_number",
    "cash_discount_ranks_must_be_code_equals_number",
    "payment_terms_must_have_a_rank",
    "cash_discount_must_have_a_rank",
    "statistics_need_one_currency",
    "status_must_not_be_blank",
    "reasons_must_be_known",
    "hold_status_must_allow_action",
    "band_is_range_or_values",
    "to_must_be_above_from",
    "scoring_group_has_one_attribute",
    "to_score_must_not_be_below_from",
    "risk_groups_must_not_overlap",
    "adjustment_value_must_be_a_number",
    "rounding_value_must_be_positive",
    "adjustment_account_must_exist",
    "adjustment_currency_must_match",
    "normal_limit_has_no_period",
    "temporary_limit_needs_a_period",
  ],
  /** Collections. */
  collections: [
    "sequence_must_not_be_empty",
    "sequence_must_have_at_most_5_letters",
    "letter_code_must_not_be_blank",
    "letter_code_must_be_unique",
    "grace_days_must_be_a_whole_number",
    "fee_must_not_be_negative",
    "min_overdue_must_not_be_negative",
    "fee_must_fit_currency",
    "min_overdue_must_fit_currency",
    "letter_date_must_not_be_after_as_of",
    "letter_code_must_be_in_sequence",
    "due_date_must_not_be_blank",
    "code_must_not_be_blank",
    "percent_must_not_be_blank",
    "flat_code_must_have_one_row",
    "interest_code_must_have_a_rate",
    "from_month_must_be_a_whole_number",
    "from_month_must_be_unique",
    "percent_must_not_be_negative",
    "min_days_must_be_a_whole_number",
    "interest_must_fit_in_2_53_minor_units",
    "status_transition_must_be_allowed",
    "status_must_be_on_a_debit_item",
    "promise_date_must_not_be_blank",
    "promise_amount_must_be_within_open_amount",
    "customer_must_not_be_blank",
    "case_must_have_one_customer",
    "voucher_must_be_unique",
    "case_must_be_open",
    "activity_kind_must_be_known",
    "activity_must_not_precede_case",
    "close_date_must_not_precede_case",
    "journal_id_must_not_be_blank",
    "reason_must_not_be_blank",
    "reverse_must_be_whole_journal",
    "voucher_must_be_charged",
    "charges_must_not_be_empty",
    "charge_must_not_be_reversed",
    "charge_must_be_waived",
    "charge_must_not_be_waived",
    "charge_must_be_original",
    "charge_must_be_a_pair",
    "payment_must_exist",
    "nsf_must_be_a_payment",
    "payment_must_not_be_cancelled",
    "voucher_must_be_open",
    "customer_must_have_open_items",
    "tax_amount_must_be_part_of_amount",
  ],
  /** Collections functions and CLI. */
  collectionsFunctions: [
    "line_type_must_not_be_blank",
    "line_must_be_a_whole_number",
    "debit_or_credit_must_not_be_blank",
    "debit_or_credit_must_be_blank",
    "kind_must_be_one_of",
    "fee_must_be_amount_or_percent",
    "pool_must_appear_once",
    "max_balance_must_not_be_below_min",
    "worklist_must_have_one_currency",
  ],
  /** Cash application (statements). */
  matching: [
    "statement_must_be_well_formed_xml",
    "statement_namespace_must_be_camt053",
    "statement_must_be_a_bank_to_customer_statement",
    "mapped_column_must_exist",
    "line_id_must_appear_once",
    "date_must_be_a_date",
    "credit_debit_indicator_must_be_known",
    "amount_must_not_be_blank",
    "amount_must_be_an_amount",
  ],
  /** Amounts in the user's locale. */
  localeAmounts: [
    "amount_has_too_many_decimals",
    "amount_is_ambiguous",
    "amount_is_not_a_number",
    "amount_is_too_large",
    "amount_is_blank",
    "currency_is_unknown",
    "amount_currency_mismatch",
  ],
  /** Ledger files past one sheet (cc aging over CSV or Parquet). */
  ledgerFiles: [
    "csv_must_be_well_formed",
    "csv_must_have_a_header",
    "parquet_must_be_readable",
  ],
  /** Task pane. */
  taskpane: [
    "table_must_exist",
    "column_must_exist",
    "amount_column_must_exist",
    "selection_must_be_a_ledger_row",
    "selection_must_be_a_credit_item",
    "payment_must_be_an_open_credit_item",
    "payment_voucher_must_not_be_blank",
    "payment_amount_must_be_positive",
    "amount_to_settle_must_be_an_amount",
    "amount_to_settle_must_not_be_negative",
    "max_penny_difference_must_be_an_amount",
    "max_over_under_must_be_an_amount",
    "period_bounds_must_be_whole_days",
    "snapshot_must_have_customers",
    "unexpected_error",
  ],
  /** Collections workspace (task pane). */
  collectionsWorkspace: [
    "item_must_be_open",
    "outcome_must_not_be_blank",
    "case_action_must_be_open_or_close",
    "letter_codes_must_exist",
    "interest_code_must_exist",
    "fee_must_be_an_amount",
    "charge_must_be_posted",
  ],
} as const;

/** The areas of the registry, each a section of docs/errors.md. */
export type ErrorArea = keyof typeof ERROR_CODES;

/** The titles of the areas: the `### ` headings of docs/errors.md's "Every code, by area". */
export const ERROR_AREA_TITLES: Readonly<Record<ErrorArea, string>> = {
  tables: "Ranges, headers and cells (checked first: the shape of a range, then its rows in order)",
  rates: "Exchange rates",
  arguments: "Function arguments",
  aging: "Aging",
  prediction: "Late-payment prediction",
  settlement: "Settlement",
  posting: "Posting (journal, write-back)",
  credit: "Credit",
  collections: "Collections",
  collectionsFunctions: "Collections functions and CLI",
  matching: "Cash application (statements)",
  localeAmounts: "Amounts in the user's locale",
  ledgerFiles: "Ledger files past one sheet (cc aging over CSV or Parquet, docs/scale.md)",
  taskpane: "Task pane",
  collectionsWorkspace: "Collections workspace (task pane)",
};

/** The suffixes of the codes a cell reader builds from its column (`due_date` + `_must_be_a_date`). */
export const COLUMN_CODE_SUFFIXES = [
  "_must_not_be_blank",
  "_must_be_an_amount",
  "_must_be_a_date",
  "_must_be_a_number",
  "_must_be_a_percent",
  "_must_be_yes_or_no",
  "_must_be_one_of",
  "_must_be_text",
  "_must_be_positive",
] as const;

/** A code of the registry. */
export type RegisteredCode = (typeof ERROR_CODES)[ErrorArea][number];
/** A code a cell reader builds from its column: `<column>` + one of COLUMN_CODE_SUFFIXES. */
export type ColumnCode = `${string}${(typeof COLUMN_CODE_SUFFIXES)[number]}`;
/** Every code `ccError` accepts. */
export type ErrorCode = RegisteredCode | ColumnCode;

/** Every registered code, in registry order. */
export const ALL_ERROR_CODES: readonly RegisteredCode[] = Object.values(ERROR_CODES).flat();

/**
 * Is `code` registered (not just of a column pattern)?
 * @example isRegisteredCode("exchange_rate_must_exist") // true
 * @example isRegisteredCode("no_such_code") // false
 */
export function isRegisteredCode(code: string): code is RegisteredCode {
  return REGISTERED.has(code);
}
const REGISTERED: ReadonlySet<string> = new Set(ALL_ERROR_CODES);
