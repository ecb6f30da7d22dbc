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
import { readLedger } from "./ledger";

const STAT_COLUMNS: readonly ColumnSpec[] = [
  { key: "original", header: "OriginalAmount", aliases: ["Original", "AmountOriginal", "OriginalInvoiceAmount", "GrossAmount"] },
  { key: "closed", header: "ClosedDate", aliases: ["Closed", "SettledDate", "SettlementDate", "PaidDate", "DatePaid"] },
];

/**
 * @example readStatisticsLedger([["Customer", "Amount", "Date", "OriginalAmount"], ["C", 0, "2024-01-01", 100]]).value[0].originalMinor // 10000
 * With `customer`, every row is still validated (in columns, src/workbook/ledger.ts), but items are
 * made only of that customer's rows: what `customerStatistics` keeps of a whole ledger.
 */
export function readStatisticsLedger(range: unknown, options: ReadOptions = {}, customer?: string): Result<StatItem[]> {
  const matched = matchTable(range, STAT_COLUMNS, "transactions");
  // Without either column the records are the statistics items as they are: no second pass, no
  // copies, and the columns keep only the customer's rows.
  const plain = matched.ok && !matched.value.index.has("original") && !matched.value.index.has("closed");
  const columns = readLedger(range, plain && customer !== undefined ? { ...options, customer } : options);
  // The ledger's errors come first, then the two columns' own.
  if (!columns.ok) return columns;
  if (!matched.ok) return matched;
  const ledger = columns.value;
  if (plain) return ok(ledger.records());
  const id = customer === undefined ? -2 : ledger.customerIndex(customer);
  const mine = (i: number): boolean => id === -2 || ledger.customerOf[i] === id;
  const table = { ...matched.value, rows: trimBlankRows(matched.value.rows) };
  const r = new RowReader(table, options);
  // The ledger's row i is the table's row i (both trim the same trailing blank rows).
  const records = ledger.records(mine);
  let k = 0;
  const out: StatItem[] = [];
  for (let i = 0; i < table.rows.length && i < ledger.length; i++) {
    r.at(i);
    const currency = ledger.currencies[ledger.currencyOf[i] as number] as string;
    const originalMinor = r.money("original", exponentOf(currency));
    const closedSerial = r.date("closed");
    if (!mine(i)) continue;
    const t = records[k++] as StatItem;
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
