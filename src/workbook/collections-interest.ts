/**
 * Interest I/O: the interest-code range of CC.INTEREST and the table it spills.
 *
 * A code range is either a tier table (header FromMonth | PercentPerMonth, one row per tier) or a
 * flat code (header Percent | MinDays | Basis, one row). Both may carry a Code column; a flat code
 * may also be given as Name/Value rows (Percent, MinDays, Basis).
 */
import type { InterestCharges, InterestCode, InterestNote, InterestTier } from "../domain/collections";
import type { LedgerColumns } from "../domain/ledger";
import { ccError, fail, ok, type Result } from "../domain/errors";
import { exponentOf, minorToNumber, pow10 } from "../domain/money";
import { MAX_DAYS, RowReader } from "./cells";
import { readOptions } from "./options";
import { type ColumnSpec, isRange, matchTable, normalizeHeader, trimBlankRows } from "./table";

const NAME = "code";
const TIER_COLUMNS: readonly ColumnSpec[] = [
  { key: "code", header: "Code", aliases: ["InterestCode"] },
  { key: "fromMonth", header: "FromMonth", aliases: ["Month", "FromMonths", "OverdueMonth"], required: true },
  { key: "percentPerMonth", header: "PercentPerMonth", aliases: ["Percent", "Pct", "Rate", "PctPerMonth", "MonthlyPercent"], required: true },
];
const FLAT_COLUMNS: readonly ColumnSpec[] = [
  { key: "code", header: "Code", aliases: ["InterestCode"] },
  { key: "percent", header: "Percent", aliases: ["Pct", "Rate", "FlatPercent"], required: true },
  { key: "minDays", header: "MinDays", aliases: ["MinimumDays", "MinAge", "Days"] },
  { key: "basis", header: "Basis", aliases: ["CountFrom", "From"] },
];
const BASES = ["due", "transaction"] as const;
const BASIS_ALIASES = { DueDate: "due", Due: "due", TransactionDate: "transaction", Date: "transaction" } as const;

/**
 * @example readInterestCode([["FromMonth", "PercentPerMonth"], [0, 1.5], [1, 2]])
 * // ok({ kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }, { fromMonth: 1, percentPerMonth: 2 }] })
 */
export function readInterestCode(range: unknown): Result<InterestCode> {
  if (!isRange(range) || range.length === 0) return fail(ccError("code_must_not_be_blank", {}, { table: NAME }));
  const header = (range[0] ?? []).map((c) => normalizeHeader(String(c ?? "")));
  if (header.some((h) => ["frommonth", "month", "frommonths", "overduemonth"].includes(h))) return readTiers(range);
  // Name/Value rows have a value beside the first name ("Percent" | 2); a header row is all names.
  const first = range[0] ?? [];
  const nameValue = (header[0] === "name" && header[1] === "value") || (first.length >= 2 && typeof first[1] !== "string" && first[1] !== null && first[1] !== undefined);
  if (nameValue) {
    const asOptions = readOptions(range, { Code: { kind: "text" }, Percent: { kind: "number", min: 0 }, MinDays: { kind: "number", min: 0, integer: true }, Basis: { kind: "choice", values: [...BASES] } }, NAME);
    if (!asOptions.ok) return asOptions;
    const o = asOptions.value;
    if (typeof o["Percent"] !== "number") return fail(ccError("percent_must_not_be_blank", {}, { table: NAME, column: "Percent" }));
    return ok(flat(o["Percent"], typeof o["MinDays"] === "number" ? o["MinDays"] : 0, o["Basis"] === "transaction" ? "transaction" : "due", typeof o["Code"] === "string" ? o["Code"] : undefined));
  }
  return readFlat(range);
}

function flat(percent: number, minDays: number, basis: "due" | "transaction", code: string | undefined): InterestCode {
  return code === undefined || code === "" ? { kind: "flat", percent, minDays, basis } : { kind: "flat", percent, minDays, basis, code };
}

function readTiers(range: unknown[][]): Result<InterestCode> {
  const m = matchTable(range, TIER_COLUMNS, NAME);
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  const r = new RowReader(table);
  const tiers: InterestTier[] = [];
  let code: string | undefined;
  for (let i = 0; i < table.rows.length; i++) {
    r.at(i);
    code = code ?? r.text("code");
    const fromMonth = r.number("fromMonth", true, { integer: true, min: 0, max: MAX_DAYS });
    const percentPerMonth = r.percent("percentPerMonth", true);
    if (fromMonth !== undefined && percentPerMonth !== undefined) tiers.push({ fromMonth, percentPerMonth });
  }
  if (r.errors.length > 0) return fail(...r.errors);
  return ok(code === undefined ? { kind: "tiered", tiers } : { kind: "tiered", tiers, code });
}

function readFlat(range: unknown[][]): Result<InterestCode> {
  const m = matchTable(range, FLAT_COLUMNS, NAME);
  if (!m.ok) return m;
  const table = { ...m.value, rows: trimBlankRows(m.value.rows) };
  if (table.rows.length !== 1) return fail(ccError("flat_code_must_have_one_row", { rows: table.rows.length }, { table: NAME }));
  const r = new RowReader(table).at(0);
  const code = r.text("code");
  const percent = r.percent("percent", true);
  const minDays = r.number("minDays", false, { integer: true, min: 0, max: MAX_DAYS }) ?? 0;
  const basis = r.choice("basis", BASES, BASIS_ALIASES) ?? "due";
  if (r.errors.length > 0 || percent === undefined) return fail(...r.errors);
  return ok(flat(percent, minDays, basis, code));
}

/**
 * What CC.INTEREST spills: Voucher | Days | Rate | Interest, one row per charged transaction, then
 * one Total row per currency ("Total" alone when there is one currency). Rate is in percent points.
 * @example interestTable(notes) // [["Voucher", "Days", "Rate", "Interest"], ["I1", 45, 1.5, 22.5], ["Total", "", "", 22.5]]
 */
export function interestTable(notes: readonly InterestNote[]): (string | number)[][] {
  const out: (string | number)[][] = [["Voucher", "Days", "Rate", "Interest"]];
  const totals = new Map<string, number>();
  for (const n of notes) {
    const exp = exponentOf(n.currency);
    for (const l of n.lines) out.push([l.voucher, l.days, l.ratePct, minorToNumber(l.interestMinor, exp)]);
    totals.set(n.currency, (totals.get(n.currency) ?? 0) + n.totalMinor);
  }
  if (totals.size === 0) totals.set("", 0);
  for (const [currency, total] of [...totals].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push([totals.size > 1 ? `Total ${currency}` : "Total", "", "", minorToNumber(total, exponentOf(currency))]);
  }
  return out;
}

/**
 * `interestTable` of the notes `interestCharges` found on a columnar ledger: the same cells, written
 * from the columns (no line object per charged transaction).
 * @example interestChargesTable(ledger, charges) // [["Voucher", "Days", "Rate", "Interest"], ["I1", 45, 1.5, 22.5], ["Total", "", "", 22.5]]
 */
export function interestChargesTable(ledger: LedgerColumns, charges: InterestCharges): (string | number)[][] {
  const { at, days, ratePct, interestMinor } = charges;
  const out: (string | number)[][] = new Array<(string | number)[]>(at.length + 1);
  out[0] = ["Voucher", "Days", "Rate", "Interest"];
  const totals = new Map<string, number>();
  const voucher = ledger.voucher;
  let o = 1;
  for (const n of charges.notes) {
    const exp = exponentOf(n.currency);
    // minorToNumber's division, by a factor taken once per note.
    const factor = exp === 0 ? 1 : pow10(exp);
    for (let j = n.start; j < n.end; j++) out[o++] = [voucher[at[j] as number] as string, days[j] as number, ratePct[j] as number, exp === 0 ? (interestMinor[j] as number) : (interestMinor[j] as number) / factor];
    totals.set(n.currency, (totals.get(n.currency) ?? 0) + n.totalMinor);
  }
  if (totals.size === 0) totals.set("", 0);
  for (const [currency, total] of [...totals].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push([totals.size > 1 ? `Total ${currency}` : "Total", "", "", minorToNumber(total, exponentOf(currency))]);
  }
  return out;
}
