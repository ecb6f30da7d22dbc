/**
 * Worklist I/O: CC.WORKLIST's Name/Value options and the table it spills,
 * `Rank | Customer | Name | Pool | Agent | Balance | Overdue | OldestDueDate | Status | NextAction`.
 */
import type { WorklistOptions, WorklistRow } from "../domain/collections";
import { ccError, fail, ok, type Result } from "../domain/errors";
import { currencyExponent, exponentOf, minorToNumber } from "../domain/money";
import { MIN_SETTLED, predictOpenInvoices } from "../domain/prediction";
import type { InvoicePrediction, LedgerInvoice, PredictionOptions } from "../domain/prediction/types";
import type { ReadOptions } from "./cells";
import { readOptions } from "./options";
import { PREDICTION_COLUMNS, readPredictionLedger } from "./prediction-input";
import { normalizeHeader } from "./table";

export const WORKLIST_HEADER = ["Rank", "Customer", "Name", "Pool", "Agent", "Balance", "Overdue", "OldestDueDate", "Status", "NextAction"] as const;

/**
 * DisputesLast (default TRUE), IncludeZeroBalance (default FALSE), Pool and Agent (filters),
 * AccountingCurrency (rank a ledger of several currencies in it, with the rates argument).
 * @example readWorklistOptions([["Agent", "ana"], ["DisputesLast", false]]) // ok({ agent: "ana", disputesLast: false })
 */
export function readWorklistOptions(range: unknown): Result<Pick<WorklistOptions, "pool" | "agent" | "disputesLast" | "includeZeroBalance"> & { accountingCurrency?: string }> {
  const read = readOptions(range, { DisputesLast: { kind: "bool" }, IncludeZeroBalance: { kind: "bool" }, Pool: { kind: "text" }, Agent: { kind: "text" }, AccountingCurrency: { kind: "text" } });
  if (!read.ok) return read;
  const v = read.value;
  const text = (k: string): string | undefined => (typeof v[k] === "string" && v[k] !== "" ? (v[k] as string) : undefined);
  const pool = text("Pool");
  const agent = text("Agent");
  const accountingCurrency = text("AccountingCurrency")?.trim().toUpperCase();
  if (accountingCurrency !== undefined && currencyExponent(accountingCurrency) === undefined) {
    return fail(ccError("currency_must_be_known", { case: "option", option: "AccountingCurrency", currency: accountingCurrency }, { table: "options", column: "AccountingCurrency" }));
  }
  return {
    ok: true,
    value: {
      ...(accountingCurrency !== undefined ? { accountingCurrency } : {}),
      ...(pool !== undefined ? { pool } : {}),
      ...(agent !== undefined ? { agent } : {}),
      ...(typeof v["DisputesLast"] === "boolean" ? { disputesLast: v["DisputesLast"] } : {}),
      ...(typeof v["IncludeZeroBalance"] === "boolean" ? { includeZeroBalance: v["IncludeZeroBalance"] } : {}),
    },
  };
}

/**
 * The settlement history in a worklist's ledger: its invoices with their ClosedDate when the range
 * has a ClosedDate column (or an alias such as SettledDate, PaidDate), else undefined (the
 * worklist then ranks by the age-weighted overdue amount).
 * @example readWorklistHistory([["Customer", "Amount", "DueDate"], ["C1", 100, 45000]]) // ok(undefined)
 */
export function readWorklistHistory(range: unknown, options: ReadOptions = {}): Result<LedgerInvoice[] | undefined> {
  const closed = PREDICTION_COLUMNS.find((c) => c.key === "closed");
  const names = new Set([closed?.header ?? "ClosedDate", ...(closed?.aliases ?? [])].map(normalizeHeader));
  // Only the header row is looked at here (the ledger's reader checks the whole range's shape).
  const first: unknown = Array.isArray(range) ? range[0] : undefined;
  const header: readonly unknown[] = Array.isArray(first) ? first : [];
  if (!header.some((h) => typeof h === "string" && names.has(normalizeHeader(h)))) return { ok: true, value: undefined };
  return readPredictionLedger(range, options);
}

/**
 * The header and one row per customer, amounts in major units, OldestDueDate a serial ("" when none).
 * @example worklistTable(rows)[1] // [1, "C2", "Beta", "P1", "ana", 300, 300, 45378, "None", "Call about overdue items"]
 */
export function worklistTable(rows: readonly WorklistRow[]): (string | number)[][] {
  return [
    [...WORKLIST_HEADER],
    ...rows.map((r) => {
      const exp = exponentOf(r.currency);
      return [r.rank, r.customer, r.name, r.pool, r.agent, minorToNumber(r.balanceMinor, exp), minorToNumber(r.overdueMinor, exp), r.oldestDueSerial ?? "", r.status, r.nextAction];
    }),
  ];
}

/** Open invoices' late-payment predictions by `customer\u0000voucher`, or why there are none. */
export type LedgerPredictions =
  | { readonly kind: "predicted"; readonly trainedOn: number; readonly byInvoice: ReadonlyMap<string, InvoicePrediction> }
  | { readonly kind: "unavailable"; readonly needed: number };

/** The key of an invoice in `LedgerPredictions.byInvoice`. */
export const predictionKey = (customer: string, voucher: string): string => `${customer}\u0000${voucher}`;

/**
 * The workbook-level reader of late-payment predictions for a ledger range (the task pane's
 * collections workspace shows them per open invoice): the same history CC.WORKLIST reads
 * (`readWorklistHistory`), scored by the prediction engine (`predictOpenInvoices`). Without a
 * ClosedDate column, or with fewer settled invoices than the engine needs, it is "unavailable"
 * with the number needed; a malformed ClosedDate is an error naming its row.
 * @example predictLedger(rangeWithClosedDates, 45657).value.kind // "predicted"
 */
export function predictLedger(range: unknown, asOfSerial: number, options: PredictionOptions = {}): Result<LedgerPredictions> {
  const history = readWorklistHistory(range);
  if (!history.ok) return history;
  if (history.value === undefined) return ok({ kind: "unavailable", needed: MIN_SETTLED });
  const predicted = predictOpenInvoices(history.value, asOfSerial, options);
  if (!predicted.ok) return predicted.errors.every((e) => e.code === "prediction_needs_settled_invoices") ? ok({ kind: "unavailable", needed: MIN_SETTLED }) : predicted;
  const byInvoice = new Map(predicted.value.invoices.map((p) => [predictionKey(p.customer, p.voucher), p]));
  return ok({ kind: "predicted", trainedOn: predicted.value.trainedOn, byInvoice });
}
