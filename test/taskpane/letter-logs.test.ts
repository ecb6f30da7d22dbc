/**
 * One history of letters sent across both edges: the collections workspace reads the letters
 * `cc letters --in-place` wrote (tables `Table_Collection_letters`, `..._2`, ...) as well as its own
 * `CollectionLetters` log, so a letter the CLI sent is not proposed again and the next one counts
 * from it; the letter IDs are the same rule (letterId) on both edges.
 */
import { Workbook } from "../../preview/workbook";
import { letterId } from "../../src/domain/collections/log-ids";
import { letterPreview } from "../../src/taskpane/collections/actions";
import { loadWorkspace } from "../../src/taskpane/collections/workspace";
import { createGateway } from "../../src/taskpane/office/gateway";
import type { CellValue } from "../../src/taskpane/office/excel-subset";
import { W1 } from "./_lib/ledger";

/** W1's invoices without the payment: 350.00 overdue from 2015-10-01 (42278). */
const LEDGER = W1.filter((r) => r[1] !== "PAY-1" && r[0] !== "=1+1");
const CLI_HEADER = ["Customer", "Currency", "Letter", "Level", "Fee", "OverdueBalance", "Block", "Reason", "JournalId", "Date"];
const L1_SENT = 42302; // 2015-10-25

function book(logs: Record<string, CellValue[][]>): Workbook {
  const b = new Workbook();
  b.seed("Ledger", LEDGER, "Transactions");
  b.seed("Customers", [["Customer", "Name"], ["2050", "Alpha Trading"]], "Customers");
  b.seed("Letters", [["Code", "Fee", "MinOverdue", "GraceDays", "Block"], ["L1", 5, 50, 10, false], ["L2", 10, 50, 14, true]], "LetterCodes");
  let n = 0;
  for (const [table, values] of Object.entries(logs)) b.seed(n++ === 0 ? "Collection letters" : `Collection letters (${n})`, values, table);
  return b;
}

async function due(b: Workbook, asOf: number): Promise<string[]> {
  const ws = await loadWorkspace(createGateway(b.run), { asOfSerial: asOf, accountingCurrency: "" });
  if (!ws.ok) throw new Error(JSON.stringify(ws.errors));
  const letters = letterPreview(ws.value, "2050", asOf);
  if (!letters.ok) throw new Error(JSON.stringify(letters.errors));
  return letters.value.map((l) => l.code);
}

const cliRun = (date: CellValue): CellValue[][] => [CLI_HEADER, ["2050", "USD", "L1", 1, 5, 350, false, "oldest item 24 days past due (grace 10)", letterId({ customer: "2050", currency: "USD", code: "L1", level: 1 }, L1_SENT), date]];

describe("letters sent by cc letters, seen by the task pane", () => {
  it("a CLI run's letter 1 is history: letter 2 is due 15 days later, not letter 1 again", async () => {
    expect(await due(book({}), L1_SENT + 15)).toEqual(["L1"]);
    expect(await due(book({ Table_Collection_letters: cliRun(L1_SENT) }), L1_SENT + 14)).toEqual([]);
    expect(await due(book({ Table_Collection_letters: cliRun(L1_SENT) }), L1_SENT + 15)).toEqual(["L2"]);
  });

  it("reads every run (Table_Collection_letters_2, ...) and its own log together", async () => {
    const paneLog: CellValue[][] = [["LetterId", "Customer", "Currency", "Code", "Level", "Date", "Fee", "OverdueBalance", "Block", "Vouchers"], ["LET-X", "2050", "USD", "L2", 2, L1_SENT + 15, 10, 350, true, "INV-1, INV-2"]];
    // Letter 2 went out from the pane after the CLI's letter 1: nothing more is due (two letters).
    expect(await due(book({ Table_Collection_letters: [CLI_HEADER], Table_Collection_letters_2: cliRun(L1_SENT), CollectionLetters: paneLog }), L1_SENT + 40)).toEqual([]);
  });

  it("an older CLI run without a Date column is no history (its letter 1 is proposed again)", async () => {
    const undated = cliRun(L1_SENT).map((r) => r.slice(0, 9));
    expect(await due(book({ Table_Collection_letters: undated }), L1_SENT + 15)).toEqual(["L1"]);
  });

  describe("invalid input", () => {
    it("a run whose Date is not a date is an error naming the table and row, not a silent skip", async () => {
      const ws = await loadWorkspace(createGateway(book({ Table_Collection_letters: cliRun("soon") }).run), { asOfSerial: L1_SENT + 15, accountingCurrency: "" });
      expect(ws.ok).toBe(false);
      expect(ws.ok ? [] : ws.errors.map((e) => [e.table, e.row, e.column])).toEqual([["Table_Collection_letters", 2, "Date"]]);
    });
  });
});
