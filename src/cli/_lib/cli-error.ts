/**
 * Errors the CLI reports to the user: a message (naming the file, sheet, row and column) and an
 * exit code. Anything else that escapes is a bug and is printed with its stack.
 */
import { type CcError, describeError } from "../../domain/errors";

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Exit code for bad arguments (usage errors), as most Unix tools do. */
export const USAGE_EXIT = 2;

/**
 * Engine errors as lines that name the sheet and the sheet row: the readers number rows from 2
 * (header = row 1); a table whose header sits lower is shifted by `headerRow - 1`.
 */
export function describeAt(errors: readonly CcError[], sheet: string, headerRow = 1): string {
  return errors
    .map((e) => {
      const shifted: CcError = e.row === undefined ? e : { ...e, row: e.row + headerRow - 1 };
      return `  sheet '${sheet}', ${describeError(shifted)} [${e.code}]`;
    })
    .join("\n");
}

export function inputError(errors: readonly CcError[], sheet: string, headerRow = 1): CliError {
  const more = errors.length >= 50 ? "\n  (stopped after 50 errors)" : "";
  return new CliError(`${errors.length} error${errors.length === 1 ? "" : "s"} in the input:\n${describeAt(errors, sheet, headerRow)}${more}`);
}

type SheetAt = { readonly sheet: string; readonly headerRow: number };

/**
 * Errors of several sheets: each named and shifted by its own sheet's header row. An error names
 * its sheet by `table`: the sheet's name, or (given a record) the key the engine calls it by.
 */
export function sheetErrors(errors: readonly CcError[], sheets: readonly SheetAt[] | Readonly<Record<string, SheetAt | undefined>>, fallback: SheetAt): CliError {
  const list: readonly SheetAt[] = Array.isArray(sheets) ? sheets : Object.values(sheets).filter((s): s is SheetAt => s !== undefined);
  const byKey = (e: CcError): SheetAt | undefined => (Array.isArray(sheets) || e.table === undefined ? undefined : (sheets as Readonly<Record<string, SheetAt | undefined>>)[e.table]);
  const sheetOf = (e: CcError): SheetAt => byKey(e) ?? list.find((x) => x.sheet === e.table) ?? fallback;
  const lines = errors.map((e) => describeAt([e], sheetOf(e).sheet, sheetOf(e).headerRow)).join("\n");
  return new CliError(`${errors.length} error${errors.length === 1 ? "" : "s"} in the input:\n${lines}${errors.length >= 50 ? "\n  (stopped after 50 errors)" : ""}`);
}
