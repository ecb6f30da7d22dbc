/**
 * What every custom function shares: turning thrown operating errors into `#VALUE!` with a message
 * that names the row and column, and reading scalar arguments through the engine's parsers.
 */
import { parseDate } from "../../domain/dates";
import { CcInputError, ccError, describeErrors } from "../../domain/errors";
import { InvariantError } from "../../domain/_lib/assert";
import { textOf } from "../../workbook/cells";
import { excelErrorCc, excelErrorOf, isBlank } from "../../workbook/table";

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
    return body();
  } catch (e) {
    throw toCellError(e);
  }
}

export function toCellError(e: unknown): Error {
  let message: string;
  if (e instanceof CcInputError) message = describeErrors(e.errors);
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

/** A required date argument (serial or ISO text). */
export function dateArg(value: unknown, name: string): number {
  const v = cellArg(value, name);
  if (isBlank(v)) throw new CcInputError([ccError(`${name.toLowerCase()}_must_not_be_blank`, "is required", { column: name })]);
  const parsed = parseDate(v);
  if (!parsed.ok) throw new CcInputError([ccError(`${name.toLowerCase()}_must_be_a_date`, parsed.reason, { column: name })]);
  return parsed.serial;
}

/** An optional text argument: null, undefined and "" are absent; a number is its 15 digits. */
export function optionalText(value: unknown, name: string): string | undefined {
  const v = cellArg(value, name);
  if (isBlank(v)) return undefined;
  const t = textOf(v);
  if (t === undefined) throw new CcInputError([ccError(`${name.toLowerCase()}_must_be_text`, "is not text", { column: name })]);
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
