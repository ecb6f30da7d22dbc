/**
 * Aging period definitions (docs/domain.md §3.1): an ordered list of periods, each a label and a
 * length in Day | Week | Month | Quarter | Year, the last one Unlimited. At most 12 periods.
 */
import { addMonths } from "../dates";
import { ccError, fail, ok, type Result } from "../errors";

export const PERIOD_UNITS = ["Day", "Week", "Month", "Quarter", "Year", "Unlimited"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface AgingPeriod {
  readonly label: string;
  /** Length in `unit`s; ignored for Unlimited. */
  readonly length: number;
  readonly unit: PeriodUnit;
}

export const AGING_BASES = ["due", "transaction", "document"] as const;
export type AgingBasis = (typeof AGING_BASES)[number];
/** The basis when none is given (CC.AGING, cc aging, the task pane): the due date. */
export const DEFAULT_AGING_BASIS: AgingBasis = "due";

export interface AgingDefinition {
  readonly name: string;
  /**
   * The past-due (or, for the transaction and document bases, the age) periods in order. With the
   * due-date basis a `Not due` period for ages <= 0 is always added in front by the engine.
   */
  readonly periods: readonly AgingPeriod[];
  /** Label of the period for ages <= 0 under the due-date basis; default "Not due". */
  readonly notDueLabel?: string;
}

export const NOT_DUE_LABEL = "Not due";
export const MAX_PERIODS = 12;

/**
 * A definition from cumulative upper bounds in days.
 * @example definitionFromBounds([30, 60], "due").periods.map(p => p.label) // ["1-30", "31-60", "Over 60"]
 * @example definitionFromBounds([30], "transaction").periods.map(p => p.label) // ["0-30", "Over 30"]
 */
export function definitionFromBounds(bounds: readonly number[], basis: AgingBasis): AgingDefinition {
  const periods: AgingPeriod[] = [];
  let previous = 0;
  bounds.forEach((bound, i) => {
    const from = i === 0 && basis !== "due" ? 0 : previous + 1;
    periods.push({ label: `${from}-${bound}`, length: bound - previous, unit: "Day" });
    previous = bound;
  });
  periods.push({ label: `Over ${previous}`, length: 0, unit: "Unlimited" });
  return { name: `Days ${bounds.join("/")}`, periods };
}

export const DEFAULT_BOUNDS: readonly number[] = [30, 60, 90, 120];

/**
 * Not due, 1-30, 31-60, 61-90, 91-120, Over 120 days.
 * @example defaultDefinition().periods.map((p) => p.label) // ["1-30", "31-60", "61-90", "91-120", "Over 120"]
 */
export function defaultDefinition(basis: AgingBasis = DEFAULT_AGING_BASIS): AgingDefinition {
  return { ...definitionFromBounds(DEFAULT_BOUNDS, basis), name: "Default" };
}

/**
 * Check a definition: 1-12 periods (Not due included), positive whole lengths, Unlimited last and only last.
 * @example validateDefinition({ name: "x", periods: [] }, "transaction").ok // false
 */
export function validateDefinition(def: AgingDefinition, basis: AgingBasis): Result<AgingDefinition> {
  const n = def.periods.length + (basis === "due" ? 1 : 0);
  if (def.periods.length === 0) return fail(ccError("periods_must_not_be_empty", {}, { table: "periods" }));
  if (n > MAX_PERIODS) {
    return fail(ccError("periods_at_most_twelve", { count: n, max: MAX_PERIODS }, { table: "periods" }));
  }
  const labels = new Set<string>(basis === "due" ? [def.notDueLabel ?? NOT_DUE_LABEL] : []);
  for (let i = 0; i < def.periods.length; i++) {
    const p = def.periods[i];
    if (p === undefined) continue;
    const last = i === def.periods.length - 1;
    const where = { table: "periods", row: i + 1 };
    if (p.label.trim() === "") return fail(ccError("period_label_must_not_be_blank", { case: "definition" }, where));
    if (labels.has(p.label)) return fail(ccError("period_labels_must_be_unique", { label: p.label }, where));
    labels.add(p.label);
    if (last && p.unit !== "Unlimited") {
      return fail(ccError("last_period_must_be_unlimited", {}, where));
    }
    if (!last && p.unit === "Unlimited") {
      return fail(ccError("only_last_period_unlimited", { label: p.label }, where));
    }
    if (!last && (!Number.isInteger(p.length) || p.length <= 0)) {
      return fail(ccError("period_length_must_be_positive", { label: p.label }, where));
    }
  }
  return ok(def);
}

/**
 * The earliest basis date of each period: an item whose basis date is on or after `starts[k]` (and
 * before `starts[k-1]`) falls in period k. The last period has no start (-Infinity). Periods step
 * back from the as-of date, by days or by calendar months.
 * @example periodStarts(definitionFromBounds([30], "due"), 42302) // [42272, -Infinity]
 */
export function periodStarts(def: AgingDefinition, asOfSerial: number): number[] {
  const starts: number[] = [];
  let boundary = asOfSerial;
  for (const p of def.periods) {
    boundary = stepBack(boundary, p);
    starts.push(boundary);
  }
  return starts;
}

function stepBack(serial: number, p: AgingPeriod): number {
  switch (p.unit) {
    case "Day":
      return serial - p.length;
    case "Week":
      return serial - 7 * p.length;
    case "Month":
      return addMonths(serial, -p.length);
    case "Quarter":
      return addMonths(serial, -3 * p.length);
    case "Year":
      return addMonths(serial, -12 * p.length);
    case "Unlimited":
      return Number.NEGATIVE_INFINITY;
  }
}
