/** @jest-environment jsdom */
/**
 * The collections workspace at 10,000 customers (only a window of rows is in the DOM, sort and
 * search still cover every customer) and the payment prediction shown per open invoice when the
 * ledger has a ClosedDate history (issue 17 in the pane).
 */
import "./_lib/dom";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { Workbook } from "../../preview/workbook";
import { serialFromYmd } from "../../src/domain/dates";
import { App } from "../../src/taskpane/App";
import type { CellValue } from "../../src/taskpane/office/excel-subset";
import { createGateway } from "../../src/taskpane/office/gateway";
import { CUSTOMER_ROW_PX } from "../../src/taskpane/screens/collections-styles";

jest.setTimeout(400000);

const TODAY = serialFromYmd(2025, 12, 31);
const id = (i: number): string => `K${String(i).padStart(5, "0")}`;

async function open(book: Workbook, language?: "sv") {
  const user = userEvent.setup();
  await act(async () => {
    render(<App gateway={createGateway(book.run)} todaySerial={TODAY} initialScreen="collect" {...(language !== undefined ? { language } : {})} />);
  });
  return user;
}

describe("the customer list at 10,000 customers", () => {
  function bigBook(): Workbook {
    const book = new Workbook();
    // Customer K00000 owes 1.00 overdue by 1 day, K09999 owes 10,000.00: sorted by overdue amount, K09999 comes first.
    const ledger: CellValue[][] = [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"]];
    const customers: CellValue[][] = [["Customer", "Name", "Currency", "Pool", "Agent"]];
    for (let i = 0; i < 10000; i++) {
      ledger.push([id(i), `INV-${i}`, "Invoice", TODAY - 31, TODAY - 1, i + 1, "USD"]);
      customers.push([id(i), `Customer ${i}`, "USD", i % 2 === 0 ? "Even" : "Odd", i % 4 === 0 ? "Ana" : "Bo"]);
    }
    book.seed("Ledger", ledger, "Transactions");
    book.seed("Customers", customers, "Customers");
    return book;
  }

  it("renders only the rows in view, scrolls to any of them, and sorts and searches all of them", async () => {
    const user = await open(bigBook());
    await user.click(screen.getByRole("button", { name: "Load workspace" }));
    const grid = await screen.findByRole("grid", { name: "Customers" }, { timeout: 60000 });
    expect(screen.getByText("10,000 customers")).toBeTruthy();
    expect(grid.getAttribute("aria-rowcount")).toBe("10001");
    const rows = () => within(grid).getAllByRole("row").slice(1);
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(40);
    expect(rows()[0]?.textContent).toMatch(/^K09999 Customer 9999\$10,000\.00/);
    expect(rows()[0]?.getAttribute("aria-rowindex")).toBe("2");

    // Scrolled to the middle: the rows there are rendered, the first ones are gone.
    const rowPx = CUSTOMER_ROW_PX;
    grid.scrollTop = rowPx * 5000;
    fireEvent.scroll(grid);
    const middle = rows();
    expect(middle.length).toBeLessThan(40);
    expect(middle.map((r) => r.getAttribute("aria-rowindex"))).toContain("5002");
    expect(within(grid).queryByRole("button", { name: "K09999 Customer 9999" })).toBeNull();
    expect(within(grid).getByRole("button", { name: "K04999 Customer 4999" })).toBeTruthy();

    // Sorting by customer ascending starts again from the top, over all 10,000.
    await user.selectOptions(screen.getByRole("combobox", { name: "Sort by" }), "customer");
    await user.click(screen.getByRole("button", { name: "Descending" }));
    expect(rows()[0]?.textContent).toMatch(/^K00000 Customer 0/);
    // Pool, agent and search filter all of them.
    await user.selectOptions(screen.getByRole("combobox", { name: "Pool" }), "Even");
    await user.selectOptions(screen.getByRole("combobox", { name: "Agent" }), "Ana");
    expect(screen.getByText("2,500 customers")).toBeTruthy();
    await user.click(screen.getByRole("searchbox", { name: /Search customers/ }));
    await user.paste("Customer 9996");
    expect(rows().map((r) => r.textContent?.slice(0, 6))).toEqual(["K09996"]);
  });

  describe("invalid input", () => {
    it("a search that matches nobody shows no rows and says 0 customers", async () => {
      const book = new Workbook();
      book.seed("Ledger", [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"], ["A1", "I1", "Invoice", TODAY - 40, TODAY - 10, 5, "USD"]], "Transactions");
      book.seed("Customers", [["Customer", "Name"], ["A1", "Alpha"]], "Customers");
      const user = await open(book);
      await user.click(screen.getByRole("button", { name: "Load workspace" }));
      const grid = await screen.findByRole("grid", { name: "Customers" }, { timeout: 60000 });
      await user.click(screen.getByRole("searchbox", { name: /Search customers/ }));
      await user.paste("no such customer");
      expect(screen.getByText("0 customers")).toBeTruthy();
      expect(within(grid).getAllByRole("row")).toHaveLength(1);
    });
  });
});

describe("payment prediction in the customer detail", () => {
  /** 40 settled invoices of customer P1 (every third paid 20 days late), then two open ones; Amount is the open amount. */
  function historyBook(withClosed: boolean): Workbook {
    const head = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", ...(withClosed ? ["ClosedDate", "OriginalAmount"] : [])];
    const ledger: CellValue[][] = [head];
    for (let i = 0; i < 40; i++) {
      const date = TODAY - 400 + i * 8;
      const late = i % 3 === 0 ? 20 : -2;
      ledger.push(["P1", `OLD-${i}`, "Invoice", date, date + 30, 0, "USD", ...(withClosed ? [date + 30 + late, 100 + i] : [])]);
    }
    ledger.push(["P1", "OPEN-1", "Invoice", TODAY - 40, TODAY - 10, 500, "USD", ...(withClosed ? ["", 500] : [])]);
    ledger.push(["P1", "OPEN-2", "Invoice", TODAY - 5, TODAY + 25, 300, "USD", ...(withClosed ? ["", 300] : [])]);
    const book = new Workbook();
    book.seed("Ledger", ledger, "Transactions");
    book.seed("Customers", [["Customer", "Name", "Currency"], ["P1", "Pred Co", "USD"]], "Customers");
    return book;
  }

  async function detailOf(book: Workbook, language?: "sv") {
    const user = await open(book, language);
    await user.click(screen.getByRole("button", { name: language === "sv" ? "Läs in arbetsytan" : "Load workspace" }));
    const grid = await screen.findByRole("grid", { name: language === "sv" ? "Kunder" : "Customers" }, { timeout: 60000 });
    await user.click(within(grid).getByRole("button", { name: "P1 Pred Co" }));
    return screen.getByRole("region", { name: "P1 Pred Co" });
  }

  it("shows each open invoice's probabilities, summing to 100 %, and its top factors", async () => {
    const detail = await detailOf(historyBook(true));
    for (const voucher of ["OPEN-1", "OPEN-2"]) {
      const p = within(detail).getByRole("group", { name: `Payment prediction for ${voucher}` });
      const m = /^On time (\d+)% · late (\d+)% · very late (\d+)%/.exec(p.textContent ?? "");
      expect(m).not.toBeNull();
      const sum = Number(m?.[1]) + Number(m?.[2]) + Number(m?.[3]);
      expect(Math.abs(sum - 100)).toBeLessThanOrEqual(2);
      expect(p.textContent).toMatch(/Top factors: [^,]+ [↑↓], [^,]+ [↑↓], [^,]+ [↑↓]$/);
    }
    // OPEN-1 is already 10 days past due: it cannot be on time.
    expect(within(detail).getByRole("group", { name: "Payment prediction for OPEN-1" }).textContent).toMatch(/^On time 0%/);
    expect(within(detail).queryByRole("group", { name: /Payment prediction for OLD-/ })).toBeNull();
  });

  it("speaks Swedish too", async () => {
    const detail = await detailOf(historyBook(true), "sv");
    expect(within(detail).getByRole("group", { name: "Betalningsprognos för OPEN-2" }).textContent).toMatch(/^I tid \d+\s% · sen \d+\s% · mycket sen \d+\s%Viktigaste faktorer: /);
  });

  describe("invalid input", () => {
    it("without a ClosedDate history no invoice is predicted and the pane says what it needs", async () => {
      const detail = await detailOf(historyBook(false));
      expect(within(detail).queryByRole("group", { name: /Payment prediction for/ })).toBeNull();
      expect(within(detail).getByText("Payment prediction needs at least 30 settled invoices with a ClosedDate.")).toBeTruthy();
    });
  });
});
