/**
 * The Transactions range as the prediction engine reads it (issue 17): the ledger's columns plus
 * ClosedDate (required: the day an invoice was paid in full; aliases SettledDate, PaidDate, ...),
 * OriginalAmount (the invoice's amount as issued, when Amount is the open amount), DisputeDate (the
 * day a dispute was raised) and the columns named in option Features. Only debit invoices become
 * records; payments, credit notes and fees are read (and checked) but not predicted.
 */
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import { exponentOf } from "../domain/money";
import type { FeatureValue, LedgerInvoice } from "../domain/prediction/types";
import { parseBool, type ReadOptions, RowReader, toNumber } from "./cells";
import { type ColumnSpec, isBlank, isRange, matchTable, normalizeHeader, trimBlankRows } from "./table";
import { readTransactions, TRANSACTION_COLUMNS } from "./transactions";

const DUE_DATE = TRANSACTION_COLUMNS.find((c) => c.key === "dueDate") as ColumnSpec;

export const PREDICTION_COLUMNS: readonly ColumnSpec[] = [
  { key: "closed", header: "ClosedDate", aliases: ["Closed", "SettledDate", "SettlementDate", "PaidDate", "DatePaid", "ClosedOn"], required: true },
  { key: "original", header: "OriginalAmount", aliases: ["Original", "AmountOriginal", "OriginalInvoiceAmount", "GrossAmount"] },
  { key: "disputeDate", header: "DisputeDate", aliases: ["DisputedDate", "DisputeRaised", "DisputeRaisedDate", "DisputedOn"] },
  { ...DUE_DATE, required: true },
];

export interface ReadPredictionOptions extends ReadOptions {
  /** Extra columns to read as features, by header (matched like headers). */
  readonly features?: readonly string[];
}

/**
 * @example readPredictionLedger([["Customer", "Voucher", "Date", "DueDate", "Amount", "ClosedDate"], ["C1", "V1", "2024-01-01", "2024-01-31", 100, "2024-02-03"]]).value[0].closedSerial // 45325
 */
export function readPredictionLedger(range: unknown, options: ReadPredictionOptions = {}): Result<LedgerInvoice[]> {
  const records = readTransactions(range, { ...options, require: ["date"] });
  if (!records.ok) return records;
  const matched = matchTable(range, PREDICTION_COLUMNS, "transactions");
  if (!matched.ok) return matched;
  const featureIndex = findFeatureColumns(range, options.features ?? []);
  if (!featureIndex.ok) return featureIndex;
  const table = { ...matched.value, rows: trimBlankRows(matched.value.rows) };
  const r = new RowReader(table, options);
  const byRow = new Map(records.value.map((t) => [t.row, t]));
  const out: LedgerInvoice[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const t = byRow.get(r.rowNumber);
    if (t === undefined || t.type !== "Invoice") continue;
    const originalMinor = r.money("original", exponentOf(t.currency));
    const closedSerial = r.date("closed");
    const disputeSerial = r.date("disputeDate");
    const dueSerial = r.date("dueDate", true);
    const amountMinor = originalMinor ?? t.amountMinor;
    // A settled invoice without its settlement date (open amount 0, no ClosedDate) says nothing we can use.
    if (amountMinor <= 0 || (closedSerial === undefined && t.amountMinor <= 0)) continue;
    if (dueSerial === undefined || t.dateSerial === undefined) continue;
    const extras: Record<string, FeatureValue> = {};
    for (const [name, index] of featureIndex.value) {
      const v = featureValue(r.row[index]);
      if (v !== undefined) extras[name] = v;
    }
    const inv: { -readonly [K in keyof LedgerInvoice]: LedgerInvoice[K] } = {
      customer: t.customer,
      voucher: t.voucher !== "" ? t.voucher : (t.invoice ?? `row ${t.row}`),
      row: t.row,
      dateSerial: t.dateSerial,
      dueSerial,
      amountMinor,
      currency: t.currency,
    };
    if (closedSerial !== undefined) inv.closedSerial = closedSerial;
    if (disputeSerial !== undefined) inv.disputeSerial = disputeSerial;
    if (featureIndex.value.size > 0) inv.extras = extras;
    out.push(inv);
  }
  return r.errors.length > 0 ? fail(...r.errors) : ok(out);
}

/** The column index of each named feature; a name that is no header is an error. */
function findFeatureColumns(range: unknown, names: readonly string[]): Result<Map<string, number>> {
  const header = isRange(range) ? (range[0] ?? []) : [];
  const out = new Map<string, number>();
  const errors: CcError[] = [];
  for (const name of names) {
    const i = header.findIndex((h) => !isBlank(h) && normalizeHeader(String(h)) === normalizeHeader(name));
    if (i < 0) errors.push(ccError("feature_column_must_exist", { column: name }, { table: "transactions", row: 1, column: name }));
    else out.set(name, i);
  }
  return errors.length > 0 ? fail(...errors) : ok(out);
}

/** A feature cell: numbers (and numeric text) as numbers, yes/no as 1/0, other text as a category; blank is absent. */
export function featureValue(cell: unknown): FeatureValue | undefined {
  if (isBlank(cell)) return undefined;
  if (typeof cell === "boolean") return cell ? 1 : 0;
  const n = toNumber(cell);
  if (n !== undefined) return n;
  if (typeof cell === "number") return undefined;
  const b = parseBool(cell);
  if (b !== undefined) return b ? 1 : 0;
  return String(cell).trim();
}
