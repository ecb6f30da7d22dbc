/** @jest-environment jsdom */
import "./_lib/dom";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { Workbook } from "../../preview/workbook";
import { App } from "../../src/taskpane/App";
import type { Language } from "../../src/taskpane/i18n/languages";
import { createGateway } from "../../src/taskpane/office/gateway";
import { W1 } from "./_lib/ledger";

jest.setTimeout(120000);

/** W1 of docs/domain.md in a Nordic currency. */
function nordicBook(currency: string): Workbook {
  const book = new Workbook();
  book.seed("Ledger", W1.map((r) => r.map((v) => (v === "USD" ? currency : v))), "Transactions");
  return book;
}

async function setup(language: Language, currency: string, initialScreen: "settle" | "writeoff" = "settle") {
  const book = nordicBook(currency);
  const user = userEvent.setup();
  await act(async () => {
    render(<App gateway={createGateway(book.run)} todaySerial={42302} language={language} initialScreen={initialScreen} />);
  });
  return { book, user };
}

async function paste(user: ReturnType<typeof userEvent.setup>, el: HTMLElement, text: string): Promise<void> {
  await user.clear(el);
  await user.click(el);
  await user.paste(text);
}

/** The validation message of the field whose input is `input`. */
function fieldMessage(input: HTMLElement): string {
  const field = input.closest(".fui-Field");
  return field?.querySelector(".fui-Field__validationMessage")?.textContent ?? "";
}

const TEXT = {
  sv: { load: "Läs in kundreskontran", customer: "Kund", typed: "Ange en betalning", amount: "Belopp", voucher: "Verifikation för betalningen", propose: "Föreslå kvittning", review: "4. Granska", unapplied: /^Ej kvittad rest/, settle: (v: string) => new RegExp(`^Belopp att kvitta på ${v} `) },
  da: { load: "Indlæs debitorposterne", customer: "Debitor", typed: "Indtast en betaling", amount: "Beløb", voucher: "Betalingsbilag", propose: "Foreslå udligning", review: "4. Gennemse", unapplied: /^Ikke-udlignet rest/, settle: (v: string) => new RegExp(`^Beløb, der skal udlignes på ${v} `) },
  nb: { load: "Les inn kundereskontroen", customer: "Kunde", typed: "Skriv inn en betaling", amount: "Beløp", voucher: "Betalingsbilag", propose: "Foreslå utligning", review: "4. Kontroller", unapplied: /^Ikke utlignet rest/, settle: (v: string) => new RegExp(`^Beløp som skal utlignes på ${v} `) },
} as const;

/** Per locale: a valid typed payment (and the remainder it leaves), an ambiguous one, an invalid one. */
const CASES = [
  { language: "sv", currency: "SEK", valid: "1 918,18", remainder: /^1\s071,18\skr$/, ambiguous: "1,500", ambiguousText: "”1,500” kan läsas som två olika belopp", invalid: "10.50", invalidText: "”10.50” är inte ett belopp" },
  { language: "da", currency: "DKK", valid: "1.918,18", remainder: /^1\.071,18\skr\.$/, ambiguous: "1,500", ambiguousText: "»1,500« kan læses som to forskellige beløb", invalid: "1 918.18", invalidText: "»1 918.18« er ikke et beløb" },
  { language: "nb", currency: "NOK", valid: "1918,18 kr", remainder: /^1\s071,18\skr$/, ambiguous: "1.500", ambiguousText: "«1.500» kan leses som to ulike beløp", invalid: "12 €", invalidText: "«12 €» angir en annen valuta enn beløpets" },
] as const;

describe.each(CASES)("the settlement wizard in $language", ({ language, currency, valid, remainder, ambiguous, ambiguousText, invalid, invalidText }) => {
  const t = TEXT[language];

  async function typedPayment(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole("button", { name: t.load }));
    await user.selectOptions(await screen.findByRole("combobox", { name: t.customer }), "2050");
    await user.click(screen.getByRole("radio", { name: t.typed }));
    await paste(user, screen.getByRole("textbox", { name: t.voucher }), "BANK-7");
    return screen.getByRole("textbox", { name: t.amount });
  }

  it(`reads a typed payment of ${valid} ${currency}; Enter in the field proposes`, async () => {
    const { user } = await setup(language, currency);
    const amount = await typedPayment(user);
    await paste(user, amount, valid);
    expect(fieldMessage(amount)).toBe("");
    await user.type(amount, "{Enter}");
    const review = await screen.findByRole("region", { name: t.review });
    // 857.00 open in all (100 + 250 + 500 + 7), 847.00 of it paid with INV-3's 2% cash discount
    // (10.00, paid by its discount date): the rest of the payment, 1 071,18, stays unapplied.
    expect(within(review).getByLabelText(t.unapplied).textContent).toMatch(remainder);
  });

  it(`refuses the ambiguous ${ambiguous} and the invalid ${invalid} next to the field`, async () => {
    const { user } = await setup(language, currency);
    const amount = await typedPayment(user);
    await paste(user, amount, ambiguous);
    expect(fieldMessage(amount)).toContain(ambiguousText);
    await user.type(amount, "{Enter}");
    expect(screen.queryByRole("region", { name: t.review })).toBeNull();
    await paste(user, amount, invalid);
    expect(fieldMessage(amount)).toContain(invalidText);
  });

  it("edits an amount to settle in the review in the locale's convention", async () => {
    const { user } = await setup(language, currency);
    await user.click(screen.getByRole("button", { name: t.load }));
    await user.selectOptions(await screen.findByRole("combobox", { name: t.customer }), "2050");
    await user.click(screen.getByRole("button", { name: t.propose }));
    const review = await screen.findByRole("region", { name: t.review });
    const inv3 = within(review).getByRole("textbox", { name: t.settle("INV-3") }) as HTMLInputElement;
    expect(inv3.value).toBe("350,00");
    await paste(user, inv3, "300,00");
    expect(within(review).getByLabelText(t.unapplied).textContent).toMatch(/^50,00\skr\.?$/);
    await paste(user, inv3, ambiguous);
    expect(fieldMessage(inv3)).toContain(ambiguousText);
  });
});

describe("the settlement wizard in English", () => {
  it("reads 1,500 as fifteen hundred and refuses 1.500 as ambiguous", async () => {
    const { user } = await setup("en", "USD");
    await user.click(screen.getByRole("button", { name: "Load ledger" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Customer" }), "2050");
    await user.click(screen.getByRole("radio", { name: "Type a payment" }));
    const amount = screen.getByRole("textbox", { name: "Amount" });
    await paste(user, amount, "1.500");
    expect(fieldMessage(amount)).toContain("“1.500” can be read as two different amounts");
    await paste(user, amount, "1,500");
    expect(fieldMessage(amount)).toBe("");
    await paste(user, screen.getByRole("textbox", { name: "Payment voucher" }), "BANK-7");
    await user.click(screen.getByRole("button", { name: "Propose settlement" }));
    expect(screen.getByLabelText(/^Unapplied remainder/).textContent).toBe("$653.00");
  });

  describe("invalid input", () => {
    it("a blank typed payment and voucher are refused next to their fields when proposing", async () => {
      const { user } = await setup("en", "USD");
      await user.click(screen.getByRole("button", { name: "Load ledger" }));
      await user.selectOptions(await screen.findByRole("combobox", { name: "Customer" }), "2050");
      await user.click(screen.getByRole("radio", { name: "Type a payment" }));
      const amount = screen.getByRole("textbox", { name: "Amount" });
      await user.click(screen.getByRole("button", { name: "Propose settlement" }));
      expect(fieldMessage(amount)).toBe("Enter an amount.");
      expect(screen.queryByRole("region", { name: "4. Review" })).toBeNull();
    });
  });
});
