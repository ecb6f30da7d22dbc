/**
 * The Bank screen's workbook steps through the real gateway over the in-memory workbook: a
 * statement imported twice is in the Statement table once; the accepted lines post as one
 * journal with their payment rows and the settled open amounts; posting twice posts once; a line
 * already posted is never matched again; and a fault at any write or sync leaves the journal and
 * the ledger both posted or neither, and a retry completes it.
 */
import type { Result } from "../../src/domain/errors";
import { type BankInput, importStatement, planBank, postBank, readCustomers, readStatementText, review } from "../../src/taskpane/bank/bank";
import { createGateway, type Gateway } from "../../src/taskpane/office/gateway";
import { loadLedger } from "../../src/taskpane/settlement/ledger";
import { readHistory } from "../../src/taskpane/settlement/wizard";
import { initialChoices } from "../../src/workbook/statement-review";
import { type FaultKind, FaultyWorkbook } from "./_lib/faults";
import { hasPending, state } from "./_lib/postings";
import { book, CSV, OCR_A } from "./_lib/bank-book";
import type { Workbook } from "../../preview/workbook";

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

async function prepared(gw: Gateway): Promise<{ input: BankInput; click: () => ReturnType<typeof postBank> }> {
  const lines = must(readStatementText("bank.csv", CSV));
  const imported = must(await importStatement(gw, lines));
  const ledger = must(await loadLedger(gw, "Transactions"));
  const customers = must(await readCustomers(gw));
  const base: BankInput = { ledger, customers, lines: imported.lines, options: {}, choices: new Map() };
  const r = must(review(base));
  const input = { ...base, choices: initialChoices(r.matches, "High", r.posted) };
  const history = must(await readHistory(gw));
  const plan = must(planBank(input, history, "SEK"));
  return { input, click: () => postBank(gw, ledger, plan) };
}

const amountOf = (b: Workbook, voucher: string): unknown => {
  const t = b.tables.find((x) => x.name === "Transactions");
  if (t === undefined) return undefined;
  for (let r = t.rowIndex + 1; r < t.rowIndex + t.rowCount; r++) if (b.cell(t.sheet, r, t.columnIndex + 1)?.value === voucher) return b.cell(t.sheet, r, t.columnIndex + 5)?.value;
  return undefined;
};

describe("Bank: import, review and post through the gateway", () => {
  it("imports a statement once: the same file again adds no line", async () => {
    const b = book();
    const gw = createGateway(b.run);
    const lines = must(readStatementText("bank.csv", CSV));
    const first = must(await importStatement(gw, lines));
    expect(first).toMatchObject({ added: 4, already: 0 });
    expect(first.lines.map((l) => l.lineId)).toEqual(["B1", "B2", "B3", "B4"]);
    expect(first.lines[0]).toMatchObject({ amountMinor: 125000, currency: "SEK", reference: OCR_A });
    const again = must(await importStatement(gw, lines));
    expect(again).toMatchObject({ added: 0, already: 4 });
    expect(again.lines).toHaveLength(4);
    const t = b.tables.find((x) => x.name === "Statement");
    expect(t?.rowCount).toBe(5);
  });

  it("reviews: references and a known payer's document number are High and preselected; a stranger is None", async () => {
    const gw = createGateway(book().run);
    const { input } = await prepared(gw);
    const r = must(review(input));
    expect(r.matches.map((m) => [m.line.lineId, m.customer, m.confidence])).toEqual([["B1", "SE1", "High"], ["B2", "SE1", "High"], ["B3", "", "None"], ["B4", "SE2", "High"]]);
    expect([...input.choices].filter(([, c]) => c.accepted).map(([id]) => id)).toEqual(["B1", "B2", "B4"]);
  });

  it("posts the accepted lines as payments and settlements once; a second post changes nothing", async () => {
    const b = book();
    const gw = createGateway(b.run);
    const { click } = await prepared(gw);
    const done = must(await click());
    expect(done.sheet).toBe("Settlement journal");
    expect(amountOf(b, "INV-1")).toBe(0);
    expect(amountOf(b, "INV-2")).toBe(0);
    expect(amountOf(b, "INV-3")).toBe(0);
    expect(amountOf(b, "B1")).toBe(0);
    expect(amountOf(b, "B3")).toBeUndefined();
    const history = must(await readHistory(gw));
    expect(new Set(history.map((l) => l.journalId)).size).toBe(3);
    expect(history.filter((l) => l.accountType === "Customer" && l.voucher === "B2").map((l) => l.amountMinor)).toEqual([48000]);
    const after = state(b, false);
    const again = await click();
    expect(again.ok).toBe(false);
    expect(state(b, false)).toBe(after);
    // Matched again after posting, the posted lines are left out and nothing is left to post.
    const fresh = await prepared(gw);
    const r = must(review(fresh.input));
    expect(r.posted).toEqual(new Set(["B1", "B2", "B4"]));
    expect(r.matches.filter((m) => m.confidence !== "None").map((m) => m.line.lineId)).toEqual([]);
  });

  it("posts a changed line to the items chosen, and a rejected line not at all", async () => {
    const b = book();
    const gw = createGateway(b.run);
    const { input } = await prepared(gw);
    const choices = new Map(input.choices);
    choices.set("B1", { accepted: false });
    // B4 paid 999 by SE2's account; the person puts it on SE2's account instead of INV-3.
    choices.set("B4", { accepted: true, assign: { customer: "SE2", vouchers: [] } });
    const plan = must(planBank({ ...input, choices }, [], "SEK"));
    expect(plan.matches.map((m) => [m.line.lineId, m.rule])).toEqual([["B2", "Document number + amount"], ["B4", "Chosen in review: on account"]]);
    must(await postBank(gw, input.ledger, plan));
    expect(amountOf(b, "INV-1")).toBe(1250);
    expect(amountOf(b, "INV-3")).toBe(999);
    expect(amountOf(b, "B4")).toBe(-999);
  });

  it("a fault at any write or sync leaves both or neither, and a retry completes the post once", async () => {
    const clean = book();
    const cleanGw = createGateway(clean.run);
    const ready = await prepared(cleanGw);
    const before = state(clean, false);
    must(await ready.click());
    const after = state(clean, false);
    const afterWithLog = state(clean, true);
    const inconsistent: string[] = [];
    let faults = 0;
    for (const kind of ["write", "sync-lost", "sync-applied"] as FaultKind[]) {
      for (let k = 1; k < 400; k++) {
        const b = book();
        const faulty = new FaultyWorkbook(b);
        const { click } = await prepared(createGateway(faulty.run));
        faulty.arm(kind, k);
        await click().catch(() => undefined);
        const fired = faulty.fired;
        faulty.disarm();
        if (!fired) break;
        faults++;
        const raw = state(b, false);
        if (raw !== before && raw !== after && !hasPending(b)) inconsistent.push(`${kind} ${k}: half a posting and no pending plan`);
        const retry = await click();
        if (!retry.ok && retry.errors[0]?.code !== "journal_must_not_be_posted_twice") inconsistent.push(`${kind} ${k}: retry refused: ${retry.errors[0]?.message ?? ""}`);
        if (state(b, true) !== afterWithLog) inconsistent.push(`${kind} ${k}: after the retry the workbook is not the one a faultless post leaves`);
      }
    }
    expect(inconsistent).toEqual([]);
    expect(faults).toBeGreaterThan(15);
  });
});

describe("Bank: invalid input", () => {
  it("refuses a CSV line without an amount, naming the line", () => {
    const r = readStatementText("bank.csv", "LineId;Date;Amount;Currency\nX1;2025-12-05;;SEK");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: "amount_must_not_be_blank", row: 2 });
  });

  it("refuses malformed XML and a file of another namespace", () => {
    const bad = readStatementText("s.xml", "<Document><BkToCstmrStmt>");
    expect(!bad.ok && bad.errors[0]?.code).toBe("statement_must_be_well_formed_xml");
    const other = readStatementText("s.xml", '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrNtfctn/></Document>');
    expect(!other.ok && other.errors[0]?.code).toBe("statement_namespace_must_be_camt053");
  });

  it("refuses to post over a ledger row changed since the review", async () => {
    const b = book();
    const gw = createGateway(b.run);
    const { click } = await prepared(gw);
    const t = b.tables.find((x) => x.name === "Transactions");
    if (t === undefined) throw new Error("no table");
    b.setCell(t.sheet, t.rowIndex + 1, t.columnIndex + 5, { value: 1000, format: "General" });
    const r = await click();
    expect(r.ok).toBe(false);
    expect(amountOf(b, "B1")).toBeUndefined();
  });
});
