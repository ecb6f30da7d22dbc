/**
 * The aging chart sheet: one row per aging period, one column per currency (the snapshot's Total
 * rows turned on their side), with a native clustered column chart of the periods by currency.
 */
import type { AgingSnapshot } from "../../domain/aging/snapshot";
import { currencyExponent, minorToNumber } from "../../domain/money";
import { isoFromSerial } from "../../domain/dates";
import type { OutCell, OutputSheet } from "./sheet-xml";

export const AGING_CHART_SHEET = "Aging chart";

/**
 * @example agingChartSheet(snapshot).rows[0] // ["Period", "EUR", "USD"]
 */
export function agingChartSheet(snapshot: AgingSnapshot, name = AGING_CHART_SHEET): OutputSheet {
  const totals = snapshot.totals.filter((t) => t.currency !== "");
  const rows: OutCell[][] = [["Period", ...totals.map((t) => t.currency)]];
  snapshot.labels.forEach((label, p) => {
    rows.push([label, ...totals.map((t) => minorToNumber(t.periodsMinor[p] ?? 0, currencyExponent(t.currency) ?? 2))]);
  });
  return {
    name,
    rows,
    chart: { title: `Aging by currency as of ${isoFromSerial(snapshot.asOfSerial)}`, categoryColumn: 0, seriesColumns: totals.map((_t, i) => i + 1), valueAxisTitle: "Amount (currency units)" },
  };
}
