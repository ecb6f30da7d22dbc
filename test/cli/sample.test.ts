import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readTables } from "../../src/cli/_lib/xlsx-read";
import { isoFromSerial } from "../../src/domain/dates";
import { readTransactions } from "../../src/workbook/transactions";
import { generateSampleLedger, SAMPLE_AS_OF, SAMPLE_SHEETS } from "../../src/cli/sample/ledger";
import { cc, readBack, sumBy, tempDir } from "./helpers";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "sample-ledger.xlsx");

describe("the sample ledger", () => {
  it("is deterministic: the same seed gives the same sheets, another seed others", () => {
    expect(generateSampleLedger()).toEqual(generateSampleLedger());
    expect(generateSampleLedger(1)).not.toEqual(generateSampleLedger());
  });

  it("is committed as generated: the JSON copy equals the generator's output with ISO dates", () => {
    const json = JSON.parse(readFileSync(join(ROOT, "samples", "sample-ledger.json"), "utf8")) as Record<string, unknown[][]>;
    const sheets = generateSampleLedger();
    expect(Object.keys(json)).toEqual([...SAMPLE_SHEETS]);
    for (const s of sheets) {
      const header = (s.rows[0] ?? []).map(String);
      const dates = new Set(s.dateColumns.map((h) => header.indexOf(h)));
      expect(json[s.name]).toEqual(s.rows.map((row, r) => row.map((v, i) => (r > 0 && dates.has(i) && typeof v === "number" ? isoFromSerial(v) : v))));
    }
  });

  it("the .xlsx holds the same sheets, headers and rows as the JSON copy", async () => {
    const json = JSON.parse(readFileSync(join(ROOT, "samples", "sample-ledger.json"), "utf8")) as Record<string, unknown[][]>;
    const tables = await readTables(SAMPLE, SAMPLE_SHEETS.map((name) => ({ key: name, sheets: [name], identifyBy: ["__none__"] })));
    for (const name of SAMPLE_SHEETS) {
      const range = tables.get(name)?.range ?? [];
      expect(range[0]).toEqual(json[name]?.[0]);
      expect(range.length).toBe(json[name]?.length);
    }
  });

  it("has what the demo needs: 212 customers (12 Nordic), 6 currencies, unapplied payments, one bounced, disputes, interest notes and fees", () => {
    const sheets = new Map(generateSampleLedger().map((s) => [s.name, s.rows]));
    const tx = readTransactions(sheets.get("Transactions"), { require: ["voucher", "type", "date", "dueDate"] });
    if (!tx.ok) throw new Error(JSON.stringify(tx.errors));
    const t = tx.value;
    expect(new Set(t.map((x) => x.customer)).size).toBe(212);
    expect(new Set(t.map((x) => x.currency))).toEqual(new Set(["USD", "EUR", "GBP", "SEK", "NOK", "DKK"]));
    const types = new Set(t.map((x) => x.type));
    for (const type of ["Invoice", "CreditNote", "Payment", "InterestNote"]) expect(types).toContain(type);
    expect(t.some((x) => x.type === "Fee" || x.type === "CollectionLetter")).toBe(true);
    expect(t.filter((x) => x.status === "Disputed").length).toBeGreaterThan(5);
    expect(t.filter((x) => x.cashDiscountPct !== undefined).length).toBeGreaterThan(100);
    expect(t.every((x) => (x.dateSerial ?? 0) <= SAMPLE_AS_OF)).toBe(true);
    const rows = sheets.get("Transactions") ?? [];
    const note = (rows[0] ?? []).indexOf("Note");
    expect(rows.filter((r) => String(r[note] ?? "").includes("NSF")).length).toBe(1);
  });
});

describe("cc demo", () => {
  it("writes the four sheets, balanced journals and a summary", async () => {
    const out = join(tempDir(), "demo.xlsx");
    const r = await cc("demo", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sheets = await readBack(out);
    expect([...sheets.keys()]).toEqual(["Summary", "Aging", "Aging chart", "Settlement journal", "NSF journal", "Credit holds", "Write-off journal", "Bank matches", "Bank journal"]);
    const settlement = sheets.get("Settlement journal") ?? [];
    expect(settlement.length).toBeGreaterThan(10);
    for (const total of sumBy(settlement, "JournalId", "AccountingAmount").values()) expect(total).toBe(0);
    const writeoff = sheets.get("Write-off journal") ?? [];
    const debit = sumBy(writeoff, "Currency", "Debit");
    const credit = sumBy(writeoff, "Currency", "Credit");
    for (const [currency, d] of debit) expect(d).toBeCloseTo(credit.get(currency) ?? Number.NaN, 6);
    const holds = sheets.get("Credit holds") ?? [];
    const status = (holds[0] ?? []).indexOf("Status");
    expect(holds.slice(1).every((row) => row[status] === "HOLD")).toBe(true);
    expect(r.stdout).toMatch(/Aging: 212 customers aged/);
    expect(r.stdout).toMatch(/Settlement: \d+ of \d+ unapplied payments settled/);
    expect(r.stdout).toMatch(new RegExp(`Credit: Checked 300 open orders: ${holds.length - 1} held`));
    expect(r.stdout).toMatch(/Write-off: customer C\d{4}, \d+ items/);
  });
});

/** The sample's bounced payment, from the JSON twin of the workbook (independent of the CLI's reader). */
function bouncedPayment(): { customer: string; voucher: string; amount: number } {
  const data = JSON.parse(readFileSync(join(__dirname, "..", "..", "samples", "sample-ledger.json"), "utf8")) as Record<string, unknown[][]>;
  const rows = data["Transactions"] ?? [];
  const h = (rows[0] ?? []).map(String);
  const marked = rows.slice(1).filter((r) => /NSF/.test(String(r[h.indexOf("Note")] ?? "")));
  expect(marked).toHaveLength(1);
  const row = marked[0] as unknown[];
  return { customer: String(row[h.indexOf("Customer")]), voucher: String(row[h.indexOf("Voucher")]), amount: -Number(row[h.indexOf("Amount")]) };
}

const col = (rows: unknown[][], name: string): number => (rows[0] ?? []).indexOf(name);
const cents = (v: unknown): number => Math.round(Number(v) * 100);

describe("cc demo: the bounced payment", () => {
  it("unapplies its settlements, reopens what it had settled and reverses it against the bank", async () => {
    const pay = bouncedPayment();
    const out = join(tempDir(), "demo.xlsx");
    const r = await cc("demo", "--out", out, "--quiet");
    expect(r.code).toBe(0);
    const sheets = await readBack(out);
    const settlement = sheets.get("Settlement journal") ?? [];
    const nsf = sheets.get("NSF journal") ?? [];
    expect(nsf[0]).toEqual(settlement[0]); // the same columns
    for (const total of sumBy(nsf, "JournalId", "AccountingAmount").values()) expect(total).toBe(0);
    const [voucher, offset, amount, role] = ["Voucher", "OffsetVoucher", "Amount", "AccountRole"].map((n) => col(nsf, n)) as [number, number, number, number];
    // What the settlement applied to each item against the payment comes back on that item.
    const settledAgainst = new Map<string, number>();
    for (const row of settlement.slice(1)) if (row[offset] === pay.voucher) settledAgainst.set(String(row[voucher]), (settledAgainst.get(String(row[voucher])) ?? 0) + cents(row[amount]));
    expect(settledAgainst.size).toBeGreaterThan(0);
    const reopened = new Map<string, number>();
    for (const row of nsf.slice(1)) if (row[offset] === pay.voucher && row[role] === "Customer") reopened.set(String(row[voucher]), (reopened.get(String(row[voucher])) ?? 0) + cents(row[amount]));
    expect(reopened).toEqual(new Map([...settledAgainst].map(([v, c]) => [v, -c])));
    // The payment is reversed in full: customer debited, bank credited.
    const bank = nsf.slice(1).filter((row) => row[role] === "Bank");
    expect(bank.map((row) => [row[voucher], cents(row[amount])])).toEqual([[pay.voucher, -Math.round(pay.amount * 100)]]);
    expect(r.stdout).toContain(`NSF: payment ${pay.voucher} of customer ${pay.customer} cancelled`);
    expect(r.stdout).toMatch(new RegExp(`${settledAgainst.size} items? reopened`));
  });

  it("charges --nsf-fee, cancels nothing with --nsf none, and refuses a bad fee or an unknown voucher", async () => {
    const dir = tempDir();
    const fee = await cc("demo", "--out", join(dir, "fee.xlsx"), "--quiet", "--nsf-fee", "25");
    expect(fee.code).toBe(0);
    const nsf = (await readBack(join(dir, "fee.xlsx"))).get("NSF journal") ?? [];
    const fees = nsf.slice(1).filter((row) => row[col(nsf, "AccountRole")] === "NsfFee");
    expect(fees.map((row) => cents(row[col(nsf, "Amount")]))).toEqual([-2500]);
    expect(fee.stdout).toContain("fee 25.00");

    const none = await cc("demo", "--out", join(dir, "none.xlsx"), "--quiet", "--nsf", "none");
    expect(none.code).toBe(0);
    expect(none.stdout).toContain("NSF: no bounced payment");
    expect((await readBack(join(dir, "none.xlsx"))).get("NSF journal")).toHaveLength(1);

    const bad = await cc("demo", "--out", join(dir, "bad.xlsx"), "--quiet", "--nsf-fee", "lots");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--nsf-fee 'lots'");
    const unknown = await cc("demo", "--out", join(dir, "unknown.xlsx"), "--quiet", "--nsf", "PAY-NOPE");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("PAY-NOPE");
    // A voucher that is not a payment is refused by the engine, naming the rule.
    const invoice = await cc("demo", "--out", join(dir, "inv.xlsx"), "--quiet", "--nsf", "INV-000001");
    expect(invoice.code).toBe(1);
    expect(invoice.stderr).toContain("nsf_must_be_a_payment");
  });
});

describe("cc demo --headers sv|da|nb", () => {
  it.each(["sv", "da", "nb"])("writes the sample with %s headers, reads it back and gets the English run's figures and journals", async (language) => {
    const dir = tempDir();
    const english = await cc("demo", "--out", join(dir, "en", "demo.xlsx"), "--quiet");
    const nordic = await cc("demo", "--headers", language, "--out", join(dir, language, "demo.xlsx"), "--quiet");
    expect(nordic.stderr).toBe("");
    expect(nordic.code).toBe(0);
    // The same figures, line for line (only the input named differs).
    const figures = (out: string): string[] => out.split("\n").slice(1).filter((l) => !l.startsWith("Wrote"));
    expect(figures(nordic.stdout)).toEqual(figures(english.stdout));
    const ledger = await readBack(join(dir, language, `sample-ledger-${language}.xlsx`));
    const expected = { sv: ["Kund", "Förfallodatum", "Belopp"], da: ["Kunde", "Forfaldsdato", "Beløb"], nb: ["Kunde", "Forfallsdato", "Beløp"] }[language] ?? [];
    for (const h of expected) expect(ledger.get("Transactions")?.[0]).toContain(h);
    const en = await readBack(join(dir, "en", "demo.xlsx"));
    const out = await readBack(join(dir, language, "demo.xlsx"));
    expect([...out.keys()]).toEqual([...en.keys()]);
    const aging = out.get("Aging") ?? [];
    expect(aging[0]?.[0]).toBe(expected[0]);
    // Same rows below the header: the journals are the same journals (content-derived IDs).
    for (const sheet of ["Aging", "Settlement journal", "Write-off journal"]) expect((out.get(sheet) ?? []).slice(1)).toEqual((en.get(sheet) ?? []).slice(1));
    expect(out.get("Settlement journal")?.[0]?.[0]).toBe("JournalId");
  }, 120000);

  describe("invalid input", () => {
    it("refuses a language it does not have, naming the ones it has", async () => {
      const r = await cc("demo", "--headers", "fi", "--out", join(tempDir(), "demo.xlsx"), "--quiet");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("--headers 'fi' is not one of en, sv, da, nb");
    });
  });
});
