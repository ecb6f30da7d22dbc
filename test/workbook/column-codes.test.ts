/**
 * The cell readers' codes are literals (src/domain/column-codes.ts): every column a reader reads has
 * the code of every check that reader can make, so `columnCode` never throws in production. The
 * types already refuse a reader of a column without its code; this suite walks every RowReader use
 * in src as a second proof, and reads worked examples through the readers.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { InvariantError } from "../../src/domain/_lib/assert";
import { COLUMN_CHECKS, COLUMN_CODES, type ColumnCheck, columnCode } from "../../src/domain/column-codes";
import { isRegisteredCode } from "../../src/domain/error-codes";
import { RowReader } from "../../src/workbook/cells";
import { readLetterSequence } from "../../src/workbook/collections-letters";
import { matchTable } from "../../src/workbook/table";

const SRC = join(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The check of each reader method's value, and where its `required` argument stands (blank check), if it has one. */
const METHODS: Readonly<Record<string, { check: ColumnCheck; required?: number | "always" }>> = {
  text: { check: "text", required: 1 },
  money: { check: "amount", required: 2 },
  date: { check: "date", required: 1 },
  number: { check: "number", required: 1 },
  percent: { check: "percent", required: 1 },
  numberOrPercent: { check: "number", required: "always" },
  rate: { check: "positive", required: "always" },
  bool: { check: "yesNo" },
  choice: { check: "oneOf" },
  currency: { check: "text" },
};

/** The top-level arguments of a call whose text starts after its `(`. */
function argumentsOf(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  if (current.trim() !== "") args.push(current.trim());
  return args;
}

interface Use {
  readonly file: string;
  readonly key: string | undefined;
  readonly checks: ColumnCheck[];
  readonly call: string;
}

/** Every call of a RowReader method in src (files that use RowReader or readEachRow). */
function readerUses(): Use[] {
  const uses: Use[] = [];
  const call = new RegExp(`\\b\\w+\\.(${Object.keys(METHODS).join("|")})(?:<\\w+>)?\\(`, "g");
  for (const path of files(SRC)) {
    const file = relative(SRC, path);
    const text = readFileSync(path, "utf8");
    if (file === join("workbook", "cells.ts") || !/\bRowReader\b|\breadEachRow\b/.test(text)) continue;
    for (const m of text.matchAll(call)) {
      const method = METHODS[m[1] ?? ""];
      if (method === undefined) continue;
      const args = argumentsOf(text.slice((m.index ?? 0) + m[0].length));
      const first = args[0];
      const key = first === undefined ? "currency" : /^"(\w+)"$/.exec(first)?.[1];
      const req = method.required === "always" ? "true" : method.required === undefined ? undefined : args[method.required];
      const blank = req !== undefined && req !== "false" && req !== "undefined";
      uses.push({ file, key, checks: blank ? ["blank", method.check] : [method.check], call: `${m[0]}${args.join(", ")})` });
    }
  }
  return uses;
}

/** The calls whose key is a variable: each is typed with its keys (a union of literals), listed here. */
const VARIABLE_KEYS: ReadonlyArray<{ file: string; keys: readonly string[]; checks: readonly ColumnCheck[] }> = [
  { file: join("workbook", "aging-input.ts"), keys: ["date", "dueDate", "documentDate"], checks: ["blank", "date"] },
  { file: join("workbook", "collections-letters.ts"), keys: ["fee", "minOverdue"], checks: ["number", "amount"] },
  { file: join("workbook", "customers.ts"), keys: ["name", "creditGroup", "customerGroup", "riskGroup", "accountStatus", "paymentTerms", "cashDiscount", "pool", "agent"], checks: ["text"] },
  { file: join("workbook", "pools.ts"), keys: ["currencies", "customerGroups", "customers"], checks: ["text"] },
];

const has = (key: string, check: ColumnCheck): boolean => Object.hasOwn(COLUMN_CODES, key) && (COLUMN_CODES as Record<string, Partial<Record<ColumnCheck, string>>>)[key]?.[check] !== undefined;

describe("every column a reader reads has the code of every check it makes", () => {
  const uses = readerUses();

  it("finds the readers (the walk is not blind)", () => {
    expect(uses.length).toBeGreaterThan(150);
    expect(uses.some((u) => u.key === "dueDate" && u.checks.includes("date"))).toBe(true);
    expect(uses.some((u) => u.key === "rate" && u.checks.join() === "blank,positive")).toBe(true);
  });

  it("every reader with a literal key: each (key, check) pair has its code", () => {
    const missing = uses.filter((u) => u.key !== undefined).flatMap((u) => u.checks.filter((c) => !has(u.key as string, c)).map((c) => `${u.file}: ${u.call} (${c})`));
    expect(missing).toEqual([]);
  });

  it("the readers with a variable key are the listed ones, and their keys have their codes", () => {
    const variable = [...new Set(uses.filter((u) => u.key === undefined).map((u) => u.file))].sort();
    expect(variable).toEqual(VARIABLE_KEYS.map((v) => v.file).sort());
    const missing = VARIABLE_KEYS.flatMap((v) => v.keys.flatMap((k) => v.checks.filter((c) => !has(k, c)).map((c) => `${k} (${c})`)));
    expect(missing).toEqual([]);
  });

  it("every code of the table is registered and is the key in snake_case with its check's ending", () => {
    const ending: Record<ColumnCheck, string> = {
      blank: "_must_not_be_blank", text: "_must_be_text", amount: "_must_be_an_amount", date: "_must_be_a_date", number: "_must_be_a_number",
      percent: "_must_be_a_percent", positive: "_must_be_positive", yesNo: "_must_be_yes_or_no", oneOf: "_must_be_one_of",
    };
    const wrong = Object.entries(COLUMN_CODES).flatMap(([key, checks]) =>
      Object.entries(checks).filter(([check, code]) => {
        const expected = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase() + ending[check as ColumnCheck];
        return code !== expected || !isRegisteredCode(code) || !COLUMN_CHECKS.includes(check as ColumnCheck);
      }).map(([check, code]) => `${key}.${check}: ${code}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("the readers raise the table's literal codes", () => {
  const table = (rows: unknown[][]) => {
    const m = matchTable(rows, [
      { key: "dueDate", header: "DueDate" },
      { key: "amount", header: "Amount" },
      { key: "disputed", header: "Disputed" },
      { key: "rate", header: "Rate" },
    ], "Transactions");
    if (!m.ok) throw new Error("no table");
    return new RowReader(m.value);
  };

  it("reads a row of bad cells into one code per cell, naming row and column", () => {
    const r = table([["DueDate", "Amount", "Disputed", "Rate"], ["2024-02-31", "12.345", "maybe", ""]]).at(0);
    expect(r.date("dueDate", true)).toBeUndefined();
    expect(r.money("amount", 2, true)).toBeUndefined();
    expect(r.bool("disputed")).toBe(false);
    expect(r.rate("rate")).toBeUndefined();
    expect(r.errors.map((e) => [e.code, e.row, e.column])).toEqual([
      ["due_date_must_be_a_date", 2, "DueDate"],
      ["amount_must_be_an_amount", 2, "Amount"],
      ["disputed_must_be_yes_or_no", 2, "Disputed"],
      ["rate_must_not_be_blank", 2, "Rate"],
    ]);
  });

  it("reads good cells without an error", () => {
    const r = table([["DueDate", "Amount", "Disputed", "Rate"], ["2024-02-29", "12.34", "Ja", "1.5"]]).at(0);
    expect([r.date("dueDate", true), r.money("amount", 2, true), r.bool("disputed"), r.rate("rate")]).toEqual([45351, 1234, true, "1.5"]);
    expect(r.errors).toEqual([]);
  });

  it("re-codes a letter's bad fee as the fee's amount code (a literal, not a template)", () => {
    const read = readLetterSequence([["Code", "Fee", "MinOverdue"], ["L1", "-5", "x"]]);
    expect(read.ok ? [] : read.errors.map((e) => e.code)).toEqual(["fee_must_be_an_amount", "min_overdue_must_be_an_amount"]);
  });

  describe("invalid input", () => {
    it("a key/check pair without a code is a programming error", () => {
      expect(() => columnCode("dueDate", "yesNo")).toThrow(InvariantError);
      expect(() => columnCode("noSuchColumn", "date")).toThrow(/noSuchColumn has no code for the date check/);
      expect(() => columnCode("constructor", "text")).toThrow(InvariantError);
    });

    it("a reader of a column without its code does not compile", () => {
      const r = table([["DueDate", "Amount", "Disputed", "Rate"], ["", "", "", "1"]]).at(0);
      // @ts-expect-error -- dueDate has no yes-or-no code
      expect(() => r.bool("dueDate")).not.toThrow();
      // @ts-expect-error -- disputed has no blank code: it cannot be required
      expect(() => r.text("disputed", true)).toThrow(InvariantError);
    });
  });
});
