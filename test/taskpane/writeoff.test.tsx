/** @jest-environment jsdom */
import "./_lib/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { Workbook } from "../../preview/workbook";
import { bookWithLedger, W1 } from "./_lib/ledger";

jest.setTimeout(120000);

describe("the write-off screen", () => {
  it("previews the journal of the chosen items and posts it once, closing the items", async () => {
    const book = bookWithLedger();
    const user = userEvent.setup();
    render(<App gateway={createGateway(book.run)} todaySerial={42302} initialScreen="writeoff" />);
    await user.click(screen.getByRole("button", { name: "Load ledger" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Customer" }), "2050");
    for (const v of ["INV-3", "INT-1", "PAY-1"]) await user.click(screen.getByRole("checkbox", { name: new RegExp(`^${v} `) }));
    await user.click(screen.getByRole("button", { name: "Preview journal" }));
    expect(screen.getByText("A write-off needs a reason code")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: /Reason code/ }), "BADDEBT");
    await user.click(screen.getByRole("button", { name: "Preview journal" }));
    const preview = screen.getByRole("region", { name: "Journal preview" });
    const lines = within(preview).getAllByRole("listitem").map((li) => li.textContent);
    expect(lines).toEqual([expect.stringMatching(/^Customer.*Credit \$350\.00/), expect.stringMatching(/^Ledger.*Debit \$350\.00/)]);
    await user.click(screen.getByRole("button", { name: "Post write-off" }));
    expect(book.sheet("Write-off journal")).toBeUndefined();
    // jsdom never ends the dialog's open motion, so it stays aria-hidden here.
    const dialog = await screen.findByRole("alertdialog", { name: "Write off these items?", hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Post write-off", hidden: true }));
    expect((await screen.findByRole("status")).textContent).toMatch(/Posted write-off WRI-/);
    const ledger = book.usedValues(book.sheet("Ledger") as never);
    expect(ledger.slice(1, 4).map((r) => r[5])).toEqual([0, 0, 500]);
    expect(book.usedValues(book.sheet("Write-off journal") as never)).toHaveLength(3);
    // The screen starts over: no customer, no preview, so no stale "is not an open item" errors.
    expect((screen.getByRole("combobox", { name: "Customer" }) as HTMLSelectElement).value).toBe("");
    expect(screen.queryByRole("region", { name: "Journal preview" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Preview journal" })).toBeNull();
  });
});

describe("the write-off screen in Swedish", () => {
  it("Enter in the reason previews; the confirmation's Avbryt posts nothing; amounts in kronor", async () => {
    const book = new Workbook();
    book.seed("Ledger", W1.map((r) => r.map((v) => (v === "USD" ? "SEK" : v))), "Transactions");
    const user = userEvent.setup();
    render(<App gateway={createGateway(book.run)} todaySerial={42302} initialScreen="writeoff" language="sv" />);
    await user.click(screen.getByRole("button", { name: "Läs in kundreskontran" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Kund" }), "2050");
    expect(screen.getByRole("checkbox", { name: /^INV-3 · Faktura · 500,00\skr$/ })).toBeTruthy();
    const reason = screen.getByRole("textbox", { name: /Orsakskod/ });
    await user.click(reason);
    await user.paste("BADDEBT");
    await user.keyboard("{Enter}");
    // All five open items: 857,00 of invoices less the 700,00 payment.
    const preview = screen.getByRole("region", { name: "Förhandsgranskning av journal" });
    expect(within(preview).getAllByRole("listitem")[0]?.textContent).toMatch(/^Kund · 2050.*Kredit 157,00\skr/);
    await user.click(screen.getByRole("button", { name: "Bokför avskrivning" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Skriva av dessa poster?", hidden: true });
    expect(dialog.textContent).toMatch(/5 öppna poster för 2050 stängs av journal WRI-/);
    await user.click(within(dialog).getByRole("button", { name: "Avbryt", hidden: true }));
    expect(book.sheet("Write-off journal")).toBeUndefined();
  });

  describe("invalid input", () => {
    it("a blank reason is refused next to the field, in Swedish; no items, no preview", async () => {
      const book = new Workbook();
      book.seed("Ledger", W1, "Transactions");
      const user = userEvent.setup();
      render(<App gateway={createGateway(book.run)} todaySerial={42302} initialScreen="writeoff" language="sv" />);
      await user.click(screen.getByRole("button", { name: "Läs in kundreskontran" }));
      await user.selectOptions(await screen.findByRole("combobox", { name: "Kund" }), "2050");
      await user.click(screen.getByRole("button", { name: "Förhandsgranska journal" }));
      expect(screen.getByText("En avskrivning kräver en orsakskod")).toBeTruthy();
      for (const c of screen.getAllByRole("checkbox")) await user.click(c);
      expect((screen.getByRole("button", { name: "Förhandsgranska journal" }) as HTMLButtonElement).disabled).toBe(true);
    });
  });
});
