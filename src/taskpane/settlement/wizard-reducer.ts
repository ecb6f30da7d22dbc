/**
 * The settlement wizard's state as a pure reducer: the steps Choose, Payment, Method, Review and
 * Post/Unapply dispatch actions; the hook (hooks/use-settlement.ts) does the workbook work and
 * dispatches its results. No React, no gateway, no clock here: every transition is a unit test
 * (test/taskpane/wizard-reducer.test.ts).
 *
 * Any change to a choice drops the proposal and its edits: what is reviewed is always what the
 * current choices propose.
 */
import { ccError, type CcError, type Result } from "../../domain/errors";
import type { MessageParams } from "../../domain/messages";
import type { JournalLine } from "../../domain/journal";
import type { RateTable } from "../../domain/rates";
import { ledgerCurrency } from "../../domain/rates";
import type { Proposal, SettlementOptions } from "../../domain/settlement/types";
import { isoFromSerial } from "../../domain/dates";
import { serialFromInput } from "../_lib/dates";
import { type Ledger, openCustomers, openItems } from "./ledger";
import type { AmountReader, FieldError, MethodKind, PaymentChoice, WizardInput } from "./wizard";

export type ToleranceKey = "maxPennyDifferenceMinor" | "maxOverUnderMinor";
export const TOLERANCE_KEYS: readonly ToleranceKey[] = ["maxPennyDifferenceMinor", "maxOverUnderMinor"];

/** The options set by a choice, not typed (tolerances are typed text, read at proposal time). */
export type ChosenOptions = Pick<Partial<SettlementOptions>, "partialDiscount" | "useCashDiscount" | "discountAdministration">;

export interface WizardState {
  readonly table: string;
  readonly ledger: Ledger | undefined;
  readonly history: readonly JournalLine[];
  readonly rates: RateTable | undefined;
  /** A customer asked for (opened from Collections) before the ledger was loaded. */
  readonly pendingCustomer: string | undefined;
  /** A customer asked for who has no open items in the loaded ledger. */
  readonly missingCustomer: string | undefined;
  readonly customer: string;
  readonly payment: PaymentChoice;
  /** The settlement date as the date input holds it (yyyy-mm-dd). */
  readonly dateText: string;
  readonly method: MethodKind;
  readonly options: ChosenOptions;
  readonly tolerances: Readonly<Record<ToleranceKey, string>>;
  /** Blank until a ledger is loaded: then the ledger's currency, unless the user typed one. */
  readonly accountingCurrency: string;
  readonly accountingTyped: boolean;
  /** The method's proposal, and what the review shows (the same, or it with the edits). */
  readonly base: Proposal | undefined;
  readonly proposal: Proposal | undefined;
  readonly proposalErrors: readonly CcError[];
  /** voucher -> the amount to settle as typed in the review. */
  readonly edits: ReadonlyMap<string, string>;
  readonly editErrors: ReadonlyMap<string, FieldError>;
}

export type WizardAction =
  | { type: "tableChosen"; table: string }
  | { type: "ledgerLoaded"; ledger: Ledger; history: readonly JournalLine[]; rates: RateTable | undefined }
  | { type: "openOn"; customer: string }
  | { type: "customerChosen"; customer: string }
  | { type: "paymentKindChosen"; kind: PaymentChoice["kind"] }
  | { type: "paymentRowChosen"; voucher: string }
  | { type: "typedPaymentChanged"; patch: Partial<Pick<Extract<PaymentChoice, { kind: "typed" }>, "voucher" | "amount" | "currency">> }
  | { type: "dateTyped"; text: string }
  | { type: "methodChosen"; method: MethodKind }
  | { type: "optionsChanged"; patch: ChosenOptions }
  | { type: "toleranceTyped"; key: ToleranceKey; text: string }
  | { type: "accountingTyped"; currency: string }
  | { type: "proposed"; result: Result<Proposal> }
  | { type: "edited"; edits: ReadonlyMap<string, string>; errors: ReadonlyMap<string, FieldError>; result: Result<Proposal> | undefined }
  | { type: "posted"; ledger: Ledger; history: readonly JournalLine[]; rates: RateTable | undefined; payment: PaymentChoice }
  | { type: "historyChanged"; ledger: Ledger; history: readonly JournalLine[]; rates: RateTable | undefined }
  | { type: "selectionPicked"; customer: string; voucher: string; dateSerial: number | undefined };

/** The voucher a new typed payment starts with. */
export const NEW_PAYMENT_VOUCHER = "PAY-NEW";

export function initialWizard(todaySerial: number, table = "Transactions"): WizardState {
  return {
    table, ledger: undefined, history: [], rates: undefined, pendingCustomer: undefined, missingCustomer: undefined,
    customer: "", payment: { kind: "row", voucher: "" }, dateText: isoFromSerial(todaySerial), method: "duedate", options: {},
    tolerances: { maxPennyDifferenceMinor: "0", maxOverUnderMinor: "0" }, accountingCurrency: "", accountingTyped: false,
    base: undefined, proposal: undefined, proposalErrors: [], edits: new Map(), editErrors: new Map(),
  };
}

const NO_PROPOSAL = { base: undefined, proposal: undefined, proposalErrors: [], edits: new Map<string, string>(), editErrors: new Map<string, FieldError>() } as const;

/** A customer's currency: that of most of their open items, else the ledger's, else blank. */
export function customerCurrency(ledger: Ledger | undefined, customer: string): string {
  if (ledger === undefined) return "";
  const items = [...(ledger.byVoucher.get(customer)?.values() ?? [])];
  return ledgerCurrency(items) ?? ledgerCurrency(ledger.transactions) ?? "";
}

/** A new typed payment of the customer, in the customer's currency. */
export function newTypedPayment(ledger: Ledger | undefined, customer: string): PaymentChoice {
  return { kind: "typed", voucher: NEW_PAYMENT_VOUCHER, amount: "", currency: customerCurrency(ledger, customer) };
}

function withLedger(s: WizardState, ledger: Ledger, history: readonly JournalLine[], rates: RateTable | undefined): WizardState {
  const accountingCurrency = s.accountingTyped ? s.accountingCurrency : (ledgerCurrency(ledger.transactions) ?? s.accountingCurrency);
  return { ...s, ledger, history, rates, accountingCurrency };
}

/** Choose a customer: their first open payment or credit note (and its date), else a typed payment. */
function choose(s: WizardState, customer: string): WizardState {
  const first = s.ledger === undefined ? undefined : openItems(s.ledger, customer).credits[0];
  return {
    ...s, ...NO_PROPOSAL, customer, pendingCustomer: undefined, missingCustomer: undefined,
    payment: first === undefined ? newTypedPayment(s.ledger, customer) : { kind: "row", voucher: first.voucher },
    ...(first?.dateSerial !== undefined ? { dateText: isoFromSerial(first.dateSerial) } : {}),
  };
}

/** Open on a customer of the loaded ledger, or say they have no open items. */
function openOn(s: WizardState, customer: string): WizardState {
  if (s.ledger === undefined) return { ...s, pendingCustomer: customer, missingCustomer: undefined };
  if (!openCustomers(s.ledger).includes(customer)) return { ...s, ...NO_PROPOSAL, pendingCustomer: undefined, missingCustomer: customer, customer: "" };
  return choose(s, customer);
}

export function wizardReducer(s: WizardState, a: WizardAction): WizardState {
  switch (a.type) {
    case "tableChosen":
      return { ...s, ...NO_PROPOSAL, table: a.table };
    case "ledgerLoaded": {
      const next = withLedger({ ...s, ...NO_PROPOSAL }, a.ledger, a.history, a.rates);
      if (s.pendingCustomer !== undefined) return openOn(next, s.pendingCustomer);
      // A reload keeps the customer while they still have open items.
      return s.customer !== "" && !openCustomers(a.ledger).includes(s.customer) ? { ...next, customer: "" } : next;
    }
    case "openOn":
      return openOn(s, a.customer);
    case "customerChosen":
      return choose(s, a.customer);
    case "paymentKindChosen": {
      if (a.kind === s.payment.kind) return s;
      const first = s.ledger === undefined ? undefined : openItems(s.ledger, s.customer).credits[0];
      return { ...s, ...NO_PROPOSAL, payment: a.kind === "row" ? { kind: "row", voucher: first?.voucher ?? "" } : newTypedPayment(s.ledger, s.customer) };
    }
    case "paymentRowChosen":
      return { ...s, ...NO_PROPOSAL, payment: { kind: "row", voucher: a.voucher } };
    case "typedPaymentChanged":
      return s.payment.kind !== "typed" ? s : { ...s, ...NO_PROPOSAL, payment: { ...s.payment, ...a.patch } };
    case "dateTyped":
      return { ...s, ...NO_PROPOSAL, dateText: a.text };
    case "methodChosen":
      return { ...s, ...NO_PROPOSAL, method: a.method };
    case "optionsChanged":
      return { ...s, ...NO_PROPOSAL, options: { ...s.options, ...a.patch } };
    case "toleranceTyped":
      return { ...s, ...NO_PROPOSAL, tolerances: { ...s.tolerances, [a.key]: a.text } };
    case "accountingTyped":
      return { ...s, ...NO_PROPOSAL, accountingCurrency: a.currency.trim().toUpperCase(), accountingTyped: true };
    case "proposed":
      return a.result.ok
        ? { ...s, ...NO_PROPOSAL, base: a.result.value, proposal: a.result.value }
        : { ...s, ...NO_PROPOSAL, proposalErrors: a.result.errors };
    case "edited": {
      if (s.base === undefined) return s;
      const shown = a.result === undefined ? s.proposal : a.result.ok ? a.result.value : s.proposal;
      return { ...s, edits: a.edits, editErrors: a.errors, proposal: shown, proposalErrors: a.result !== undefined && !a.result.ok ? a.result.errors : [] };
    }
    case "posted":
      // Start the review over on the fresh ledger; the customer and method stay for the next payment.
      return { ...withLedger({ ...s, ...NO_PROPOSAL }, a.ledger, a.history, a.rates), payment: a.payment };
    case "historyChanged":
      return { ...withLedger({ ...s, ...NO_PROPOSAL }, a.ledger, a.history, a.rates) };
    case "selectionPicked":
      return {
        ...s, ...NO_PROPOSAL, customer: a.customer, pendingCustomer: undefined, missingCustomer: undefined, payment: { kind: "row", voucher: a.voucher },
        ...(a.dateSerial !== undefined ? { dateText: isoFromSerial(a.dateSerial) } : {}),
      };
  }
}

/** The settlement date, or undefined while the date field holds no date. */
export function dateSerialOf(s: WizardState): number | undefined {
  return serialFromInput(s.dateText);
}

/** The payment's currency: the chosen row's, or the typed one (upper case), blank when unknown. */
export function paymentCurrency(s: WizardState): string {
  if (s.payment.kind === "typed") return s.payment.currency.trim().toUpperCase();
  const voucher = s.payment.voucher;
  return s.ledger?.byVoucher.get(s.customer)?.get(voucher)?.currency ?? "";
}

/**
 * The tolerances read in the payment's currency and the pane's language: a blank field is 0;
 * each unreadable one has its error. A new currency reads the same text again.
 */
export function readTolerances(s: WizardState, parse: AmountReader): { values: Partial<Record<ToleranceKey, number>>; errors: Partial<Record<ToleranceKey, FieldError>> } {
  const values: Partial<Record<ToleranceKey, number>> = {};
  const errors: Partial<Record<ToleranceKey, FieldError>> = {};
  const currency = paymentCurrency(s);
  for (const key of TOLERANCE_KEYS) {
    const text = s.tolerances[key];
    if (text.trim() === "") {
      values[key] = 0;
      continue;
    }
    if (currency === "") continue; // read once the payment's currency is known
    const r = parse(text, currency);
    const refused = (params: MessageParams): CcError =>
      key === "maxPennyDifferenceMinor" ? ccError("max_penny_difference_must_be_an_amount", params, { column: "MaxPennyDifference" }) : ccError("max_over_under_must_be_an_amount", params, { column: "MaxOverUnder" });
    if (!r.ok) errors[key] = { ...refused({ case: "typed", reason: r.error.message }), reason: r.error.code };
    else if (r.minor < 0) errors[key] = { ...refused({ case: "negative" }), reason: "amount_is_negative" };
    else values[key] = r.minor;
  }
  return { values, errors };
}

/**
 * The typed payment's amount field: its error while typed text does not read (blank is not an
 * error until a proposal is asked for).
 */
export function typedAmountError(s: WizardState, parse: AmountReader): FieldError | undefined {
  if (s.payment.kind !== "typed" || s.payment.amount.trim() === "") return undefined;
  const currency = paymentCurrency(s);
  if (currency === "") return undefined;
  const r = parse(s.payment.amount, currency);
  return r.ok ? undefined : { ...ccError("payment_must_be_an_amount", { reason: r.error.message }, { column: "Amount" }), reason: r.error.code };
}

/** The request of the current choices, or undefined while a choice is missing or does not read. */
export function wizardInput(s: WizardState, parse: AmountReader): WizardInput | undefined {
  const dateSerial = dateSerialOf(s);
  const tol = readTolerances(s, parse);
  if (s.ledger === undefined || s.customer === "" || dateSerial === undefined || Object.keys(tol.errors).length > 0) return undefined;
  return { customer: s.customer, payment: s.payment, dateSerial, method: s.method, options: { ...s.options, ...tol.values } };
}
