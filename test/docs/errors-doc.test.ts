import { codesInDoc, codesInSource } from "./error-codes";

describe("docs/errors.md and the source agree on the error codes", () => {
  const source = codesInSource();
  const doc = codesInDoc();

  it("finds the codes it should (the finder is not blind)", () => {
    expect(source.get("cell_must_not_be_an_excel_error")).toBeDefined();
    expect(source.get("rate_must_appear_once_per_currency_and_date")).toBeDefined();
    expect(source.size).toBeGreaterThan(100);
  });

  it("every code the source raises is in docs/errors.md", () => {
    const missing = [...source].filter(([code]) => !doc.has(code)).map(([code, files]) => `${code} (${[...files].join(", ")})`);
    expect(missing).toEqual([]);
  });

  it("every code docs/errors.md lists is raised somewhere", () => {
    expect([...doc].filter((code) => !source.has(code))).toEqual([]);
  });
});
