/**
 * The error-message catalogs (src/domain/messages): every registered code has an English template
 * (but for the areas still raised with English sentences, listed below and shrinking), every
 * language has a template for every English one with the same placeholders, and the templates fill
 * as ICU-style messages do.
 */
import { ALL_ERROR_CODES, ERROR_CODES, type ErrorArea } from "../../src/domain/error-codes";
import { ccError, describeErrors } from "../../src/domain/errors";
import { CATALOGS, describeErrorIn, errorMessageIn, formatMessage, isTemplatedCode, MESSAGE_LANGUAGES, moreErrorsIn, placeholdersOf } from "../../src/domain/messages";
import { EN } from "../../src/domain/messages/en";
import { columnSentence } from "../../src/domain/messages/columns";
import { COLUMN_CODES } from "../../src/domain/column-codes";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { filesMatching, ROOT } from "../docs/error-codes";
import { readOptions } from "../../src/workbook/options";
import { MATCH_OPTION_SPECS } from "../../src/workbook/statement-match";
import { matchTable } from "../../src/workbook/table";

/**
 * Areas whose codes are still raised with a finished English sentence (docs/nordic.md), and the
 * cell readers' column codes, which carry the reader's English sentence and are translated by their
 * check (src/domain/messages/columns.ts; checked below).
 */
const NOT_YET_TEMPLATED: readonly ErrorArea[] = ["localeAmounts", "columns"];

describe("error message catalogs", () => {
  const english = Object.keys(EN).sort();

  it("have a template for every registered code outside the areas not yet converted", () => {
    const waiting = new Set<string>(NOT_YET_TEMPLATED.flatMap((a) => [...ERROR_CODES[a]]));
    expect(ALL_ERROR_CODES.filter((c) => !waiting.has(c) && !isTemplatedCode(c))).toEqual([]);
  });

  it("every code with a template is raised with params, never with a finished English sentence", () => {
    const withSentence = [/ccError\(\s*"([a-z0-9_]+)",\s*[`"']/g, /\.error\(\s*[^,()"]+,\s*"([a-z0-9_]+)",\s*[`"']/g];
    const raised: string[] = [];
    for (const file of filesMatching(/ccError\(|\.error\(/)) {
      const text = readFileSync(join(ROOT, "src", file), "utf8");
      for (const re of withSentence) for (const m of text.matchAll(re)) if (isTemplatedCode(m[1] ?? "")) raised.push(`${m[1]} (${file})`);
    }
    expect(raised).toEqual([]);
  });

  it("hold templates only for registered codes", () => {
    const registered = new Set<string>(ALL_ERROR_CODES);
    expect(english.filter((c) => !registered.has(c))).toEqual([]);
  });

  it.each(MESSAGE_LANGUAGES)("%s has exactly English's codes, each with English's placeholders", (language) => {
    const catalog = CATALOGS[language] as Readonly<Record<string, string>>;
    expect(Object.keys(catalog).sort()).toEqual(english);
    const differing = english.filter((code) => JSON.stringify(placeholdersOf(catalog[code] ?? "")) !== JSON.stringify(placeholdersOf((EN as Record<string, string>)[code] ?? "")));
    expect(differing).toEqual([]);
  });

  it.each(MESSAGE_LANGUAGES)("%s: every template fills completely when each placeholder has a value", (language) => {
    const catalog = CATALOGS[language] as Readonly<Record<string, string>>;
    const unfilled = english.filter((code) => {
      const template = catalog[code] ?? "";
      const params = Object.fromEntries(placeholdersOf(template).map((p) => [p, 1]));
      return /[{}]/.test(formatMessage(template, params));
    });
    expect(unfilled).toEqual([]);
  });

  it.each(MESSAGE_LANGUAGES.filter((l) => l !== "en"))("%s is translated: no template is English's word for word", (language) => {
    const catalog = CATALOGS[language] as Readonly<Record<string, string>>;
    const same = english.filter((code) => catalog[code] === (EN as Record<string, string>)[code] && /[a-z]{4,}/.test(catalog[code] ?? ""));
    expect(same).toEqual([]);
  });
});

describe("the column codes' sentences (src/domain/messages/columns.ts)", () => {
  const codes = Object.entries(COLUMN_CODES).flatMap(([key, checks]) => Object.entries(checks).map(([check, code]) => ({ key, check, code: code as string })));
  const nordic = MESSAGE_LANGUAGES.filter((l) => l !== "en");

  it.each(nordic)("%s: every column code of every check has a sentence, the same for every code of the check", (language) => {
    expect(codes.filter((c) => columnSentence(c.code, "is wrong", language) === undefined).map((c) => c.code)).toEqual([]);
    const byCheck = new Map<string, Set<string>>();
    for (const c of codes) byCheck.set(c.check, (byCheck.get(c.check) ?? new Set()).add(columnSentence(c.code, "is wrong", language) ?? ""));
    expect([...byCheck].filter(([, sentences]) => sentences.size !== 1).map(([check]) => check)).toEqual([]);
    expect(new Set([...byCheck.values()].map((s) => [...s][0])).size).toBe(byCheck.size);
  });

  it("every column code that has no template of its own is in the area 'columns' (English: the reader's sentence)", () => {
    const columns = new Set<string>(ERROR_CODES.columns);
    expect(codes.filter((c) => !isTemplatedCode(c.code) && !columns.has(c.code)).map((c) => c.code)).toEqual([]);
  });

  it("carries the offending value into the sentence", () => {
    expect(columnSentence(COLUMN_CODES.promiseAmount.amount, "'12,5,0' is not an amount", "da")).toBe("'12,5,0' er ikke et beløb med valutaens antal decimaler");
    expect(columnSentence(COLUMN_CODES.disputed.yesNo, "'maybe' is not yes or no", "nb")).toBe("'maybe' er verken ja eller nei (SANN/USANN)");
  });

  describe("invalid input", () => {
    it("has no sentence for a code outside the patterns", () => {
      expect(columnSentence("exchange_rate_must_exist", "no rate", "sv")).toBeUndefined();
    });
  });
});

describe("formatMessage", () => {
  it.each([
    ["voucher {voucher} is not open", { voucher: "INV-7" }, "voucher INV-7 is not open"],
    ["'{value}' is not a date", { value: "31/02" }, "'31/02' is not a date"],
    ["{n, plural, one {# error} other {# errors}}", { n: 1 }, "1 error"],
    ["{n, plural, one {# error} other {# errors}}", { n: 3 }, "3 errors"],
    ["{n, plural, =0 {none} one {# error} other {# errors}}", { n: 0 }, "none"],
    ["{kind, select, fee {a fee of {amount}} other {interest}}", { kind: "fee", amount: "12.50" }, "a fee of 12.50"],
    ["{kind, select, fee {a fee} other {interest}}", { kind: "other-kind" }, "interest"],
  ])("%s with %j -> %s", (template, params, expected) => {
    expect(formatMessage(template, params)).toBe(expected);
  });

  it("names a template's placeholders, nested ones included", () => {
    expect(placeholdersOf("{case, select, a {{x} and {y}} other {{z}}} on {date}")).toEqual(["case", "date", "x", "y", "z"]);
  });

  describe("invalid input", () => {
    it("keeps a placeholder without a value visible", () => {
      expect(formatMessage("voucher {voucher} is not open", {})).toBe("voucher {voucher} is not open");
    });
    it("refuses an unbalanced template and an unknown placeholder type", () => {
      expect(() => formatMessage("voucher {voucher is not open", {})).toThrow(/unbalanced/);
      expect(() => formatMessage("{n, number} items", { n: 1 })).toThrow(/unknown placeholder type/);
    });
    it("takes the other option of a select that has no option for the value", () => {
      expect(formatMessage("{case, select, a {A} other {O}}", { case: 42 })).toBe("O");
    });
  });
});

describe("errors in the user's language", () => {
  const missing = ccError("exchange_rate_must_exist", { case: "missing", currency: "EUR", date: "2024-01-31", accounting: "SEK" }, { table: "rates" });

  it("keeps the English sentence as the message, built from the template", () => {
    expect(missing.message).toBe("no exchange rate for EUR on or before 2024-01-31 (accounting currency SEK)");
    expect(missing.params).toEqual({ case: "missing", currency: "EUR", date: "2024-01-31", accounting: "SEK" });
  });

  it.each([
    ["en", "rates: no exchange rate for EUR on or before 2024-01-31 (accounting currency SEK)"],
    ["sv", "rates: det finns ingen växelkurs för EUR på eller före 2024-01-31 (redovisningsvaluta SEK)"],
    ["da", "rates: der findes ingen valutakurs for EUR på eller før 2024-01-31 (regnskabsvaluta SEK)"],
    ["nb", "rates: det finnes ingen valutakurs for EUR på eller før 2024-01-31 (regnskapsvaluta SEK)"],
  ] as const)("%s: %s", (language, expected) => {
    expect(describeErrorIn(missing, language)).toBe(expected);
  });

  it("frames the row and column in the language", () => {
    const e = ccError("cell_must_not_be_an_excel_error", { value: "#REF!" }, { table: "Transactions", row: 7, column: "DueDate" });
    expect(describeErrorIn(e, "da")).toBe("Transactions række 7, DueDate: indeholder Excel-fejlen #REF!; ret formlen eller den celle, den henviser til");
    expect(describeErrorIn(e, "en")).toBe(describeErrors([e]));
    expect(moreErrorsIn(1, "en")).toBe("(and 1 more error)");
    expect(moreErrorsIn(3, "sv")).toBe("(och 3 fel till)");
  });

  it("reads the engine's own errors in the language: an option of the wrong kind, a missing column, a cell that is not a date", () => {
    const options = readOptions([["Name", "Value"], ["MaxCombinedItems", "many"]], MATCH_OPTION_SPECS);
    const wrongKind = options.ok ? undefined : options.errors[0];
    expect(wrongKind?.message).toBe("'many' is not a valid value for MaxCombinedItems (a number of at least 1)");
    expect(wrongKind && describeErrorIn(wrongKind, "da")).toBe("options række 2, Value: 'many' er ikke en gyldig værdi for MaxCombinedItems (et tal på mindst 1)");
    const table = matchTable([["Customer", "Amount"]], [{ key: "dueDate", header: "DueDate", required: true }], "Transactions");
    const missing = table.ok ? undefined : table.errors[0];
    expect(missing && describeErrorIn(missing, "nb")).toBe("Transactions rad 1, DueDate: overskriftsraden har ingen kolonne DueDate (godtas: DueDate)");
    const notADate = ccError("due_date_must_be_a_date", "'31/02' is not a real calendar date", { table: "Transactions", row: 3, column: "DueDate" });
    expect(describeErrorIn(notADate, "sv")).toBe("Transactions rad 3, DueDate: '31/02' är inte ett datum");
    expect(describeErrorIn(notADate, "en")).toBe("Transactions row 3, DueDate: '31/02' is not a real calendar date");
  });

  describe("invalid input", () => {
    it("shows an error raised with an English sentence in English in every language", () => {
      const e = ccError("exchange_rate_must_exist", "no rate");
      for (const language of MESSAGE_LANGUAGES) expect(errorMessageIn(e, language)).toBe("no rate");
    });
    it("shows the English sentence of an error whose code has no template", () => {
      const e = { code: "no_such_code", message: "as raised", params: { x: 1 } } as unknown as Parameters<typeof errorMessageIn>[0];
      expect(errorMessageIn(e, "nb")).toBe("as raised");
    });
  });
});
