import { join } from "node:path";
import { letterId } from "../../src/domain/collections/log-ids";
import { serialFromYmd } from "../../src/domain/dates";
import { cc, readBack, tempDir, workbook } from "./helpers";

const d = (iso: string): number => {
  const [y, m, day] = iso.split("-").map(Number) as [number, number, number];
  return serialFromYmd(y, m, day);
};

/** docs/domain.md W1's (§8) invoices and interest note for customer 2050, and its 700.00 payment. */
const LEDGER = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
  ["2050", "Invoice 1", "Invoice", d("2015-08-15"), d("2015-09-14"), 100, "USD"],
  ["2050", "Invoice 2", "Invoice", d("2015-09-01"), d("2015-10-01"), 250, "USD"],
  ["2050", "Invoice 3", "Invoice", d("2015-10-15"), d("2015-11-14"), 500, "USD"],
  ["2050", "Interest 1", "InterestNote", d("2015-10-15"), d("2015-11-14"), 7, "USD"],
];
const PAYMENT = ["2050", "Pay 1", "Payment", d("2015-10-25"), d("2015-10-25"), -700, "USD"];
const SEQUENCE = [
  ["Code", "Fee", "MinOverdue", "GraceDays", "Block"],
  ["L1", 5, 50, 10, false],
  ["L2", 10, 50, 14, true],
];
const HEADER = ["Customer", "Currency", "Letter", "Level", "Fee", "OverdueBalance", "Block", "Reason"];

async function input(sheets: Record<string, (string | number | boolean | null)[][]>): Promise<string> {
  return workbook(join(tempDir(), "ledger.xlsx"), sheets);
}

describe("cc letters", () => {
  it("shows its usage with the CC.LETTERS options", async () => {
    const r = await cc("letters", "--help");
    expect(r.code).toBe(0);
    for (const o of ["--as-of", "--sequence SHEET", "--history SHEET", "--ignore-payments-and-credit-notes"]) expect(r.stdout).toContain(o);
    expect((await cc("--help")).stdout).toContain("  letters");
  });

  it("proposes letter 1 counting from the due date, then letter 2 counting from letter 1 (the CC.LETTERS example)", async () => {
    const path = await input({ Transactions: LEDGER, Dunning: SEQUENCE, LetterHistory: [["Customer", "Code", "Date"]] });
    const dir = tempDir();
    const first = await cc("letters", path, "--sequence", "Dunning", "--as-of", "2015-10-25", "--out", join(dir, "l1.xlsx"), "--quiet");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect((await readBack(join(dir, "l1.xlsx"))).get("Collection letters")?.map((r) => r.slice(0, 8))).toEqual([HEADER, ["2050", "USD", "L1", 1, 5, 350, false, "oldest item 41 days past due (grace 10)"]]);
    expect(first.stdout).toContain("1 letter due as of 2015-10-25: 1 L1; fees USD 5.00");
    // The letter's ID is the one the task pane posts the same letter under (one rule: letterId), so
    // a letter sent from either edge is refused by the other.
    const written = (await readBack(join(dir, "l1.xlsx"))).get("Collection letters") ?? [];
    expect(written[1]?.[(written[0] ?? []).indexOf("JournalId")]).toBe(letterId({ customer: "2050", currency: "USD", code: "L1", level: 1 }, serialFromYmd(2015, 10, 25)));

    const sent = await input({ Transactions: LEDGER, Dunning: SEQUENCE, Sent: [["Customer", "Code", "Date"], ["2050", "L1", d("2015-10-20")]] });
    const early = await cc("letters", sent, "--sequence", "Dunning", "--history", "Sent", "--as-of", "2015-11-03", "--out", join(dir, "none.xlsx"), "--quiet");
    expect(early.code).toBe(0);
    expect(early.stdout).toContain("No letters due as of 2015-11-03");
    expect((await readBack(join(dir, "none.xlsx"))).get("Collection letters")).toEqual([[...HEADER, "JournalId", "Date"]]);
    const second = await cc("letters", sent, "--sequence", "Dunning", "--history", "Sent", "--as-of", "2015-11-04", "--out", join(dir, "l2.xlsx"), "--quiet");
    expect(second.code).toBe(0);
    expect((await readBack(join(dir, "l2.xlsx"))).get("Collection letters")?.[1]?.slice(0, 8)).toEqual(["2050", "USD", "L2", 2, 10, 350, true, "15 days since letter 1 (grace 14)"]);
  });

  it("finds the sequence by sheet name or header, and nets payments unless told not to", async () => {
    const path = await input({ Transactions: [...LEDGER, PAYMENT], Setup: SEQUENCE });
    const dir = tempDir();
    const netted = await cc("letters", path, "--as-of", "2015-10-26", "--out", join(dir, "a.xlsx"), "--quiet");
    expect(netted.code).toBe(0);
    expect(netted.stdout).toContain("No letters due"); // 350 overdue - 700 paid
    const ignored = await cc("letters", path, "--as-of", "2015-10-26", "--ignore-payments-and-credit-notes", "--out", join(dir, "b.xlsx"), "--quiet");
    expect(ignored.code).toBe(0);
    expect((await readBack(join(dir, "b.xlsx"))).get("Collection letters")?.[1]?.slice(0, 6)).toEqual(["2050", "USD", "L1", 1, 5, 350]);
  });

  it("reads the letters it sent before: a month later it proposes letter 2, not letter 1 again (--in-place twice)", async () => {
    // The sequence sheet is 'Letters', below the first run's output 'Collection letters' in the
    // default names; the output must never be read as the sequence.
    const path = await input({ Transactions: LEDGER, Letters: SEQUENCE });
    const first = await cc("letters", path, "--as-of", "2015-10-25", "--in-place", "--quiet");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("1 L1");
    const early = await cc("letters", path, "--as-of", "2015-11-08", "--in-place", "--quiet");
    expect(early.stdout).toContain("No letters due as of 2015-11-08"); // 14 days after letter 1: grace 14
    const second = await cc("letters", path, "--as-of", "2015-11-09", "--in-place", "--quiet");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("1 L2");
    const book = await readBack(path);
    expect(book.get("Collection letters")?.[1]?.slice(0, 4)).toEqual(["2050", "USD", "L1", 1]);
    expect(book.get("Collection letters")?.[1]?.[9]).toBe("2015-10-25"); // the Date column: the day it was sent
    expect(book.get("Collection letters (3)")?.[1]?.slice(0, 4)).toEqual(["2050", "USD", "L2", 2]);
    expect(book.get("Collection letters (3)")?.[1]?.[8]).toBe(letterId({ customer: "2050", currency: "USD", code: "L2", level: 2 }, d("2015-11-09")));
  });

  it("reads the task pane's letter log as history, and refuses to post a letter the pane posted", async () => {
    const paneLog = [
      ["LetterId", "Customer", "Currency", "Code", "Level", "Date", "Fee", "OverdueBalance", "Block", "Vouchers"],
      [letterId({ customer: "2050", currency: "USD", code: "L1", level: 1 }, d("2015-10-25")), "2050", "USD", "L1", 1, d("2015-10-25"), 5, 350, false, "Invoice 1, Invoice 2"],
    ];
    const path = await input({ Transactions: LEDGER, Dunning: SEQUENCE, "Collection letters": paneLog });
    const later = await cc("letters", path, "--sequence", "Dunning", "--as-of", "2015-11-09", "--out", join(tempDir(), "p.xlsx"), "--quiet");
    expect(later.code).toBe(0);
    expect(later.stdout).toContain("1 L2");
    // Without the log as history the pane's letter would be proposed again; it is the same ID, so
    // --in-place refuses it rather than write it twice.
    const noLog = await input({ Transactions: LEDGER, Dunning: SEQUENCE, Posted: [paneLog[0]!.map((h) => (h === "Date" ? "SentOn" : h)), paneLog[1]!] });
    const again = await cc("letters", noLog, "--sequence", "Dunning", "--as-of", "2015-10-25", "--in-place", "--quiet");
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain(String(paneLog[1]![0]));
  });

  describe("invalid input", () => {
    it("names a missing sequence sheet", async () => {
      const path = await input({ Transactions: LEDGER });
      const r = await cc("letters", path, "--sequence", "Dunning", "--as-of", "2015-10-25", "--out", join(tempDir(), "x.xlsx"));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("--sequence 'Dunning'");
      const none = await cc("letters", path, "--as-of", "2015-10-25", "--out", join(tempDir(), "x.xlsx"));
      expect(none.code).toBe(1);
      expect(none.stderr).toContain("no letter sequence");
      expect(none.stderr).toContain("--sequence SHEET");
    });

    it("names the sheet, row and column of a bad sequence or history row", async () => {
      const badSequence = await input({ Transactions: LEDGER, Dunning: [...SEQUENCE, ["L3", 5, 50, "soon", false]] });
      const r = await cc("letters", badSequence, "--sequence", "Dunning", "--as-of", "2015-10-25", "--out", join(tempDir(), "x.xlsx"));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/sheet 'Dunning', .*row 4, GraceDays/);
      const badHistory = await input({ Transactions: LEDGER, Dunning: SEQUENCE, LetterHistory: [["Customer", "Code", "Date"], ["2050", "L9", d("2015-10-20")]] });
      const h = await cc("letters", badHistory, "--sequence", "Dunning", "--as-of", "2015-10-25", "--out", join(tempDir(), "x.xlsx"));
      expect(h.code).toBe(1);
      expect(h.stderr).toMatch(/sheet 'LetterHistory', .*row 2, Code.*\[letter_code_must_be_in_sequence\]/);
    });

    it("refuses a ledger without due dates", async () => {
      const path = await input({ Transactions: LEDGER.map((row) => [row[0], row[1], row[5], row[6]] as (string | number)[]), Dunning: SEQUENCE });
      const r = await cc("letters", path, "--sequence", "Dunning", "--as-of", "2015-10-25", "--out", join(tempDir(), "x.xlsx"));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("sheet 'Transactions'");
      expect(r.stderr).toMatch(/DueDate/);
    });
  });
});
