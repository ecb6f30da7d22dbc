import { createGateway, type WriteBack } from "../../src/taskpane/office/gateway";
import type { OutputTable } from "../../src/taskpane/office/formats";
import type { JournalTarget } from "../../src/taskpane/office/post-journal";
import { CancelledError } from "../../src/taskpane/office/task";
import { bookWithLedger, W1 } from "./_lib/ledger";

const target: JournalTarget = { sheet: "Settlement journal", table: "SettlementJournal", idHeader: "JournalId" };
const lines = (id: string, customer = "2050"): OutputTable => ({
  columns: [
    { header: "JournalId", kind: "text" },
    { header: "Line", kind: "integer" },
    { header: "Customer", kind: "text" },
    { header: "Amount", kind: "money" },
  ],
  rows: [
    [id, 1, customer, -100],
    [id, 2, customer, 100],
  ],
});

async function setup() {
  const book = bookWithLedger();
  const gw = createGateway(book.run);
  const read = await gw.readTable("Transactions");
  if (!read.ok) throw new Error("no ledger");
  return { book, gw, source: read.value.location, values: read.value.values };
}

const journalRows = (book: ReturnType<typeof bookWithLedger>): unknown[][] => {
  const s = book.sheet("Settlement journal");
  return s === undefined ? [] : book.usedValues(s);
};

describe("posting journals", () => {
  it("creates the journal table on its own sheet, then appends to it", async () => {
    const { book, gw } = await setup();
    const a = await gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") });
    expect(a).toEqual({ ok: true, value: { sheet: "Settlement journal", table: "SettlementJournal", lines: 2, created: true } });
    const b = await gw.postJournal({ target, journalId: "SET-B", lines: lines("SET-B", "=HYPERLINK(\"x\")") });
    expect(b.ok && b.value.created).toBe(false);
    const rows = journalRows(book);
    expect(rows.map((r) => r[0])).toEqual(["JournalId", "SET-A", "SET-A", "SET-B", "SET-B"]);
    expect(rows[3]?.[2]).toBe("=HYPERLINK(\"x\")");
    expect(book.table("SettlementJournal")?.rowCount).toBe(5);
  });

  it("refuses a journal ID that is already posted, and writes nothing", async () => {
    const { book, gw } = await setup();
    await gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") });
    const again = await gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.errors[0]?.code).toBe("journal_must_not_be_posted_twice");
    expect(!again.ok && again.errors[0]?.message).toMatch(/SET-A has already been posted/);
    expect(journalRows(book)).toHaveLength(3);
  });

  it("updates the settled rows together with the journal when they are unchanged", async () => {
    const { book, gw, source, values } = await setup();
    const writeBack: WriteBack = { source, expected: [{ rowNumber: 2, values: values[1] ?? [] }], updates: [{ rowNumber: 2, header: "Amount", value: 0 }] };
    const r = await gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") }, writeBack);
    expect(r.ok).toBe(true);
    expect(book.usedValues(book.sheet("Ledger") as never)[1]?.[5]).toBe(0);
  });

  it("refuses a stale proposal: a settled row changed since it was read", async () => {
    const { book, gw, source, values } = await setup();
    const ledger = book.sheet("Ledger");
    if (ledger === undefined) throw new Error("no ledger");
    book.setCell(ledger, 2, 5, { value: 200, format: "General" }); // INV-2 edited by the user
    const writeBack: WriteBack = {
      source,
      expected: [2, 3].map((n) => ({ rowNumber: n, values: values[n - 1] ?? [] })),
      updates: [{ rowNumber: 2, header: "Amount", value: 0 }],
    };
    const r = await gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") }, writeBack);
    expect(!r.ok && r.errors).toEqual([expect.objectContaining({ code: "rows_must_be_unchanged_since_the_proposal", row: 3, table: "Transactions" })]);
    expect(book.sheet("Settlement journal")).toBeUndefined();
    expect(book.usedValues(ledger)[1]?.[5]).toBe(W1[1]?.[5]);
  });

  it("a cancelled post writes nothing", async () => {
    const { book, gw } = await setup();
    const abort = new AbortController();
    abort.abort();
    await expect(gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") }, undefined, { signal: abort.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(book.sheet("Settlement journal")).toBeUndefined();
  });

  describe("invalid input", () => {
    it("refuses to append to a table with other columns", async () => {
      const { book, gw } = await setup();
      book.seed("Mine", [["Something"], ["else"]], "SettlementJournal");
      const r = await gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") });
      expect(!r.ok && r.errors[0]?.code).toBe("journal_table_must_have_the_journal_columns");
      expect(book.usedValues(book.sheet("Mine") as never)).toEqual([["Something"], ["else"]]);
    });
    it("refuses an update of a column the ledger does not have, before writing", async () => {
      const { book, gw, source, values } = await setup();
      const writeBack: WriteBack = { source, expected: [{ rowNumber: 2, values: values[1] ?? [] }], updates: [{ rowNumber: 2, header: "Open", value: 0 }] };
      const r = await gw.postJournal({ target, journalId: "SET-A", lines: lines("SET-A") }, writeBack);
      expect(!r.ok && r.errors[0]?.code).toBe("column_must_exist");
      expect(book.sheet("Settlement journal")).toBeUndefined();
    });
  });
});
