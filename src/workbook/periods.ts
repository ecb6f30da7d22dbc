/**
 * An aging period definition from a range: either a list of upper bounds in days ({30,60,90,120})
 * or rows of Label, Days (cumulative upper bound of the age in days; a blank last Days is the
 * open-ended period), optionally with a third column Unit (Day, Week, Month, Quarter, Year) that
 * turns the second column into the period's length in that unit.
 */
import {
  type AgingBasis,
  type AgingDefinition,
  type AgingPeriod,
  defaultDefinition,
  definitionFromBounds,
  PERIOD_UNITS,
  type PeriodUnit,
  validateDefinition,
} from "../domain/aging/periods";
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import { matchChoice, toNumber } from "./cells";
import { excelErrorsIn, isBlank } from "./table";

/** Longest period: the whole span of dates Excel has (1900-01-01 to 9999-12-31), in each unit. */
const MAX_LENGTH: Readonly<Record<PeriodUnit, number>> = { Day: 2958465, Week: 422638, Month: 97200, Quarter: 32400, Year: 8100, Unlimited: 0 };

const where = (row: number, column?: string): { table: string; row: number; column?: string } =>
  column === undefined ? { table: "periods", row } : { table: "periods", row, column };

export function readPeriods(range: unknown, basis: AgingBasis): Result<AgingDefinition> {
  if (range === null || range === undefined) return ok(defaultDefinition(basis));
  const bad = excelErrorsIn(range, "periods", ["Label", "Days", "Unit"]);
  if (bad.length > 0) return fail(...bad);
  const rows = (Array.isArray(range) ? range : [[range]]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  const nonBlank = rows.filter((r) => r.some((c) => !isBlank(c)));
  if (nonBlank.length === 0) return ok(defaultDefinition(basis));
  const allNumbers = nonBlank.every((r) => r.every((c) => isBlank(c) || typeof c === "number"));
  const oneLine = nonBlank.length === 1 || nonBlank.every((r) => r.filter((c) => !isBlank(c)).length === 1);
  if (allNumbers && oneLine) return readBounds(nonBlank.flat().filter((c) => !isBlank(c)) as number[], basis);
  return readLabelled(nonBlank, basis);
}

function readBounds(bounds: number[], basis: AgingBasis): Result<AgingDefinition> {
  let previous = 0;
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i] ?? 0;
    if (!Number.isInteger(b) || b <= previous || b > MAX_LENGTH.Day) {
      return fail(
        ccError("period_bounds_must_increase", { case: "bounds", bound: b, previous }, { table: "periods", column: `bound ${i + 1}` }),
      );
    }
    previous = b;
  }
  return validateDefinition(definitionFromBounds(bounds, basis), basis);
}

function readLabelled(rows: unknown[][], basis: AgingBasis): Result<AgingDefinition> {
  let body = rows;
  let firstRow = 1;
  const head = rows[0] ?? [];
  if (typeof head[1] === "string" && toNumber(head[1]) === undefined && /^(days?|upper|to|length|bound)/i.test(head[1].trim())) {
    body = rows.slice(1);
    firstRow = 2;
  }
  const withUnits = body.some((r) => !isBlank(r[2]));
  const periods: AgingPeriod[] = [];
  const errors: CcError[] = [];
  let notDueLabel: string | undefined;
  let previous = 0;
  body.forEach((r, i) => {
    const row = firstRow + i;
    const label = isBlank(r[0]) ? "" : String(r[0]).trim();
    if (label === "") {
      errors.push(ccError("period_label_must_not_be_blank", { case: "cell" }, where(row, "Label")));
      return;
    }
    if (isBlank(r[1])) {
      periods.push({ label, length: 0, unit: "Unlimited" });
      return;
    }
    const n = toNumber(r[1]);
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      errors.push(ccError("period_days_must_be_whole", { case: "notWhole", value: String(r[1]) }, where(row, "Days")));
      return;
    }
    if (withUnits) {
      const unit = matchChoice<PeriodUnit>(String(r[2] ?? "Day"), PERIOD_UNITS, { Days: "Day", Weeks: "Week", Months: "Month", Quarters: "Quarter", Years: "Year" });
      if (unit === undefined) {
        errors.push(ccError("period_unit_must_be_known", { value: String(r[2]), units: PERIOD_UNITS.join(", ") }, where(row, "Unit")));
        return;
      }
      if (n > MAX_LENGTH[unit]) {
        errors.push(ccError("period_days_must_be_whole", { case: "tooLong", value: n, unit }, where(row, "Days")));
        return;
      }
      periods.push({ label, length: n, unit });
      return;
    }
    if (n === 0 && i === 0 && basis === "due") {
      notDueLabel = label;
      return;
    }
    if (n > MAX_LENGTH.Day) {
      errors.push(ccError("period_days_must_be_whole", { case: "tooLong", value: n, unit: "Day" }, where(row, "Days")));
      return;
    }
    if (n <= previous && !(i === 0 && n > 0)) {
      errors.push(ccError("period_bounds_must_increase", { case: "rows", bound: n, previous }, where(row, "Days")));
      return;
    }
    periods.push({ label, length: n - previous, unit: "Day" });
    previous = n;
  });
  if (errors.length > 0) return fail(...errors);
  const def: AgingDefinition = { name: "Custom", periods, ...(notDueLabel !== undefined ? { notDueLabel } : {}) };
  return validateDefinition(def, basis);
}
