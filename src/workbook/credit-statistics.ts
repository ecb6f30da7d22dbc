/**
 * Ledger rows for credit statistics: the Transactions table plus two optional columns,
 * OriginalAmount (the invoice's full amount, for credit sales and month-end balances) and
 * ClosedDate (the day an invoice was settled, for average payment days).
 */
import type { CreditStatistics, StatItem } from "../domain/credit/statistics";
import { fail, ok, type Result } from "../domain/errors";
import { exponentOf, minorToNumber } from "../domain/money";
import { type ReadOptions, RowReader } from "./cells";
import { type ColumnSpec, matchTable, trimBlankRows } from "./table";
import { readTransactions } from "./transactions";

const STAT_COLUMNS: readonly ColumnSpec[] = [
  { key: "original", header: "OriginalAmount", aliases: ["Original", "AmountOriginal", "OriginalInvoiceAmount", "GrossAmount"] },
  { key: "closed", header: "ClosedDate", aliases: ["Closed", "SettledDate", "SettlementDate", "PaidDate", "DatePaid"] },
];

/**
 * @example readStatisticsLedger([["Customer", "Amount", "Date", "OriginalAmount"], ["C", 0, "2024-01-01", 100]]).value[0].originalMinor // 10000
 */
export function readStatisticsLedger(range: unknown, options: ReadOptions = {}): Result<StatItem[]> {
  const records = readTransactions(range, options);
  if (!records.ok) return records;
  const matched = matchTable(range, STAT_COLUMNS, "transactions");
  if (!matched.ok) return matched;
  // Without either column the records are the statistics items as they are: no second pass, no copies.
  if (!matched.value.index.has("original") && !matched.value.index.has("closed")) return records;
  const table = { ...matched.value, rows: trimBlankRows(matched.value.rows) };
  const r = new RowReader(table, options);
  // readTransactions keeps one record per row in row order, so the i-th record is normally row i's;
  // the map by row number is built only if that ever stops being true.
  let byRow: Map<number, StatItem> | undefined;
  const recordOf = (i: number, rowNumber: number): StatItem | undefined => {
    const t = records.value[i];
    if (t !== undefined && t.row === rowNumber) return t;
    byRow ??= new Map(records.value.map((x) => [x.row, x]));
    return byRow.get(rowNumber);
  };
  const out: StatItem[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    const t = recordOf(i, r.rowNumber);
    if (t === undefined) continue;
    const originalMinor = r.money("original", exponentOf(t.currency));
    const closedSerial = r.date("closed");
    out.push({ ...t, ...(originalMinor !== undefined ? { originalMinor } : {}), ...(closedSerial !== undefined ? { closedSerial } : {}) });
  }
  return r.errors.length > 0 ? fail(...r.errors) : ok(out);
}

/** Statistics as `Statistic | Value` rows; figures that cannot be computed are blank. */
export function creditStatisticsTable(stats: CreditStatistics, currency: string): (string | number)[][] {
  const exp = exponentOf(currency);
  const dec = (d: { toNumber(): number } | null): string | number => (d === null ? "" : d.toNumber());
  const [a, b] = stats.dso;
  return [
    ["Statistic", "Value"],
    ["Open balance", minorToNumber(stats.openBalanceMinor, exp)],
    [`DSO (${a.months} months)`, dec(a.dso)],
    [`DSO (${b.months} months)`, dec(b.dso)],
    [`Credit sales (${a.months} months)`, minorToNumber(a.creditSalesMinor, exp)],
    [`Credit sales (${b.months} months)`, minorToNumber(b.creditSalesMinor, exp)],
    ["Average balance", minorToNumber(stats.averageBalanceMinor, exp)],
    ["Average credit limit used %", dec(stats.averageCreditLimitUsedPct)],
    ["Average exposure %", dec(stats.averageExposurePct)],
    ["Average payment days", dec(stats.averagePaymentDays)],
    ["Currency", currency],
  ];
}
