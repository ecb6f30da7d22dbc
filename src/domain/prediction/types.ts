/**
 * Records and results of late-payment prediction (issue 17). Dates are 1900-system serials, amounts
 * integers of minor units in the invoice's own currency.
 */

/** A value of a user-named extra column (option Features): a number (yes/no read as 1/0) or a category. */
export type FeatureValue = number | string;

/** One invoice of the ledger, as the prediction engine sees it. */
export interface LedgerInvoice {
  readonly customer: string;
  readonly voucher: string;
  /** The sheet row, for messages and stable ordering. */
  readonly row: number;
  /** Invoice (transaction) date. */
  readonly dateSerial: number;
  readonly dueSerial: number;
  /** The invoice's amount as issued (OriginalAmount when given, else Amount), > 0. */
  readonly amountMinor: number;
  readonly currency: string;
  /** The day the invoice was paid in full (ClosedDate); absent while open. */
  readonly closedSerial?: number;
  /** The day a dispute was raised (DisputeDate); absent when never disputed. */
  readonly disputeSerial?: number;
  /** Values of the columns named in option Features, by the name the user gave; absent = blank. */
  readonly extras?: Readonly<Record<string, FeatureValue>>;
}

export interface PredictionOptions {
  /** Late = 1 to veryLateDays days after the due date; VeryLate = more (default 30). */
  readonly veryLateDays?: number;
  /** Extra column names (keys of `LedgerInvoice.extras`) to use as features. */
  readonly features?: readonly string[];
  /** Seeds the samples drawn when there are more training examples than MAX_STUMP_ROWS or MAX_TRAINING_ROWS (default 1). */
  readonly seed?: number;
}

/** One contribution to an invoice's late probability (log-odds units; > 0 pushes towards late). */
export interface Factor {
  readonly feature: string;
  readonly contribution: number;
}

export interface InvoicePrediction {
  readonly customer: string;
  readonly voucher: string;
  readonly row: number;
  readonly dueSerial: number;
  readonly amountMinor: number;
  readonly currency: string;
  /** Probabilities of paying on or before the due date, 1..VeryLateDays days late, and later; they sum to 1. */
  readonly onTime: number;
  readonly late: number;
  readonly veryLate: number;
  /** Expected days after the due date, E[max(0, paid - due)], one decimal. */
  readonly expectedDaysLate: number;
  /** dueSerial + the median of the predicted days late (0 when on time is at least as likely as not). */
  readonly predictedPaySerial: number;
  /** The three largest contributions to the late probability, largest magnitude first. */
  readonly topFactors: readonly Factor[];
}

/** Per customer and currency: the sum over its open invoices of amount x P(late or very late). */
export interface CustomerExpectedLate {
  readonly customer: string;
  readonly currency: string;
  readonly openMinor: number;
  readonly expectedLateMinor: number;
  readonly invoices: number;
}

export interface PredictionResult {
  readonly asOfSerial: number;
  /** Settled invoices the model was trained on. */
  readonly trainedOn: number;
  readonly invoices: readonly InvoicePrediction[];
  readonly customers: readonly CustomerExpectedLate[];
}
