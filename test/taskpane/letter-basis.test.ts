/**
 * Why a collection letter is due, in the pane's language: the engine gives the figures
 * (`LetterDue.basis`) and the English sentence CC.LETTERS writes (`reason`); the pane's catalogs
 * say the same in Swedish, Danish and Norwegian.
 */
import { createIntl } from "react-intl";
import { lettersDue } from "../../src/domain/collections";
import { messagesFor } from "../../src/taskpane/i18n/catalogs";
import type { Language } from "../../src/taskpane/i18n/languages";

const INVOICES = [
  { customer: "C", voucher: "I1", type: "Invoice" as const, dateSerial: 45000, dueSerial: 45030, amountMinor: 50000, currency: "SEK", status: "None" as const, row: 2 },
];
const SEQUENCE = [
  { code: "P1", fee: 60, minOverdue: 0, graceDays: 10, block: false },
  { code: "P2", fee: 60, minOverdue: 0, graceDays: 14, block: false },
];

function basisIn(language: Language, basis: { days: number; graceDays: number; sinceLevel?: number }): string {
  const intl = createIntl({ locale: language, messages: messagesFor(language) });
  return intl.formatMessage({ id: "collect.letterBasis" }, { days: basis.days, graceDays: basis.graceDays, sinceLevel: basis.sinceLevel ?? "none" });
}

function due(asOf: number, history: { customer: string; currency: string; code: string; dateSerial: number; row: number }[] = []) {
  const r = lettersDue(INVOICES, asOf, SEQUENCE, history);
  if (!r.ok || r.value[0] === undefined) throw new Error("no letter due");
  return r.value[0];
}

describe("why a letter is due, in the pane's language", () => {
  it("the first letter counts from the oldest due date; English matches the engine's sentence", () => {
    const first = due(45045);
    expect(first.basis).toEqual({ days: 15, graceDays: 10 });
    expect(basisIn("en", first.basis)).toBe(first.reason);
    expect(basisIn("sv", first.basis)).toBe("äldsta posten 15 dagar efter förfallodatum (respit 10)");
    expect(basisIn("da", first.basis)).toBe("ældste post 15 dage efter forfaldsdato (frist 10)");
    expect(basisIn("nb", first.basis)).toBe("eldste post 15 dager etter forfallsdato (frist 10)");
  });

  it("the next letter counts from the one sent, and one day is singular", () => {
    const second = due(45075, [{ customer: "C", currency: "SEK", code: "P1", dateSerial: 45060, row: 2 }]);
    expect(second.basis).toEqual({ days: 15, graceDays: 14, sinceLevel: 1 });
    expect(basisIn("en", second.basis)).toBe(second.reason);
    expect(basisIn("sv", second.basis)).toBe("15 dagar sedan påminnelse 1 (respit 14)");
    expect(basisIn("sv", { days: 1, graceDays: 0 })).toBe("äldsta posten 1 dag efter förfallodatum (respit 0)");
    expect(basisIn("en", { days: 1, graceDays: 0, sinceLevel: 2 })).toBe("1 day since letter 2 (grace 0)");
  });

  describe("invalid input", () => {
    it("no letter is due within the grace days, so there is nothing to say", () => {
      const r = lettersDue(INVOICES, 45040, SEQUENCE, []);
      expect(r.ok && r.value).toEqual([]);
    });
  });
});
