/**
 * Operating errors are values. Each has a snake_case code that states the broken rule, the row as
 * the user sees it in the sheet (the header is row 1 of a range), the column, and a sentence.
 * The codes are the registry of `error-codes.ts` (by area, in order of precedence), which
 * `docs/errors.md` lists.
 */
import type { ErrorCode } from "./error-codes";
import { EN, type TemplatedCode } from "./messages/en";
import { formatMessage, type MessageParams } from "./messages/format";

export type { ErrorCode } from "./error-codes";

export interface CcError {
  readonly code: ErrorCode;
  /** The sentence in English (the code's template filled with `params`). */
  readonly message: string;
  /** The values of the code's message template (src/domain/messages): the sentence in another language. */
  readonly params?: MessageParams;
  readonly row?: number;
  readonly column?: string;
  /** The input range or table the error is about, e.g. "transactions". */
  readonly table?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly CcError[] };

/**
 * @example ok(5) // { ok: true, value: 5 }
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * @example fail(ccError("exchange_rate_must_exist", { case: "settle", from: "EUR", to: "SEK" })).ok // false
 */
export function fail<T = never>(...errors: CcError[]): Result<T> {
  return { ok: false, errors };
}

type Where = { row?: number; column?: string; table?: string };

/**
 * An operating error: a registered code, the values of its message template, and where. The
 * English sentence is the template of src/domain/messages/en.ts filled with `params`; the edges
 * show it in the user's language (errorMessageIn). Codes not yet given a template take a finished
 * English sentence instead (shown in English in every language).
 * @example ccError("exchange_rate_must_exist", { case: "missing", currency: "EUR", date: "2024-01-31", accounting: "SEK" }, { table: "rates" }).message // "no exchange rate for EUR on or before 2024-01-31 (accounting currency SEK)"
 */
export function ccError(code: TemplatedCode, params: MessageParams, where?: Where): CcError;
export function ccError(code: ErrorCode, message: string, where?: Where): CcError;
export function ccError(code: ErrorCode, messageOrParams: string | MessageParams, where: Where = {}): CcError {
  const params = typeof messageOrParams === "string" ? undefined : messageOrParams;
  const message = params === undefined ? (messageOrParams as string) : formatMessage(EN[code as TemplatedCode], params);
  const e: { code: ErrorCode; message: string; params?: MessageParams; row?: number; column?: string; table?: string } = { code, message };
  if (params !== undefined) e.params = params;
  if (where.row !== undefined) e.row = where.row;
  if (where.column !== undefined) e.column = where.column;
  if (where.table !== undefined) e.table = where.table;
  return e;
}

/**
 * "row 7, DueDate: 'tomorrow' is not a date" — the form every message takes in a cell.
 * @example describeError(ccError("customer_must_exist", { case: "range", customer: "C9" }, { table: "orders", row: 7, column: "Customer" })) // "orders row 7, Customer: customer 'C9' is not in the customers range"
 */
export function describeError(e: CcError): string {
  const parts: string[] = [];
  if (e.table !== undefined && e.row !== undefined) parts.push(`${e.table} row ${e.row}`);
  else if (e.row !== undefined) parts.push(`row ${e.row}`);
  else if (e.table !== undefined) parts.push(e.table);
  if (e.column !== undefined) parts.push(e.column);
  return parts.length > 0 ? `${parts.join(", ")}: ${e.message}` : e.message;
}

/**
 * One message for a list of errors: the first, and how many more there are.
 * @example describeErrors([ccError("exchange_rate_must_exist", { case: "settle", from: "EUR", to: "SEK" }), ccError("exchange_rate_must_exist", { case: "settle", from: "EUR", to: "NOK" })]) // "settling EUR against SEK needs an exchange-rate table (and 1 more error)"
 */
export function describeErrors(errors: readonly CcError[]): string {
  const first = errors[0];
  if (first === undefined) return "unknown error";
  const more = errors.length - 1;
  return more > 0 ? `${describeError(first)} (and ${more} more ${more === 1 ? "error" : "errors"})` : describeError(first);
}

/**
 * Thrown by adapters to carry operating errors to the edge (a cell, the CLI, the task pane); its
 * message is the first error's sentence and a count of the rest.
 * @example
 * const e = new CcInputError([ccError("due_date_must_be_a_date", "'x' is not a date", { table: "transactions", row: 4, column: "DueDate" }), ccError("due_date_must_be_a_date", "'y' is not a date", { table: "transactions", row: 5, column: "DueDate" })]);
 * e.errors.length // 2
 * e.message // "transactions row 4, DueDate: 'x' is not a date (and 1 more error)"
 */
export class CcInputError extends Error {
  override name = "CcInputError";
  constructor(readonly errors: readonly CcError[]) {
    super(describeErrors(errors));
  }
}

/**
 * Unwrap a result at an edge: the value, or a thrown CcInputError.
 * @example unwrap(ok(5)) // 5
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new CcInputError(result.errors);
}
