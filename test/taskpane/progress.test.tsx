/** @jest-environment jsdom */
import "./_lib/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { Workbook } from "../../preview/workbook";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { W1 } from "./_lib/ledger";

describe("progress and cancellation", () => {
  it("shows progress while reading and cancels without writing anything", async () => {
    const book = new Workbook();
    const rows = Array.from({ length: 40000 }, (_, i) => ["C" + (i % 100), `V${i}`, "Invoice", 42231, 42261, 1, "USD", "", ""]);
    book.seed("Ledger", [W1[0] ?? [], ...rows], "Transactions");
    book.syncDelayMs = 40;
    const user = userEvent.setup();
    render(<App gateway={createGateway(book.run)} todaySerial={42302} initialScreen="aging" />);
    await user.click(screen.getByRole("button", { name: "Create aging sheet" }));
    expect(screen.getByRole("progressbar", { name: /Building the aging sheet|Reading/ })).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect((await screen.findByRole("status")).textContent).toMatch("The operation was cancelled; nothing was written.");
    expect(book.sheets.map((s) => s.name)).toEqual(["Ledger"]);
  });
});

describe("cancelling the settlement wizard's ledger load", () => {
  it("stops the read, says so, and loads nothing", async () => {
    const book = new Workbook();
    const rows = Array.from({ length: 40000 }, (_, i) => ["C" + (i % 100), `V${i}`, "Invoice", 42231, 42261, 1, "USD", "", ""]);
    book.seed("Ledger", [W1[0] ?? [], ...rows], "Transactions");
    book.syncDelayMs = 40;
    const user = userEvent.setup();
    render(<App gateway={createGateway(book.run)} todaySerial={42302} initialScreen="settle" />);
    await user.click(screen.getByRole("button", { name: "Load ledger" }));
    expect(screen.getByRole("progressbar", { name: "Reading the ledger" })).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect((await screen.findByRole("status")).textContent).toBe("The operation was cancelled; nothing was written.");
    expect(screen.queryByRole("combobox", { name: "Customer" })).toBeNull();
    expect(screen.getByRole("button", { name: "Load ledger" })).toBeTruthy();
  });
});
