/**
 * Function errors follow Office's display language: the frame and the shared cell, range, argument
 * and option errors are Swedish, Danish or Norwegian with the offending value kept; English where
 * the language is unknown; engine-specific sentences stay English inside the translated frame.
 */
import { aging } from "../../src/functions/aging";
import { ccError } from "../../src/domain/errors";
import { describeErrorsIn, errorSentence } from "../../src/functions/_lib/error-language";

const HEADER = ["Customer", "Voucher", "DueDate", "Amount", "Currency"];

function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the call to fail");
}

function withDisplayLanguage<T>(tag: string | undefined, body: () => T): T {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  g.Office = tag === undefined ? undefined : { context: { displayLanguage: tag } };
  try {
    return body();
  } finally {
    g.Office = before;
  }
}

describe("CC.AGING's errors in the display language", () => {
  const badDate = [HEADER, ["C1", "INV-1", "tomorrow", 100, "SEK"]];

  it.each([
    ["sv-SE", "rad 2", "'tomorrow' är inte ett datum"],
    ["da-DK", "række 2", "'tomorrow' er ikke en dato"],
    ["nb-NO", "rad 2", "'tomorrow' er ikke en dato"],
    ["nn-NO", "rad 2", "'tomorrow' er ikke en dato"],
  ])("%s: a cell that is not a date", (tag, row, sentence) => {
    const message = withDisplayLanguage(tag, () => messageOf(() => aging(badDate, 46000)));
    expect(message).toContain(row);
    expect(message).toContain("DueDate");
    expect(message).toContain(sentence);
    expect(message).not.toMatch(/is not a date/);
  });

  it("English where Office's language is English, unknown or absent", () => {
    const english = withDisplayLanguage(undefined, () => messageOf(() => aging(badDate, 46000)));
    expect(english).toMatch(/row 2, DueDate: .*tomorrow/);
    expect(withDisplayLanguage("en-GB", () => messageOf(() => aging(badDate, 46000)))).toBe(english);
    expect(withDisplayLanguage("fi-FI", () => messageOf(() => aging(badDate, 46000)))).toBe(english);
  });

  it("a missing column and an Excel error value, in Swedish", () => {
    const noDue = [["Customer", "Amount"], ["C1", 100]];
    expect(withDisplayLanguage("sv-SE", () => messageOf(() => aging(noDue, 46000)))).toContain("DueDate: rubrikraden saknar kolumnen DueDate");
    const excelError = [HEADER, ["C1", "INV-1", 46000, "#N/A", "SEK"]];
    expect(withDisplayLanguage("sv-SE", () => messageOf(() => aging(excelError, 46000)))).toContain("innehåller Excel-felet #N/A");
  });
});

describe("errorSentence and describeErrorsIn", () => {
  it("translates by the end of the code and keeps the quoted value", () => {
    const e = ccError("due_date_must_be_a_date", "'31/02' is not a date", { table: "Transactions", row: 7, column: "DueDate" });
    expect(describeErrorsIn([e], "sv-SE")).toBe("Transactions rad 7, DueDate: '31/02' är inte ett datum");
    expect(describeErrorsIn([e], "da-DK")).toBe("Transactions række 7, DueDate: '31/02' er ikke en dato");
    expect(describeErrorsIn([e, e, e], "nb-NO")).toBe("Transactions rad 7, DueDate: '31/02' er ikke en dato (og 2 feil til)");
  });

  it("an engine-specific error keeps its English sentence inside the translated frame", () => {
    const e = ccError("payment_must_be_an_open_credit_item", "voucher PAY-9 is not an open item of C1", { column: "Payment" });
    expect(describeErrorsIn([e], "sv-SE")).toBe("Payment: voucher PAY-9 is not an open item of C1");
  });

  describe("invalid input", () => {
    it("no errors, or no language, still gives a message and never throws", () => {
      expect(describeErrorsIn([], "sv-SE")).toBe("unknown error");
      const e = ccError("asof_must_not_be_blank", "is required", { column: "asOf" });
      expect(describeErrorsIn([e], undefined)).toBe("asOf: is required");
      expect(describeErrorsIn([e], "")).toBe("asOf: is required");
      expect(errorSentence(e, "da")).toBe("mangler en værdi");
    });
  });
});
