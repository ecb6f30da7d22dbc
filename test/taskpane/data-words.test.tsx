/** @jest-environment jsdom */
/**
 * Hold reasons and transaction types are English data words in the workbook (what the functions
 * read); the pane shows them in its language, and a value the engine does not define as it is.
 */
import "./_lib/dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import sample from "../../samples/sample-ledger.json";
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import { REASON_CODES } from "../../src/domain/credit/types";
import { serialFromYmd } from "../../src/domain/dates";
import { TRANSACTION_TYPES } from "../../src/domain/types";
import { App } from "../../src/taskpane/App";
import { AREAS, messagesFor } from "../../src/taskpane/i18n/catalogs";
import { dataWord, HOLD_REASON_KEYS, periodWord, TRANSACTION_TYPE_KEYS } from "../../src/taskpane/i18n/data-words";
import { LANGUAGES } from "../../src/taskpane/i18n/languages";
import { createGateway } from "../../src/taskpane/office/gateway";
import { bookWithLedger } from "./_lib/ledger";

jest.setTimeout(200000);

describe("data words in the pane's language", () => {
  it("maps every hold reason and transaction type of the engine to a key every language has", () => {
    expect(Object.keys(HOLD_REASON_KEYS).sort()).toEqual([...REASON_CODES, "Manual"].sort());
    expect(Object.keys(TRANSACTION_TYPE_KEYS).sort()).toEqual([...TRANSACTION_TYPES].sort());
    for (const language of LANGUAGES) {
      const messages = messagesFor(language);
      const missing = [...Object.values(HOLD_REASON_KEYS), ...Object.values(TRANSACTION_TYPE_KEYS)].filter((k) => messages[k] === undefined);
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
    expect(Object.keys(AREAS["data"]?.en ?? {}).sort()).toEqual([...Object.values(TRANSACTION_TYPE_KEYS), "data.period.notDue", "data.period.over"].sort());
  });

  it.each([
    ["sv", "Invoice", "Faktura"], ["sv", "CreditNote", "Kreditnota"], ["sv", "Payment", "Betalning"], ["sv", "InterestNote", "Räntefaktura"],
    ["da", "Payment", "Betaling"], ["da", "InterestNote", "Rentenota"], ["da", "CollectionLetter", "Rykkerbrev"],
    ["nb", "Fee", "Gebyr"], ["nb", "CollectionLetter", "Purrebrev"], ["en", "CreditNote", "Credit note"],
  ] as const)("in %s the type %s is %p", (language, type, word) => {
    const messages = messagesFor(language);
    expect(dataWord((id) => messages[id] ?? id, TRANSACTION_TYPE_KEYS, type)).toBe(word);
  });

  it("translates hold reasons: CreditLimit is Kreditgräns in Swedish, Kreditgrænse in Danish", () => {
    const sv = messagesFor("sv");
    expect(dataWord((id) => sv[id] ?? id, HOLD_REASON_KEYS, "CreditLimit")).toBe("Kreditgräns");
    expect(dataWord((id) => sv[id] ?? id, HOLD_REASON_KEYS, "OverdueAmount")).toBe("Förfallet belopp");
    const da = messagesFor("da");
    expect(dataWord((id) => da[id] ?? id, HOLD_REASON_KEYS, "CreditLimit")).toMatch(/^Kredit/);
  });

  it.each([
    ["sv", "Not due", "Ej förfallet"], ["sv", "Over 120", "Över 120"], ["da", "Not due", "Ikke forfaldet"], ["nb", "Over 90", "Over 90"],
    ["sv", "1-30", "1-30"], ["sv", "Över 60", "Över 60"], ["sv", "Overdue", "Overdue"], ["sv", "Over 12 months", "Over 12 months"],
  ] as const)("in %s the aging period %p is %p (the engine's default labels translated, the user's own as they are)", (language, label, word) => {
    const messages = messagesFor(language);
    const t = (id: string, values?: Record<string, string>): string => (messages[id] ?? id).replace(/\{(\w+)\}/g, (_, k: string) => values?.[k] ?? "");
    expect(periodWord(t, label)).toBe(word);
  });

  describe("invalid input", () => {
    it.each(["Storno", "", "invoice", "toString", "__proto__", "constructor"])("shows a value the engine does not define, %p, as it is", (value) => {
      const sv = messagesFor("sv");
      expect(dataWord((id) => sv[id] ?? `MISSING ${id}`, TRANSACTION_TYPE_KEYS, value)).toBe(value);
      expect(dataWord((id) => sv[id] ?? `MISSING ${id}`, HOLD_REASON_KEYS, value)).toBe(value);
    });
  });
});

describe("the pane in Swedish shows Swedish data words", () => {
  it("lists the write-off items as Faktura, Räntefaktura and Betalning", async () => {
    const book = bookWithLedger();
    const user = userEvent.setup();
    render(<App gateway={createGateway(book.run)} todaySerial={42302} initialScreen="writeoff" language="sv" />);
    await user.click(screen.getByRole("button", { name: "Läs in kundreskontran" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Kund" }), "2050");
    expect(screen.getByRole("checkbox", { name: /^INV-3 · Faktura · / })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: /^INT-1 · Räntefaktura · / })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: /^PAY-1 · Betalning · / })).toBeTruthy();
    expect(screen.queryByRole("checkbox", { name: /Invoice|Payment|InterestNote/ })).toBeNull();
  });

  it("shows the held orders' reasons and the reason filter in Swedish", async () => {
    const book = seedWorkbook(sample as unknown as SampleJson);
    const user = userEvent.setup();
    await act(async () => {
      render(<App gateway={createGateway(book.run)} todaySerial={serialFromYmd(2025, 12, 31)} initialScreen="credit" language="sv" />);
    });
    await user.click(screen.getByRole("button", { name: "Kör kreditkontroll" }));
    await screen.findByRole("status", {}, { timeout: 20000 });
    const sv = messagesFor("sv");
    const swedishReasons = new Set(Object.values(HOLD_REASON_KEYS).map((k) => sv[k]));
    const filter = screen.getByRole("combobox", { name: "Spärrorsak" }) as HTMLSelectElement;
    const shown = [...filter.options].slice(1).map((o) => o.textContent ?? "");
    expect(shown.length).toBeGreaterThan(0);
    for (const word of shown) expect(swedishReasons.has(word)).toBe(true);
    const rows = within(screen.getByRole("grid", { name: "Spärrade order" })).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent ?? "").join(" ")).not.toMatch(/CreditLimit|OverdueAmount|DaysOverdue|AccountStatus/);
    expect(rows.some((r) => [...swedishReasons].some((w) => w !== undefined && (r.textContent ?? "").includes(w)))).toBe(true);
  });
});
