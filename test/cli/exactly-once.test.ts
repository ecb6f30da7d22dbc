/**
 * Exactly once in the CLI: every posting command run twice with --in-place refuses the second time
 * (exit 1), names the journal IDs already posted, and leaves the file byte-identical. The check is
 * one shared function (refusePostedTwice), so --out refuses a proposal already in its input too.
 */
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serialFromYmd } from "../../src/domain/dates";
import { cc, readBack, tempDir, workbook } from "./helpers";

const SAMPLE = join(__dirname, "..", "..", "samples", "sample-ledger.xlsx");
const d = (y: number, m: number, day: number): number => serialFromYmd(y, m, day);
const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Posting commands on the sample (letters on a small workbook with a letter sequence). */
const SAMPLE_POSTINGS: readonly [string, readonly string[], string][] = [
  ["settle", [], "Settlement journal"],
  ["interest", ["--tiers", "0:1.5"], "Interest journal"],
  ["writeoff", ["--customer", "C0071", "--reason", "BADDEBT"], "Write-off journal"],
  ["demo", [], "NSF journal"],
];

function journalIds(rows: unknown[][] | undefined): string[] {
  const header = (rows?.[0] ?? []).map(String);
  const col = header.indexOf("JournalId");
  return [...new Set((rows ?? []).slice(1).map((r) => String(r[col])))];
}

describe("--in-place twice", () => {
  it.each(SAMPLE_POSTINGS)("cc %s: the second run refuses, names the journals and leaves the file byte-identical", async (command, args, sheet) => {
    const path = join(tempDir(), "ledger.xlsx");
    copyFileSync(SAMPLE, path);
    const first = await cc(command, path, ...args, "--as-of", "2025-12-31", "--in-place", "--quiet");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const posted = journalIds((await readBack(path)).get(sheet));
    expect(posted.length).toBeGreaterThan(0);
    const before = sha(path);
    const second = await cc(command, path, ...args, "--as-of", "2025-12-31", "--in-place", "--quiet");
    expect(second.code).toBe(1);
    expect(second.stdout).toBe("");
    expect(second.stderr).toContain("already posted");
    expect(second.stderr).toContain("journal_must_not_be_posted_twice");
    for (const id of posted.slice(0, 5)) expect(second.stderr).toContain(id);
    expect(sha(path)).toBe(before);
    // The same proposal written elsewhere is refused too: the input already holds it.
    const out = await cc(command, path, ...args, "--as-of", "2025-12-31", "--out", join(tempDir(), "o.xlsx"), "--quiet");
    expect(out.code).toBe(1);
    expect(sha(path)).toBe(before);
  });

  it("cc letters: a letter is sent once: the next run reads it as history, and an ID already in the workbook is refused", async () => {
    const transactions = [
      ["Customer", "Voucher", "Amount", "Currency", "DueDate"],
      ["2050", "INV-1", 350, "USD", d(2015, 9, 1)],
    ];
    const sequence = [
      ["Code", "Fee", "MinOverdue", "GraceDays", "Block"],
      ["L1", 5, 100, 10, "No"],
    ];
    const path = await workbook(join(tempDir(), "letters.xlsx"), { Transactions: transactions, LetterSequence: sequence });
    expect((await cc("letters", path, "--as-of", "2015-10-12", "--in-place", "--quiet")).code).toBe(0);
    // The same day again, and a week later: letter 1 was sent (the run's Date column), nothing is due.
    for (const asOf of ["2015-10-12", "2015-10-20"]) {
      const again = await cc("letters", path, "--as-of", asOf, "--in-place", "--quiet");
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`No letters due as of ${asOf}`);
    }
    const book = await readBack(path);
    expect([...book.keys()].filter((k) => k.startsWith("Collection letters")).map((k) => (book.get(k) ?? []).length)).toEqual([2, 1, 1]);
    // A log without dates (an older version's output) is no history, but its IDs still guard: the
    // same letter is refused and the workbook is left as it was.
    const id = journalIds(book.get("Collection letters"))[0] as string;
    const old = await workbook(join(tempDir(), "old.xlsx"), { Transactions: transactions, LetterSequence: sequence, "Collection letters": [["Customer", "Currency", "Letter", "Level", "JournalId"], ["2050", "USD", "L1", 1, id]] });
    const before = sha(old);
    const refused = await cc("letters", old, "--as-of", "2015-10-12", "--in-place", "--quiet");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(id);
    expect(sha(old)).toBe(before);
  });

  it("a non-posting command (aging, creditcheck) may run twice: its sheet gets a ' (2)' name", async () => {
    const path = join(tempDir(), "ledger.xlsx");
    copyFileSync(SAMPLE, path);
    for (let i = 0; i < 2; i++) expect((await cc("creditcheck", path, "--as-of", "2025-12-31", "--in-place", "--quiet")).code).toBe(0);
    expect([...(await readBack(path)).keys()].slice(-2)).toEqual(["Credit check (2)", "Credit holds (2)"]);
  });
});
