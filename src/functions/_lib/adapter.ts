/**
 * What every custom function shares: turning thrown operating errors into `#VALUE!` with a message
 * that names the row and column, and reading scalar arguments through the engine's parsers.
 */
import { parseDate } from "../../domain/dates";
import { CcInputError, ccError } from "../../domain/errors";
import type { TemplatedCode } from "../../domain/messages";
import { InvariantError } from "../../domain/_lib/assert";
import { textOf } from "../../workbook/cells";
import { excelErrorCc, excelErrorOf, isBlank } from "../../workbook/table";
import { describeErrorsIn, officeDisplayLanguage } from "./error-language";
import { withColumnPool } from "../../workbook/_lib/column-pool";

/** An error a custom function returns; in Excel it becomes `CustomFunctions.Error`. */
export class FunctionError extends Error {
  override name = "FunctionError";
}

/**
 * Run an adapter body. Operating errors become `#VALUE!` with their message; broken invariants
 * become `#VALUE!` too, with "internal error" so that they are reported, never shown as a number.
 */
export function runFunction<T>(body: () => T): T {
  try {
    // Typed-array columns are lent for the call and reused by the next (src/workbook/_lib/column-pool.ts).
    return withColumnPool(body);
  } catch (e) {
    throw toCellError(e);
  }
}

export function toCellError(e: unknown): Error {
  let message: string;
  if (e instanceof CcInputError) message = describeErrorsIn(e.errors, officeDisplayLanguage());
  else if (e instanceof FunctionError) message = e.message;
  else if (e instanceof InvariantError) message = `internal error: ${e.message}`;
  // Anything else escaping an adapter is a bug too (a TypeError from an unguarded read): say so.
  else message = `internal error: ${e instanceof Error ? e.message : String(e)}`;
  const cf = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (cf !== undefined) return new cf.Error(cf.ErrorCode.invalidValue, message) as unknown as Error;
  return new FunctionError(message);
}

/** A scalar argument that may arrive as a 1x1 range. */
export function scalar(value: unknown): unknown {
  if (Array.isArray(value)) {
    const row = value[0] as unknown;
    return Array.isArray(row) ? row[0] : row;
  }
  return value;
}

/**
 * A scalar argument's value, refusing an Excel error value (`#N/A` from a failed lookup) with an
 * error naming the argument: the one rule of the cell readers, for arguments.
 */
export function cellArg(value: unknown, name: string): unknown {
  const v = scalar(value);
  const shown = excelErrorOf(v);
  if (shown !== undefined) throw new CcInputError([excelErrorCc(shown, { column: name })]);
  return v;
}

/** The date arguments of the custom functions, and the codes of each (a finite set: no code is built from a name). */
const DATE_ARGS = {
  asOf: ["asof_must_not_be_blank", "asof_must_be_a_date"],
  day: ["day_must_not_be_blank", "day_must_be_a_date"],
  lastDay: ["lastday_must_not_be_blank", "lastday_must_be_a_date"],
  from: ["from_must_not_be_blank", "from_must_be_a_date"],
  to: ["to_must_not_be_blank", "to_must_be_a_date"],
  date: ["date_must_not_be_blank", "date_must_be_a_date"],
  paymentDate: ["paymentdate_must_not_be_blank", "paymentdate_must_be_a_date"],
} as const satisfies Record<string, readonly [TemplatedCode, TemplatedCode]>;
export type DateArgName = keyof typeof DATE_ARGS;

/** The optional text arguments, and the code of each. */
const TEXT_ARGS = {
  basis: "basis_must_be_text",
  customer: "customer_must_be_text",
  kind: "kind_must_be_text",
  lastStep: "laststep_must_be_text",
  step: "step_must_be_text",
  method: "method_must_be_text",
  mode: "mode_must_be_text",
  payment: "payment_must_be_text",
  reason: "reason_must_be_text",
} as const satisfies Record<string, TemplatedCode>;
export type TextArgName = keyof typeof TEXT_ARGS;

/** A required date argument (serial or ISO text). */
export function dateArg(value: unknown, name: DateArgName): number {
  const v = cellArg(value, name);
  const [blank, notADate] = DATE_ARGS[name];
  if (isBlank(v)) throw new CcInputError([ccError(blank, { case: "argument" }, { column: name })]);
  const parsed = parseDate(v);
  if (!parsed.ok) throw new CcInputError([ccError(notADate, { reason: parsed.reason }, { column: name })]);
  return parsed.serial;
}

/** An optional text argument: null, undefined and "" are absent; a number is its 15 digits. */
export function optionalText(value: unknown, name: TextArgName): string | undefined {
  const v = cellArg(value, name);
  if (isBlank(v)) return undefined;
  const t = textOf(v);
  if (t === undefined) throw new CcInputError([ccError(TEXT_ARGS[name], {}, { column: name })]);
  return t;
}

/** All cells of a range or array argument, row by row, blanks dropped. */
export function flatValues(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return [value];
  return (value as unknown[]).flat(2).filter((v) => !isBlank(v));
}

/** Is an optional range argument absent (null, omitted, or all blank)? */
export function absent(value: unknown): boolean {
  // Walks the cells and stops at the first one with a value: no flattened copy of the range.
  if (value === null || value === undefined) return true;
  if (!Array.isArray(value)) return isBlank(value);
  for (const row of value as unknown[]) {
    if (!Array.isArray(row)) {
      if (!isBlank(row)) return false;
      continue;
    }
    for (const cell of row as unknown[]) {
      // As flat(2) does: a third level is looked into, a fourth is a (non-blank) value.
      if (Array.isArray(cell) ? (cell as unknown[]).some((v) => !isBlank(v)) : !isBlank(cell)) return false;
    }
  }
  return true;
}

/** `f()`, or the error it throws, to be thrown later (an argument checked after a range, in the order users see). */
export function later<T>(f: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}
