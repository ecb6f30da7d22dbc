/** @jest-environment jsdom */
import "./_lib/dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { bookWithLedger } from "./_lib/ledger";

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
