import { describeErrors } from "../../src/domain/errors";
import { readOptions } from "../../src/workbook/options";

const SPECS = {
  PartialDiscount: { kind: "bool" },
  MaxPennyDifference: { kind: "number", min: 0 },
  DiscountAdministration: { kind: "choice", values: ["Specific", "Unspecific"] },
  AccountingCurrency: { kind: "text" },
} as const;

describe("readOptions", () => {
  it("reads Name/Value rows, with or without a header, matching names loosely", () => {
    const r = readOptions(
      [
        ["Name", "Value"],
        ["partial discount", "yes"],
        ["MAX_PENNY_DIFFERENCE", 0.05],
        ["DiscountAdministration", "unspecific"],
        [null, null],
      ],
      SPECS,
    );
    expect(r).toEqual({ ok: true, value: { PartialDiscount: true, MaxPennyDifference: 0.05, DiscountAdministration: "Unspecific" } });
  });

  it("treats an absent range as no options", () => {
    expect(readOptions(null, SPECS)).toEqual({ ok: true, value: {} });
  });

  describe("invalid input", () => {
    it("refuses an unknown name and lists the known ones", () => {
      const r = readOptions([["Tolerance", 1]], SPECS);
      expect(!r.ok && describeErrors(r.errors)).toBe(
        "options row 1, Name: 'Tolerance' is not an option; known options: PartialDiscount, MaxPennyDifference, DiscountAdministration, AccountingCurrency",
      );
    });

    it("refuses a value of the wrong kind", () => {
      const r = readOptions([["PartialDiscount", "maybe"], ["MaxPennyDifference", -1], ["DiscountAdministration", "Sometimes"]], SPECS);
      expect(!r.ok && r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [1, "Value", "option_value_must_fit"],
        [2, "Value", "option_value_must_fit"],
        [3, "Value", "option_value_must_fit"],
      ]);
    });
  });
});
