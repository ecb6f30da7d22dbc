/**
 * Options ranges: two columns of Name / Value rows (a header row Name | Value is optional). Names
 * match like headers (case, spaces, underscores). An unknown name is an error that lists the known
 * ones; so is a value of the wrong kind.
 */
import { parseDate } from "../domain/dates";
import { ccError, type CcError, fail, ok, type Result } from "../domain/errors";
import type { MessageParams } from "../domain/messages";
import { matchChoice, parseBool, toNumber } from "./cells";
import { excelErrorsIn, isBlank, normalizeHeader } from "./table";

export type OptionKind =
  | { readonly kind: "bool" }
  | { readonly kind: "number"; readonly min?: number; readonly max?: number; readonly integer?: boolean }
  | { readonly kind: "text" }
  | { readonly kind: "date" }
  | { readonly kind: "choice"; readonly values: readonly string[] }
  /** Kept as the cell holds it, for a reader that needs more context (money needs its currency). */
  | { readonly kind: "cell" };

export type OptionSpecs = Readonly<Record<string, OptionKind>>;
export type OptionValue = boolean | number | string;

/**
 * @example readOptions([["PartialDiscount", true]], { PartialDiscount: { kind: "bool" } }) // ok({ PartialDiscount: true })
 */
export function readOptions(range: unknown, specs: OptionSpecs, name = "options"): Result<Record<string, OptionValue>> {
  const read = readOptionRows(range, specs, name);
  return read.ok ? ok(read.value.values) : read;
}

/** `readOptions` with the row (1-based) each option was read from, for errors found later. */
export function readOptionRows(range: unknown, specs: OptionSpecs, name = "options"): Result<{ values: Record<string, OptionValue>; rows: Record<string, number> }> {
  const out: Record<string, OptionValue> = {};
  const rowOf: Record<string, number> = {};
  if (range === null || range === undefined) return ok({ values: out, rows: rowOf });
  const rows = Array.isArray(range) ? (range as unknown[]).map((r) => (Array.isArray(r) ? (r as unknown[]) : [r])) : [[range]];
  const bad = excelErrorsIn(rows, name, ["Name", "Value"]);
  if (bad.length > 0) return fail(...bad);
  const known = new Map(Object.keys(specs).map((k) => [normalizeHeader(k), k]));
  const errors: CcError[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    if (r.every(isBlank)) return;
    const rawName = String(r[0] ?? "").trim();
    if (i === 0 && normalizeHeader(rawName) === "name" && normalizeHeader(String(r[1] ?? "")) === "value") return;
    const key = known.get(normalizeHeader(rawName));
    if (key === undefined) {
      errors.push(ccError("option_must_be_known", { option: rawName, known: Object.keys(specs).join(", ") }, { table: name, row, column: "Name" }));
      return;
    }
    const spec = specs[key];
    const value = r[1];
    if (spec === undefined) return;
    if (isBlank(value)) return;
    const parsed = parseOption(value, spec);
    if (parsed === undefined) {
      errors.push(ccError("option_value_must_fit", { case: "kind", value: String(value), option: key, ...describeKind(spec) }, { table: name, row, column: "Value" }));
      return;
    }
    out[key] = parsed;
    rowOf[key] = row;
  });
  return errors.length > 0 ? fail(...errors) : ok({ values: out, rows: rowOf });
}

function parseOption(value: unknown, spec: OptionKind): OptionValue | undefined {
  switch (spec.kind) {
    case "bool":
      return parseBool(value);
    case "number": {
      const n = toNumber(value);
      if (n === undefined) return undefined;
      if (spec.min !== undefined && n < spec.min) return undefined;
      if (spec.max !== undefined && n > spec.max) return undefined;
      if (spec.integer === true && !Number.isInteger(n)) return undefined;
      return n;
    }
    case "text":
      return String(value).trim();
    case "date": {
      const d = parseDate(value);
      return d.ok ? d.serial : undefined;
    }
    case "choice":
      return matchChoice(String(value), spec.values);
    case "cell":
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
  }
}

/** What an option takes, as the params of option_value_must_fit (`kind` selects the words). */
function describeKind(spec: OptionKind): MessageParams {
  switch (spec.kind) {
    case "number":
      return spec.max !== undefined ? { kind: "range", min: spec.min ?? "any", max: spec.max } : spec.min !== undefined ? { kind: "atLeast", min: spec.min } : { kind: "number" };
    case "choice":
      return { kind: "choice", values: spec.values.join(", ") };
    default:
      return { kind: spec.kind };
  }
}
