/**
 * The codes of the cell readers (src/workbook/cells.ts), by column key and check: a reader that
 * finds the cell of `dueDate` blank raises `COLUMN_CODES.dueDate.blank`. Every code here is a
 * literal of the registry (src/domain/error-codes.ts; most in the area "columns", a few in the area
 * of the engine that also raises them), so docs/errors.md lists each one.
 *
 * A key gets the checks of the readers that read it: `blank` (a required cell is blank), then the
 * check of the kind of value (`text`, `amount`, `date`, `number`, `percent`, `positive` for a
 * rate, `yesNo`, `oneOf`). RowReader's methods take only keys that have their check here, so a
 * reader of a column without its code does not compile (test/workbook/column-codes.test.ts walks
 * the readers too). To read a new column: add its key with the codes of its checks (the code is
 * the key in snake_case and the check's ending), and the codes to the area "columns" of the
 * registry and of docs/errors.md.
 */
import { InvariantError } from "./_lib/assert";
import type { RegisteredCode } from "./error-codes";

/** The checks of a cell reader, in the order they run (blank before the kind of value). */
export const COLUMN_CHECKS = ["blank", "text", "amount", "date", "number", "percent", "positive", "yesNo", "oneOf"] as const;
export type ColumnCheck = (typeof COLUMN_CHECKS)[number];

/** Column key -> check -> code, keys in alphabetical order (ignoring case). */
export const COLUMN_CODES = {
  Account: { text: "account_must_be_text" },
  account: { blank: "account_must_not_be_blank", text: "account_must_be_text" },
  AccountingAmount: { blank: "accounting_amount_must_not_be_blank", amount: "accounting_amount_must_be_an_amount" },
  AccountingCurrency: { text: "accounting_currency_must_be_text" },
  AccountRole: { blank: "account_role_must_not_be_blank", text: "account_role_must_be_text" },
  accountStatus: { text: "account_status_must_be_text" },
  AccountType: { oneOf: "account_type_must_be_one_of" },
  action: { blank: "action_must_not_be_blank", text: "action_must_be_text" },
  activityId: { blank: "activity_id_must_not_be_blank", text: "activity_id_must_be_text" },
  agent: { text: "agent_must_be_text" },
  Amount: { blank: "amount_must_not_be_blank", amount: "amount_must_be_an_amount" },
  amount: { blank: "amount_must_not_be_blank", amount: "amount_must_be_an_amount", number: "amount_must_be_a_number" },
  attribute: { blank: "attribute_must_not_be_blank", text: "attribute_must_be_text" },
  bankAccount: { text: "bank_account_must_be_text" },
  basis: { oneOf: "basis_must_be_one_of" },
  block: { yesNo: "block_must_be_yes_or_no" },
  caseId: { blank: "case_id_must_not_be_blank", text: "case_id_must_be_text" },
  cashDiscount: { text: "cash_discount_must_be_text" },
  cashDiscountDate: { date: "cash_discount_date_must_be_a_date" },
  cashDiscountPct: { percent: "cash_discount_pct_must_be_a_percent" },
  checkpoint: { oneOf: "checkpoint_must_be_one_of" },
  closed: { date: "closed_must_be_a_date" },
  code: { blank: "code_must_not_be_blank", text: "code_must_be_text" },
  CorrectsJournalId: { text: "corrects_journal_id_must_be_text" },
  counterparty: { text: "counterparty_must_be_text" },
  Credit: { amount: "credit_must_be_an_amount" },
  creditGroup: { blank: "credit_group_must_not_be_blank", text: "credit_group_must_be_text" },
  creditLimit: { blank: "credit_limit_must_not_be_blank", amount: "credit_limit_must_be_an_amount" },
  creditLimitExpiry: { date: "credit_limit_expiry_must_be_a_date" },
  currencies: { text: "currencies_must_be_text" },
  Currency: { text: "currency_must_be_text" },
  currency: { blank: "currency_must_not_be_blank", text: "currency_must_be_text" },
  Customer: { blank: "customer_must_not_be_blank", text: "customer_must_be_text" },
  customer: { blank: "customer_must_not_be_blank", text: "customer_must_be_text" },
  customerGroup: { text: "customer_group_must_be_text" },
  customerGroups: { text: "customer_groups_must_be_text" },
  customers: { text: "customers_must_be_text" },
  customerSince: { date: "customer_since_must_be_a_date" },
  Date: { blank: "date_must_not_be_blank", date: "date_must_be_a_date" },
  date: { blank: "date_must_not_be_blank", date: "date_must_be_a_date" },
  days: { number: "days_must_be_a_number" },
  Debit: { amount: "debit_must_be_an_amount" },
  Dimension: { text: "dimension_must_be_text" },
  dimension: { text: "dimension_must_be_text" },
  discountCode: { text: "discount_code_must_be_text" },
  disputed: { yesNo: "disputed_must_be_yes_or_no" },
  disputeDate: { date: "dispute_date_must_be_a_date" },
  documentDate: { blank: "document_date_must_not_be_blank", date: "document_date_must_be_a_date" },
  dueDate: { blank: "due_date_must_not_be_blank", date: "due_date_must_be_a_date" },
  exclude: { yesNo: "exclude_must_be_yes_or_no" },
  expiry: { date: "expiry_must_be_a_date" },
  fee: { amount: "fee_must_be_an_amount", number: "fee_must_be_a_number" },
  forced: { yesNo: "forced_must_be_yes_or_no" },
  from: { blank: "from_must_not_be_blank", date: "from_must_be_a_date", number: "from_must_be_a_number" },
  fromMonth: { blank: "from_month_must_not_be_blank", number: "from_month_must_be_a_number" },
  fromScore: { blank: "from_score_must_not_be_blank", number: "from_score_must_be_a_number" },
  graceDays: { number: "grace_days_must_be_a_number" },
  group: { blank: "group_must_not_be_blank", text: "group_must_be_text" },
  insurance: { amount: "insurance_must_be_an_amount" },
  insuranceInExposure: { yesNo: "insurance_in_exposure_must_be_yes_or_no" },
  insurancePct: { percent: "insurance_pct_must_be_a_percent" },
  invoice: { text: "invoice_must_be_text" },
  JournalId: { blank: "journal_id_must_not_be_blank", text: "journal_id_must_be_text" },
  kind: { blank: "kind_must_not_be_blank", text: "kind_must_be_text", oneOf: "kind_must_be_one_of" },
  legalEntity: { text: "legal_entity_must_be_text" },
  Line: { blank: "line_must_not_be_blank", number: "line_must_be_a_number" },
  lineId: { text: "line_id_must_be_text" },
  LineType: { oneOf: "line_type_must_be_one_of" },
  LinkId: { blank: "link_id_must_not_be_blank", text: "link_id_must_be_text" },
  mandatory: { yesNo: "mandatory_must_be_yes_or_no" },
  maxBalance: { amount: "max_balance_must_be_an_amount" },
  maxRevenue: { amount: "max_revenue_must_be_an_amount" },
  minBalance: { amount: "min_balance_must_be_an_amount" },
  minDays: { number: "min_days_must_be_a_number" },
  minOverdue: { amount: "min_overdue_must_be_an_amount", number: "min_overdue_must_be_a_number" },
  name: { text: "name_must_be_text" },
  newLimit: { blank: "new_limit_must_not_be_blank", amount: "new_limit_must_be_an_amount" },
  next: { text: "next_must_be_text" },
  note: { text: "note_must_be_text" },
  OffsetVoucher: { text: "offset_voucher_must_be_text" },
  order: { blank: "order_must_not_be_blank", text: "order_must_be_text" },
  original: { amount: "original_must_be_an_amount" },
  outcome: { text: "outcome_must_be_text" },
  packingSlip: { amount: "packing_slip_must_be_an_amount" },
  paymentTerms: { text: "payment_terms_must_be_text" },
  pct: { blank: "pct_must_not_be_blank", percent: "pct_must_be_a_percent" },
  percent: { blank: "percent_must_not_be_blank", percent: "percent_must_be_a_percent" },
  percentPerMonth: { blank: "percent_per_month_must_not_be_blank", percent: "percent_per_month_must_be_a_percent" },
  points: { blank: "points_must_not_be_blank", number: "points_must_be_a_number" },
  pool: { blank: "pool_must_not_be_blank", text: "pool_must_be_text" },
  posting: { yesNo: "posting_must_be_yes_or_no" },
  PostingProfile: { text: "posting_profile_must_be_text" },
  postingProfile: { text: "posting_profile_must_be_text" },
  proForma: { yesNo: "pro_forma_must_be_yes_or_no" },
  promiseAmount: { amount: "promise_amount_must_be_an_amount" },
  promiseDate: { date: "promise_date_must_be_a_date" },
  rate: { blank: "rate_must_not_be_blank", positive: "rate_must_be_positive" },
  Reason: { text: "reason_must_be_text" },
  reason: { blank: "reason_must_not_be_blank", text: "reason_must_be_text" },
  reasons: { text: "reasons_must_be_text" },
  reference: { text: "reference_must_be_text" },
  releasedAmount: { amount: "released_amount_must_be_an_amount" },
  releaseOrder: { yesNo: "release_order_must_be_yes_or_no" },
  riskGroup: { blank: "risk_group_must_not_be_blank", text: "risk_group_must_be_text" },
  ruleType: { oneOf: "rule_type_must_be_one_of" },
  status: { oneOf: "status_must_be_one_of" },
  step: { oneOf: "step_must_be_one_of" },
  target: { oneOf: "target_must_be_one_of" },
  TaxAccount: { text: "tax_account_must_be_text" },
  taxAmount: { amount: "tax_amount_must_be_an_amount" },
  TaxCode: { text: "tax_code_must_be_text" },
  taxCode: { text: "tax_code_must_be_text" },
  text: { text: "text_must_be_text" },
  threshold: { percent: "threshold_must_be_a_percent" },
  to: { blank: "to_must_not_be_blank", date: "to_must_be_a_date", number: "to_must_be_a_number" },
  toScore: { blank: "to_score_must_not_be_blank", number: "to_score_must_be_a_number" },
  type: { oneOf: "type_must_be_one_of" },
  unlimited: { yesNo: "unlimited_must_be_yes_or_no" },
  validFor: { oneOf: "valid_for_must_be_one_of" },
  value: { blank: "value_must_not_be_blank", text: "value_must_be_text", number: "value_must_be_a_number" },
  values: { text: "values_must_be_text" },
  valueType: { oneOf: "value_type_must_be_one_of" },
  Voucher: { blank: "voucher_must_not_be_blank", text: "voucher_must_be_text" },
  voucher: { blank: "voucher_must_not_be_blank", text: "voucher_must_be_text" },
  vouchers: { text: "vouchers_must_be_text" },
} as const satisfies Readonly<Record<string, Readonly<Partial<Record<ColumnCheck, RegisteredCode>>>>>;

type Codes = typeof COLUMN_CODES;
/** The column keys that have a code for check `C` (every key when no check is given). */
export type ColumnKey<C extends ColumnCheck = ColumnCheck> = { [K in keyof Codes]: C extends keyof Codes[K] ? K : never }[keyof Codes];

/**
 * The code of `check` on column `key`. A pair without a code is a programming error: RowReader's
 * types admit only keys with the check, so this throws only past a cast.
 * @example columnCode("dueDate", "date") // "due_date_must_be_a_date"
 */
export function columnCode(key: string, check: ColumnCheck): RegisteredCode {
  const codes: Readonly<Partial<Record<ColumnCheck, RegisteredCode>>> | undefined = Object.prototype.hasOwnProperty.call(COLUMN_CODES, key) ? COLUMN_CODES[key as keyof Codes] : undefined;
  const code = codes?.[check];
  if (code === undefined) throw new InvariantError(`column ${key} has no code for the ${check} check (src/domain/column-codes.ts)`);
  return code;
}
