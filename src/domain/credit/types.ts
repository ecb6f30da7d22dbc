/**
 * Credit-management records (docs/domain.md §2 and §5). Amounts are integers of minor units in
 * the record's own currency; dates are 1900-system serials; percents are percent points.
 * Every record remembers its sheet row so that an error or a decision can point at it.
 */

export interface Customer {
  readonly customer: string;
  readonly name?: string;
  /** The currency of the customer's limit and of its exposure ("" = no currency). */
  readonly currency: string;
  /** Normal limit in minor units of `currency`; blank in the sheet = 0 (no credit). */
  readonly creditLimitMinor: number;
  readonly creditLimitExpirySerial?: number;
  readonly unlimited: boolean;
  readonly mandatory: boolean;
  readonly creditGroup?: string;
  readonly customerGroup?: string;
  readonly riskGroup?: string;
  readonly accountStatus?: string;
  /** Default payment terms and cash-discount code (compared by rank with an order's). */
  readonly paymentTerms?: string;
  readonly cashDiscount?: string;
  readonly customerSinceSerial?: number;
  readonly excludeFromCreditManagement: boolean;
  /** Insurance policy value, minor units of `currency`. */
  readonly insuranceMinor?: number;
  readonly insurancePct?: number;
  readonly insuranceInExposure: boolean;
  readonly pool?: string;
  readonly agent?: string;
  readonly row: number;
}

export interface CreditGroup {
  readonly creditGroup: string;
  readonly creditLimitMinor: number;
  readonly currency: string;
  readonly creditLimitExpirySerial?: number;
  readonly row: number;
}

/** A limit that replaces the normal one from `fromSerial` to `toSerial` (both inclusive). */
export interface TemporaryLimit {
  readonly owner: "Customer" | "Group";
  readonly account: string;
  /** Minor units of the owner's currency. */
  readonly creditLimitMinor: number;
  readonly fromSerial: number;
  readonly toSerial: number;
  readonly row: number;
}

export const ORDER_STATUSES = ["Open", "Hold", "Released", "Invoiced", "Cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Orders in these statuses are part of exposure; Invoiced ones are in the ledger already. */
export const OPEN_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set(["Open", "Hold", "Released"]);

export interface Order {
  readonly order: string;
  readonly customer: string;
  /** Open (not yet delivered) order amount, minor units of `currency`. */
  readonly amountMinor: number;
  readonly currency: string;
  readonly paymentTerms?: string;
  readonly cashDiscount?: string;
  /** Delivered on packing slips but not yet invoiced, minor units of `currency`. */
  readonly packingSlipMinor: number;
  readonly status: OrderStatus;
  readonly row: number;
}

export const RULE_TYPES = [
  "DaysOverdue",
  "AccountStatus",
  "PaymentTerms",
  "CreditLimitExpired",
  "OverdueAmount",
  "SalesOrderAmount",
  "CreditLimitUsed",
] as const;
export type RuleType = (typeof RULE_TYPES)[number];
export const RULE_LEVELS = ["Customer", "Group", "All"] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];
export const RULE_KINDS = ["Blocking", "Exclusion"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const VALUE_TYPES = ["Days", "Amount", "Percent", "Text"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** The value type each rule type measures. */
export const RULE_VALUE_TYPE: Readonly<Record<RuleType, ValueType>> = {
  DaysOverdue: "Days",
  AccountStatus: "Text",
  PaymentTerms: "Text",
  CreditLimitExpired: "Days",
  OverdueAmount: "Amount",
  SalesOrderAmount: "Amount",
  CreditLimitUsed: "Percent",
};

export interface BlockingRule {
  readonly ruleType: RuleType;
  readonly validFor: RuleLevel;
  /** A customer (validFor Customer) or a customer group (validFor Group). */
  readonly account?: string;
  readonly riskGroup?: string;
  readonly kind: RuleKind;
  readonly valueType: ValueType;
  /** Days and percents as numbers; amounts as exact decimal text in major units; Text as text. */
  readonly value: string;
  /** OverdueAmount only: the credit-used percent that must also be exceeded. */
  readonly thresholdPct?: number;
  readonly releaseOrder: boolean;
  readonly row: number;
}

/** Hold reasons in the order results list them: the limit checks, each rule type, the rank checks. */
export const REASON_CODES = ["CreditLimit", "CreditGroupLimit", "Mandatory", ...RULE_TYPES, "PaymentTermsRank", "CashDiscountRank"] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export type CreditStatus = "OK" | "HOLD" | "RELEASED";

/** One limit checked: the customer's own or its credit group's, in that limit's currency. */
export interface LimitCheck {
  readonly scope: "Customer" | "Group";
  readonly account: string;
  /** null = unlimited. */
  readonly limitMinor: number | null;
  readonly exposureMinor: number;
  readonly availableMinor: number | null;
  readonly currency: string;
  readonly held: boolean;
}

/** How one rule was measured and what it decided. */
export interface RuleOutcome {
  readonly rule: BlockingRule;
  /** The measured value as text (days, amount in major units, percent, or text). */
  readonly measured: string;
  readonly holds: boolean;
  /** For a blocking rule: the exclusion that cancelled it. */
  readonly cancelledBy?: BlockingRule;
}

export interface CreditCheckResult {
  readonly customer: string;
  readonly status: CreditStatus;
  /** Hold reasons in REASON_CODES order; for RELEASED, the reasons the release overrode. */
  readonly reasons: readonly ReasonCode[];
  /** The binding limit check's numbers (the one with the least room), in its currency. */
  readonly limitMinor: number | null;
  readonly exposureMinor: number;
  readonly availableMinor: number | null;
  readonly currency: string;
  readonly checks: readonly LimitCheck[];
  readonly rules: readonly RuleOutcome[];
  /** The exclusion with "release order" that released the order. */
  readonly releasedBy?: BlockingRule;
}

export const CHECKPOINT_STEPS = ["Confirmation", "PickingList", "PackingSlip", "Invoice"] as const;
export type CheckpointStep = (typeof CHECKPOINT_STEPS)[number];

export interface Checkpoint {
  readonly step: CheckpointStep;
  readonly posting: boolean;
  readonly proForma: boolean;
  /** Allowed only with posting; all posting checkpoints have grace days or none does. */
  readonly graceDays?: number;
  readonly row: number;
}
