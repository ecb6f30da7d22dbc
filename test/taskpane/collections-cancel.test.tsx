/** @jest-environment jsdom */
import "./_lib/dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { Workbook } from "../../preview/workbook";
import { App } from "../../src/taskpane/App";
import { createGateway } from "../../src/taskpane/office/gateway";
import { W1 } from "./_lib/ledger";

function slowBook(): Workbook {
  const book = new Workbook();
  const rows = Array.from({ length: 40000 }, (_, i) => ["C" + (i % 100), `V${i}`, "Invoice", 42231, 42261, 1, "USD", "", ""]);
  book.seed("Ledger", [W1[0] ?? [], ...rows], "Transactions");
  book.syncDelayMs = 40;
  return book;
}

describe("Cancel on long reads", () => {
  it.each([
    ["settle", "Load ledger"],
    ["collect", "Load workspace"],
  ] as const)("stops the %s screen's load and says so", async (initialScreen, button) => {
    const book = slowBook();
    const user = userEvent.setup();
    render(<App gateway={createGateway(book.run)} todaySerial={42302} initialScreen={initialScreen} />);
    await user.click(screen.getByRole("button", { name: button }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect((await screen.findByRole("status")).textContent).toMatch("The operation was cancelled; nothing was written.");
    expect(book.sheets.map((s) => s.name)).toEqual(["Ledger"]);
  });
});
