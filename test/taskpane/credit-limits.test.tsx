/** @jest-environment jsdom */
import "./_lib/dom";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { seedWorkbook } from "../../preview/seed";
import { App } from "../../src/taskpane/App";
import { messagesFor } from "../../src/taskpane/i18n/catalogs";
import type { Language } from "../../src/taskpane/i18n/languages";
import { createGateway } from "../../src/taskpane/office/gateway";
import { LIMIT_TABLES } from "./_lib/limit-tables";

jest.setTimeout(600000);

async function setup(language: Language = "en") {
  const book = seedWorkbook(LIMIT_TABLES);
  const user = userEvent.setup();
  await act(async () => {
    render(<App gateway={createGateway(book.run)} todaySerial={46022} initialScreen="limits" language={language} />);
  });
  return { book, user };
}

async function score(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("button", { name: "Score customers" }));
  expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toBe("3 customers scored; 2 limit changes proposed.");
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** jsdom never ends a dialog's open motion, so it stays aria-hidden here; Chromium checks it for real. */
const dialog = (name: RegExp) => screen.findByRole("alertdialog", { name, hidden: true });
const gridRows = () => within(screen.getByRole("grid", { name: "Customer credit limits" })).getAllByRole("row").slice(1);

describe("the Credit limits screen", () => {
  it("shows each customer's score, current and proposed limit, change and reasons, searchable, filterable and sortable", async () => {
    const { user } = await setup();
    await score(user);
    // Lowest score first by default; C2 before C3 at equal score.
    expect(gridRows().map((r) => (r.textContent ?? "").match(/C\d/)?.[0])).toEqual(["C2", "C3", "C1"]);
    const c1 = gridRows()[2]?.textContent ?? "";
    expect(c1).toMatch(/Risk group A · score 30/);
    expect(c1).toMatch(/Current .*10,000\.00/);
    expect(c1).toMatch(/Proposed .*20,000\.00/);
    expect(c1).toMatch(/Change \+.*10,000\.00/);
    expect(c1).toMatch(/Tenure: 20 points/);
    expect(gridRows()[1]?.textContent).toMatch(/Current Unlimited.*No change/);
    await user.click(screen.getByRole("searchbox", { name: /Search customers/ }));
    await user.paste("Beta");
    expect(gridRows()).toHaveLength(1);
    await user.clear(screen.getByRole("searchbox", { name: /Search customers/ }));
    await user.click(screen.getByRole("checkbox", { name: "Only proposed changes" }));
    expect(gridRows()).toHaveLength(2);
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "change");
    await user.click(screen.getByRole("button", { name: "Ascending" }));
    expect(gridRows().map((r) => (r.textContent ?? "").match(/C\d/)?.[0])).toEqual(["C1", "C2"]);
    expect(screen.getByText("2 customers · page 1 of 1")).toBeTruthy();
  });

  it("previews the journal, asks before posting, posts it once and then refuses to post it again", async () => {
    const { book, user } = await setup();
    await score(user);
    await user.click(screen.getByRole("button", { name: "Preview journal" }));
    const preview = screen.getByRole("region", { name: "Journal preview" });
    expect(within(preview).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^C1 · New limit .*20,000\.00 · Expiry Never · Reason RISK$/),
      expect.stringMatching(/^C2 · New limit .*5,000\.00 · Expiry Never · Reason RISK$/),
    ]);
    // Cancel writes nothing.
    await user.click(screen.getByRole("button", { name: "Post journal" }));
    const first = await dialog(/^Post journal CRE-/);
    expect(within(first).getByText(/2 lines are added to the table on the Credit limit adjustments sheet/)).toBeTruthy();
    await user.click(within(first).getByRole("button", { name: "Cancel", hidden: true }));
    expect(book.table("CreditLimitAdjustments")).toBeUndefined();
    await user.click(screen.getByRole("button", { name: "Post journal" }));
    const d = await dialog(/^Post journal CRE-/);
    await user.click(within(d).getByRole("button", { name: "Post journal", hidden: true }));
    expect((await screen.findByRole("status")).textContent).toMatch(/^Posted journal CRE-\w+: 2 lines on Credit limit adjustments\.$/);
    const t = book.table("CreditLimitAdjustments");
    expect(t?.rowCount).toBe(3);
    expect((screen.getByRole("button", { name: "Post journal" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/is already posted on the Credit limit adjustments sheet/)).toBeTruthy();
    // Scoring again finds the same journal posted.
    await user.click(screen.getByRole("button", { name: "Score customers" }));
    await screen.findByText(/is already posted/);
    expect((screen.getByRole("button", { name: "Post journal" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("changes every limit by a percentage with the generator, the reason code asked beside its field", async () => {
    const { user } = await setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Proposal" }), "Percent");
    await user.type(screen.getByRole("textbox", { name: /Change in percent/ }), "15");
    await user.type(screen.getByRole("textbox", { name: /Round to a multiple of/ }), "1000");
    await user.selectOptions(screen.getByRole("combobox", { name: "Rounding direction" }), "Up");
    expect(screen.getByText("Enter a reason code for the change")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Score customers" }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(screen.getByRole("textbox", { name: /Reason code/ }), "ANNUAL{Enter}");
    expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toBe("3 customers scored; 2 limit changes proposed.");
    const c1 = gridRows().find((r) => (r.textContent ?? "").includes("C1"))?.textContent ?? "";
    expect(c1).toMatch(/Proposed .*12,000\.00/);
  });

  it("speaks Swedish with Swedish amounts", async () => {
    const { user } = await setup("sv");
    await user.click(screen.getByRole("button", { name: "Poängsätt kunder" }));
    expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toBe("3 kunder poängsatta; 2 ändringar av kreditgränser föreslås.");
    const c1 = within(screen.getByRole("grid", { name: "Kundernas kreditgränser" })).getAllByRole("row")[3]?.textContent ?? "";
    expect(c1).toMatch(/Föreslagen .*20\s000,00/);
  });

  it("reads a typed change in the pane's convention: 1,000 in English is a thousand", async () => {
    const { user } = await setup();
    await user.selectOptions(screen.getByRole("combobox", { name: "Proposal" }), "Fixed");
    await user.type(screen.getByRole("textbox", { name: /Change \(in each customer's currency\)/ }), "1,000");
    await user.type(screen.getByRole("textbox", { name: /Reason code/ }), "UP{Enter}");
    expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toBe("3 customers scored; 2 limit changes proposed.");
    const proposed = gridRows().map((r) => (r.textContent ?? "").match(/(C\d).*Proposed \D*([\d,.]+)/)?.slice(1, 3));
    // C1 10,000 + 1,000 and C2 2,500 + 1,000 (never 10,001 and 2,501).
    expect(proposed.filter((p) => p !== undefined)).toEqual(expect.arrayContaining([["C1", "11,000.00"], ["C2", "3,500.00"]]));
  });

  it("reads 1 000,5 in Swedish as a thousand and a half, with a rounding step of 1 000", async () => {
    const { user } = await setup("sv");
    await user.selectOptions(screen.getByRole("combobox", { name: "Förslag" }), "Fixed");
    await user.type(screen.getByRole("textbox", { name: /^Ändring \(i varje kunds valuta\)/ }), "1 000,5");
    await user.type(screen.getByRole("textbox", { name: /Orsakskod/ }), "UPP{Enter}");
    expect((await screen.findByRole("status", {}, { timeout: 20000 })).textContent).toBe("3 kunder poängsatta; 2 ändringar av kreditgränser föreslås.");
    const rows = () => within(screen.getByRole("grid", { name: "Kundernas kreditgränser" })).getAllByRole("row").slice(1).map((r) => r.textContent ?? "");
    expect(rows().find((r) => r.includes("C1"))).toMatch(/Föreslagen 11\s000,50/);
    expect(rows().find((r) => r.includes("C2"))).toMatch(/Föreslagen 3\s500,50/);
    await user.type(screen.getByRole("textbox", { name: /Avrunda till en multipel av/ }), "1 000");
    await user.click(screen.getByRole("button", { name: "Poängsätt kunder" }));
    await waitFor(() => expect(rows().find((r) => r.includes("C1"))).toMatch(/Föreslagen 11\s000,00/));
    expect(rows().find((r) => r.includes("C2"))).toMatch(/Föreslagen 4\s000,00/);
  });

  describe("invalid input", () => {
    it("refuses an expiry that is not a whole number of months beside its field, and names the table of a bad row", async () => {
      const { book, user } = await setup();
      await user.type(screen.getByRole("textbox", { name: /Expiry in months/ }), "six");
      expect(screen.getByText("Enter a whole number of months")).toBeTruthy();
      expect((screen.getByRole("button", { name: "Score customers" }) as HTMLButtonElement).disabled).toBe(true);
      await user.clear(screen.getByRole("textbox", { name: /Expiry in months/ }));
      const sheet = book.sheet("Scoring");
      if (sheet === undefined) throw new Error("no Scoring sheet");
      book.setCell(sheet, 1, 3, { value: -5, format: "General" });
      await user.click(screen.getByRole("button", { name: "Score customers" }));
      expect((await screen.findByRole("alert", {}, { timeout: 20000 })).textContent).toMatch(/Scoring/);
      expect(book.table("CreditLimitAdjustments")).toBeUndefined();
    });

    it.each([
      ["sv" as Language, "1,500", "”1,500” kan läsas som två olika tal: skriv det utan tusentalsavgränsare och med decimaler efter kommatecken, t.ex. 1500 eller 1,5"],
      ["sv" as Language, "10.50", "”10.50” är inte ett tal: skriv decimaler efter kommatecken och tusental med mellanslag eller utan avgränsare, t.ex. 1 000,5"],
      ["en" as Language, "1.500", "“1.500” can be read as two different numbers: write it without a thousands separator and with the decimals after a point, e.g. 1500 or 1.5"],
      ["en" as Language, "1,5", "“1,5” is not a number: write the decimals after a point and thousands with a comma or no separator, e.g. 1000.5"],
      ["da" as Language, "2,125", "»2,125« kan læses som to forskellige tal: skriv det uden tusindtalsseparator og med decimaler efter komma, f.eks. 1500 eller 1,5"],
    ])("in %s refuses the change %p beside its field, never guessing", async (language, text, message) => {
      const { user } = await setup(language);
      const messages = messagesFor(language);
      const m = (key: string): string => messages[key] ?? key;
      await user.selectOptions(screen.getByRole("combobox", { name: m("credit.limits.proposal") }), "Fixed");
      await user.type(screen.getByRole("textbox", { name: new RegExp(`^${escape(m("credit.limits.changeAmount"))}`) }), text);
      expect(screen.getByText(message)).toBeTruthy();
      expect((screen.getByRole("button", { name: m("credit.limits.run") }) as HTMLButtonElement).disabled).toBe(true);
    });

    it("refuses a negative rounding step", async () => {
      const { user } = await setup();
      await user.selectOptions(screen.getByRole("combobox", { name: "Proposal" }), "Percent");
      await user.type(screen.getByRole("textbox", { name: /Change in percent/ }), "15 %");
      expect(screen.queryByText(/is not a number/)).toBeNull();
      await user.type(screen.getByRole("textbox", { name: /Round to a multiple of/ }), "-100");
      expect(screen.getByText("Enter a positive number")).toBeTruthy();
    });
  });
});
