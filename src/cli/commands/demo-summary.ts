/**
 * The demo's front sheet `Summary`: one row per figure of the run (as-of date, input, and each
 * step's counts and amounts; the aging balances one row per currency), as a table whose amounts
 * take their currency's decimals like every other sheet the CLI writes.
 */
import { exponentOf, minorToNumber } from "../../domain/money";
import type { OutCell, OutputSheet } from "../_lib/sheet-xml";

export const SUMMARY_SHEET = "Summary";

export interface Figure {
  readonly step: string;
  readonly figure: string;
  readonly dateSerial?: number;
  readonly count?: number;
  readonly currency?: string;
  readonly amountMinor?: number;
  readonly detail?: string;
}

const HEADER = ["Step", "Figure", "Date", "Count", "Currency", "Amount", "Detail"];

/**
 * @example summarySheet([{ step: "Aging", figure: "Balance", currency: "JPY", amountMinor: 1200 }]).rows
 * // [["Step", "Figure", "Date", "Count", "Currency", "Amount", "Detail"], ["Aging", "Balance", null, null, "JPY", 1200, null]]
 */
export function summarySheet(figures: readonly Figure[]): OutputSheet {
  const rows: OutCell[][] = [HEADER];
  for (const f of figures) {
    const amount = f.amountMinor === undefined ? null : minorToNumber(f.amountMinor, exponentOf(f.currency ?? ""));
    rows.push([f.step, f.figure, f.dateSerial ?? null, f.count ?? null, f.currency ?? null, amount, f.detail ?? null]);
  }
  return { name: SUMMARY_SHEET, rows, dateColumns: [2] };
}
