/**
 * Every error code the product raises, by area (docs/errors.md lists exactly these, area by area,
 * in this order; test/docs/errors-doc.test.ts checks it). The `tables` area is in order of
 * precedence (the shape of a range, its headers, then its cells); the other areas keep the order
 * docs/errors.md had (mostly alphabetical) until someone who knows an engine's order of checks
 * sorts its area by it. To add a code: add one line to its area (or a new area), raise it with
 * `ccError(code, message, where)`, and add its row to the same area of docs/errors.md.
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
    "paymentdate_must_not_be_blank",
    "paymentdate_must_be_a_date",
    "basis_must_be_text",
    "customer_must_be_text",
    "kind_must_be_text",
    "laststep_must_be_text",
    "step_must_be_text",
    "method_must_be_text",
    "mode_must_be_text",
    "payment_must_be_text",
    "reason_must_be_text",
    "step_must_be_a_step",
    "laststep_must_be_a_step",
    "basis_must_be_known",
    "from_must_not_be_after_to",
    "credit_sales_must_be_positive",
    "method_must_be_known",
    "mode_must_be_posting_or_proforma",
    "months_must_be_a_whole_number",
    "order_amount_must_be_an_amount",
    "order_amount_must_not_be_blank",
    "order_amount_must_not_be_negative",
    "payment_currency_must_be_given",
    "payment_must_be_an_amount",
    "payment_must_be_positive",
    "priority_needs_priority_method",
  ],
  /** Aging. */
  aging: [
    "last_period_must_be_unlimited",
    "only_last_period_unlimited",
    "period_label_must_not_be_blank",
    "period_labels_must_be_unique",
    "period_length_must_be_positive",
    "periods_at_most_twelve",
    "periods_must_not_be_empty",
  ],
  /** Late-payment prediction. */
  prediction: [
    "feature_column_must_exist",
    "prediction_needs_settled_invoices",
    "backtest_needs_a_month_end",
  ],
  /** Settlement. */
  settlement: [
    "accounttype_must_not_be_blank",
    "amount_to_settle_must_be_positive",
    "amount_to_settle_must_not_exceed_open",
    "cash_discount_date_must_not_be_blank",
    "cash_discount_pct_must_be_below_100",
    "credit_must_be_a_credit_item",
    "date_must_not_be_blank",
    "days_must_be_a_whole_number",
    "discount_code_must_appear_once",
    "discount_code_must_be_known",
    "discount_code_must_have_days_or_date",
    "discount_codes_must_not_loop",
    "discount_pct_must_be_below_100",
    "items_must_belong_to_one_customer",
    "mark_must_appear_once",
    "marked_voucher_must_be_an_open_debit_item",
    "marks_must_not_exceed_credit",
    "priority_type_must_be_known",
    "settlement_must_exist",
    "settlement_must_not_be_unapplied_twice",
    "settlement_must_settle_an_item",
    "unapply_must_be_latest_first",
    "voucher_must_appear_once",
  ],
  /** Posting (journal, write-back). */
  posting: [
    "journal_must_not_be_posted_twice",
    "posting_must_be_completed",
    "appended_row_must_be_new",
    "payment_voucher_must_be_new",
    "journal_table_must_have_the_journal_columns",
    "rows_must_be_unchanged_since_the_proposal",
  ],
  /** Credit. */
  credit: [
    "account_must_be_blank_for_all",
    "account_must_not_be_blank",
    "adjustment_account_must_exist",
    "adjustment_currency_must_match",
    "adjustment_value_must_be_a_number",
    "band_is_range_or_values",
    "checkpoint_must_appear_once",
    "checkpoint_must_not_be_blank",
    "credit_group_must_appear_once",
    "credit_group_must_exist",
    "credit_limit_must_not_be_negative",
    "customer_must_appear_once",
    "customer_must_exist",
    "day_must_not_be_before_the_last_pass",
    "grace_days_must_be_on_all_posting_checkpoints",
    "grace_days_must_be_whole_days",
    "grace_days_need_posting",
    "hold_status_must_allow_action",
    "insurance_needs_value_and_percent",
    "normal_limit_has_no_period",
    "order_must_appear_once",
    "reasons_must_be_known",
    "release_order_needs_an_exclusion",
    "risk_groups_must_not_overlap",
    "rounding_value_must_be_positive",
    "rule_account_must_exist",
    "rule_group_must_exist",
    "rule_type_must_not_be_blank",
    "scoring_group_has_one_attribute",
    "statistics_need_one_currency",
    "status_must_not_be_blank",
    "temporary_limit_needs_a_period",
    "temporary_limit_needs_one_owner",
    "temporary_limit_owner_must_exist",
    "temporary_limits_must_not_overlap",
    "threshold_only_for_overdue_amount",
    "to_must_be_above_from",
    "to_must_not_be_before_from",
    "to_score_must_not_be_below_from",
    "unlimited_and_mandatory_must_not_both_be_set",
    "value_must_be_whole_days",
    "value_must_not_be_negative",
    "value_type_must_fit_rule_type",
    "payment_terms_must_have_a_rank",
    "cash_discount_must_have_a_rank",
    "payment_terms_ranks_must_be_code_equals_number",
    "cash_discount_ranks_must_be_code_equals_number",
  ],
  /** Collections. */
  collections: [
    "activity_kind_must_be_known",
    "activity_must_not_precede_case",
    "case_must_be_open",
    "case_must_have_one_customer",
    "charge_must_be_a_pair",
    "charge_must_be_original",
    "charge_must_be_waived",
    "charge_must_not_be_reversed",
    "charge_must_not_be_waived",
    "charges_must_not_be_empty",
    "close_date_must_not_precede_case",
    "code_must_not_be_blank",
    "customer_must_have_open_items",
    "customer_must_not_be_blank",
    "due_date_must_not_be_blank",
    "fee_must_fit_currency",
    "fee_must_not_be_negative",
    "flat_code_must_have_one_row",
    "from_month_must_be_a_whole_number",
    "from_month_must_be_unique",
    "grace_days_must_be_a_whole_number",
    "interest_code_must_have_a_rate",
    "interest_must_fit_in_2_53_minor_units",
    "journal_id_must_not_be_blank",
    "letter_code_must_be_in_sequence",
    "letter_code_must_be_unique",
    "letter_code_must_not_be_blank",
    "letter_date_must_not_be_after_as_of",
    "min_days_must_be_a_whole_number",
    "min_overdue_must_fit_currency",
    "min_overdue_must_not_be_negative",
    "nsf_must_be_a_payment",
    "payment_must_exist",
    "payment_must_not_be_cancelled",
    "percent_must_not_be_blank",
    "percent_must_not_be_negative",
    "promise_amount_must_be_within_open_amount",
    "promise_date_must_not_be_blank",
    "reason_must_not_be_blank",
    "reverse_must_be_whole_journal",
    "sequence_must_have_at_most_5_letters",
    "sequence_must_not_be_empty",
    "status_must_be_on_a_debit_item",
    "status_transition_must_be_allowed",
    "tax_amount_must_be_part_of_amount",
    "voucher_must_be_charged",
    "voucher_must_be_open",
    "voucher_must_be_unique",
  ],
  /** Collections functions and CLI. */
  collectionsFunctions: [
    "debit_or_credit_must_be_blank",
    "debit_or_credit_must_not_be_blank",
    "fee_must_be_amount_or_percent",
    "kind_must_be_one_of",
    "line_must_be_a_whole_number",
    "line_type_must_not_be_blank",
    "max_balance_must_not_be_below_min",
    "pool_must_appear_once",
    "worklist_must_have_one_currency",
  ],
  /** Cash application (statements). */
  matching: [
    "amount_must_be_an_amount",
    "amount_must_not_be_blank",
    "credit_debit_indicator_must_be_known",
    "date_must_be_a_date",
    "line_id_must_appear_once",
    "mapped_column_must_exist",
    "statement_must_be_a_bank_to_customer_statement",
    "statement_must_be_well_formed_xml",
    "statement_namespace_must_be_camt053",
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
    "amount_column_must_exist",
    "amount_to_settle_must_be_an_amount",
    "amount_to_settle_must_not_be_negative",
    "column_must_exist",
    "max_over_under_must_be_an_amount",
    "max_penny_difference_must_be_an_amount",
    "payment_amount_must_be_positive",
    "payment_must_be_an_open_credit_item",
    "payment_voucher_must_not_be_blank",
    "period_bounds_must_be_whole_days",
    "selection_must_be_a_credit_item",
    "selection_must_be_a_ledger_row",
    "snapshot_must_have_customers",
    "table_must_exist",
    "unexpected_error",
  ],
  /** Collections workspace (task pane). */
  collectionsWorkspace: [
    "case_action_must_be_open_or_close",
    "charge_must_be_posted",
    "fee_must_be_an_amount",
    "interest_code_must_exist",
    "item_must_be_open",
    "letter_codes_must_exist",
    "outcome_must_not_be_blank",
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
