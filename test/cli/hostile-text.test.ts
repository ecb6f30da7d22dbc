/**
 * Text stays text in every CLI write: customers, vouchers and orders named with strings Excel could
 * take for a formula or a number go through every command, and every cell of every output sheet is
 * scanned: no formula anywhere, every text column holds strings, and the hostile names come back
 * exactly (as the readers trim them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { serialFromYmd } from "../../src/domain/dates";
import { cc, readBack, tempDir, workbook } from "./helpers";

const HOSTILE = ["=1+1", "+1+1", "-5", "@SUM(1)", '=HYPERLINK("http://evil","x")', "\t=2+2", "=3+3\r", "00123", "1e5", "1,234", "TRUE", "0x1F", "<b>&amp;</b>", "_x0041_"] as const;
/** Columns whose cells are always text. */
const TEXT_COLUMNS = new Set(["Customer", "Voucher", "OffsetVoucher", "Order", "Reason", "Reasons", "Name"]);

const d = (y: number, m: number, day: number): number => serialFromYmd(y, m, day);

async function hostileWorkbook(path: string): Promise<void> {
  const tx: (string | number | null)[][] = [["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Note"]];
  const customers: (string | number | null)[][] = [["Customer", "Name", "Currency", "CreditLimit", "AccountStatus"]];
  const orders: (string | number | null)[][] = [["Order", "Customer", "Amount", "Currency", "Status"]];
  HOSTILE.forEach((c, i) => {
    tx.push([c, `${c}-INV`, "Invoice", d(2025, 6, 1), d(2025, 7, 1), 100 + i, "USD", c]);
    tx.push([c, `INV-${i}b`, "Invoice", d(2025, 9, 1), d(2025, 10, 1), 50, "USD", null]);
    tx.push([c, `${c}-PAY`, "Payment", d(2025, 12, 20), d(2025, 12, 20), -40, "USD", null]);
    customers.push([c, c, "USD", 120, i === 0 ? "Legal" : "Active"]);
    orders.push([`${c}-ORD`, c, 500, "USD", "Open"]);
  });
  await workbook(path, {
    Transactions: tx,
    Customers: customers,
    Orders: orders,
    LetterSequence: [
      ["Code", "Fee", "MinOverdue", "GraceDays", "Block"],
      ["L1", 5, 10, 10, "No"],
    ],
  });
}

const RUNS: readonly (readonly string[])[] = [
  ["aging", "--detail"],
  ["settle"],
  ["creditcheck"],
  ["writeoff", "--customer", "=1+1", "--reason", "=BAD()"],
  ["interest", "--tiers", "0:1.5"],
  ["letters"],
  ["demo", "--nsf", "none", "--writeoff-customer", "=1+1"],
];

describe("text stays text in every CLI write", () => {
  const dir = tempDir();
  const input = join(dir, "hostile.xlsx");
  beforeAll(() => hostileWorkbook(input));

  it.each(RUNS)("cc %s: no formula, text columns hold strings, hostile names come back exactly", async (command, ...args) => {
    const out = join(dir, `${command}.xlsx`);
    const r = await cc(command, input, ...args, "--as-of", "2025-12-31", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const sheetParts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheetParts.length).toBeGreaterThan(0);
    for (const part of sheetParts) {
      const xml = (await zip.file(part)?.async("string")) as string;
      expect(xml).not.toMatch(/<f[ >]/);
      // Every cell is a number, a boolean or an inline string: never a shared formula, error or date-as-text type.
      for (const m of xml.matchAll(/<c r="[A-Z]+\d+"(?: s="\d+")?(?: t="(\w+)")?>/g)) expect(["inlineStr", "b", undefined]).toContain(m[1]);
    }
    const seen = new Set<string>();
    for (const [sheet, rows] of await readBack(out)) {
      const header = (rows[0] ?? []).map(String);
      for (const row of rows.slice(1)) {
        header.forEach((h, i) => {
          const v = row[i];
          if (!TEXT_COLUMNS.has(h) || v === undefined || v === null) return;
          expect([sheet, h, typeof v]).toEqual([sheet, h, "string"]);
          seen.add(v as string);
        });
      }
    }
    // Every hostile customer the command reports comes back as the same text the reader saw.
    const names = HOSTILE.map((h) => h.trim());
    const customersShown = [...seen].filter((v) => names.includes(v));
    expect(customersShown.length).toBeGreaterThan(0);
    for (const h of ["=1+1", "00123", "1e5", "-5", "@SUM(1)"]) if (command !== "writeoff") expect([command, h, seen.has(h)]).toEqual([command, h, true]);
  });

  it("--in-place writes the same way", async () => {
    const r = await cc("settle", input, "--as-of", "2025-12-31", "--in-place", "--quiet");
    expect(r.code).toBe(0);
    const journal = (await readBack(input)).get("Settlement journal") ?? [];
    const customer = (journal[0] ?? []).indexOf("Customer");
    const values = new Set(journal.slice(1).map((row) => row[customer]));
    for (const h of ["=1+1", "+1+1", "-5", "00123", "1e5", "TRUE"]) expect(values.has(h)).toBe(true);
  });
});
