import { COLUMN_CODES } from "../../src/domain/column-codes";
import { ALL_ERROR_CODES, ERROR_AREA_TITLES, ERROR_CODES, type ErrorArea, isRegisteredCode } from "../../src/domain/error-codes";
import { ccError } from "../../src/domain/errors";
import { areasInDoc, codesInSource, filesMatching, filesQuoting } from "./error-codes";

describe("docs/errors.md lists exactly the registry of src/domain/error-codes.ts", () => {
  const doc = areasInDoc();
  const areas = Object.keys(ERROR_CODES) as ErrorArea[];

  it("has one section per area, in the registry's order", () => {
    expect([...doc.keys()]).toEqual(areas.map((a) => ERROR_AREA_TITLES[a]));
  });

  it.each(areas)("the %s section lists the area's codes, in order", (area) => {
    expect(doc.get(ERROR_AREA_TITLES[area])).toEqual([...ERROR_CODES[area]]);
  });

  it("registers each code once", () => {
    const seen = new Set<string>();
    const twice = ALL_ERROR_CODES.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
    expect(twice).toEqual([]);
  });
});

describe("the source raises exactly the registered codes", () => {
  const source = codesInSource();

  it("finds the codes it should (the finder is not blind)", () => {
    expect(source.get("cell_must_not_be_an_excel_error")).toBeDefined();
    expect(source.get("rate_must_appear_once_per_currency_and_date")).toBeDefined();
    expect(source.size).toBeGreaterThan(100);
  });

  it("every literal code the source raises is registered", () => {
    const missing = [...source].filter(([code]) => !isRegisteredCode(code)).map(([code, files]) => `${code} (${[...files].join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("every registered code is raised somewhere (a string literal outside the registry)", () => {
    expect(ALL_ERROR_CODES.filter((code) => filesQuoting(code).length === 0)).toEqual([]);
  });

  it("no code is built from a template: not in ccError, not in a reader's error, not as an error's code", () => {
    expect(filesMatching(/ccError\(\s*`|\.error\(\s*[^,()]+,\s*`|\bcode:\s*`/)).toEqual([]);
  });

  it("the area 'columns' holds exactly the column codes that no other area holds", () => {
    const areas = Object.keys(ERROR_CODES) as ErrorArea[];
    const elsewhere = new Set<string>(areas.filter((a) => a !== "columns").flatMap((a) => [...ERROR_CODES[a]]));
    const tableCodes = [...new Set(Object.values(COLUMN_CODES).flatMap((checks) => Object.values(checks) as string[]))];
    expect([...ERROR_CODES.columns].sort()).toEqual(tableCodes.filter((c) => !elsewhere.has(c)).sort());
  });
});

describe("the registry refuses what is not a code", () => {
  it("knows registered codes and nothing else", () => {
    expect(isRegisteredCode("exchange_rate_must_exist")).toBe(true);
    expect(isRegisteredCode("exchange_rate_must_exists")).toBe(false);
    expect(isRegisteredCode("")).toBe(false);
  });

  it("types ccError's code: an unregistered literal does not compile", () => {
    // @ts-expect-error -- not a registered code
    const e = ccError("no_such_rule", "x");
    expect(e.code).toBe("no_such_rule");
    // @ts-expect-error -- shaped like a column code, but no column has it
    expect(ccError("no_such_column_must_be_a_date", "x").code).toBe("no_such_column_must_be_a_date");
  });
});
