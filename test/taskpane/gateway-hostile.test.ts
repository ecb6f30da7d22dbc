/**
 * Text stays text: every write of every task-pane operation is scanned (through the fault
 * injector's recorder, no fault armed) while customers, vouchers, reasons and orders are strings
 * Excel would interpret. Every non-empty string must land in a cell formatted as text (`@`) at the
 * moment it is written, never as a formula, and read back as the same string.
 */
import { Workbook } from "../../preview/workbook";
import type { CellValue } from "../../src/taskpane/office/excel-subset";
import { type AgingForm, buildAgingSheet } from "../../src/taskpane/aging/build-aging";
import { appendLog } from "../../src/taskpane/credit/review";
import { createGateway, type Gateway } from "../../src/taskpane/office/gateway";
import { loadLedger } from "../../src/taskpane/settlement/ledger";
import { postProposal, propose, readHistory, unapply, unappliable, type WizardInput } from "../../src/taskpane/settlement/wizard";
import { postWriteOff, proposal as writeOffProposal } from "../../src/taskpane/writeoff/writeoff";
import { FaultyWorkbook } from "./_lib/faults";

export const HOSTILE = [
  "=1+1", "+1+1", "-5", "@SUM(1)", "=HYPERLINK(\"http://evil\",\"x\")", "\t=1+1", "\r=1+1", "\n=1", "00123", "1e5", "-1", "+A1",
  "=", "TRUE", "2015-10-25", "1,234.5", "12%", "$5", " =1", "=cmd|' /C calc'!A0",
];

const HEADER: CellValue[] = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"];

function hostileLedger(customers: readonly string[]): Workbook {
  const rows: CellValue[][] = [HEADER];
  customers.forEach((c, i) => rows.push([c, `INV-${i}`, "Invoice", 42231, 42261, 100 * (i + 1), "USD"]));
  HOSTILE.forEach((v) => rows.push(["2050", v, "Invoice", 42231, 42261, 10, "USD"]));
  rows.push(["2050", "=PAY()", "Payment", 42302, 42302, -50, "USD"]);
  const book = new Workbook();
  book.seed("Ledger", rows, "Transactions");
  return book;
}

function must<T>(r: { ok: true; value: T } | { ok: false; errors: readonly { message: string }[] }): T {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.value;
}

async function settle(gw: Gateway, input: WizardInput): Promise<void> {
  const ledger = must(await loadLedger(gw, "Transactions"));
  const history = must(await readHistory(gw));
  must(await postProposal(gw, ledger, { proposal: must(propose(ledger, input)), accountingCurrency: "USD", history }));
}

const form: AgingForm = { transactions: "Transactions", customers: "Customers", asOfSerial: 42369, basis: "due", bounds: "", customerGroup: "", agent: "", includeZeroBalance: false };

describe("text stays text in every write of the task pane", () => {
  it("every hostile string lands as text, in every operation", async () => {
    const scans: FaultyWorkbook[] = [];
    // Aging: the chart shows the six largest customers, so the hostile names go six at a time.
    for (let i = 0; i < HOSTILE.length; i += 6) {
      const faulty = new FaultyWorkbook(hostileLedger(HOSTILE.slice(i, i + 6)));
      must(await buildAgingSheet(createGateway(faulty.run), form));
      scans.push(faulty);
    }
    const faulty = new FaultyWorkbook(hostileLedger(HOSTILE));
    scans.push(faulty);
    const gw = createGateway(faulty.run);
    const row: WizardInput = { customer: "2050", payment: { kind: "row", voucher: "=PAY()" }, dateSerial: 42302, method: "duedate", options: {} };
    await settle(gw, row);
    await settle(gw, { ...row, payment: { kind: "typed", voucher: "@BANK(1)", amount: "60", currency: "USD" } });
    const ledger = must(await loadLedger(gw, "Transactions"));
    const history = must(await readHistory(gw));
    must(await unapply(gw, ledger, history, unappliable(history, "2050")[0]?.journalId ?? "", 42310));
    for (const [i, reason] of ["=reason()", "+reason", "-reason", "@reason"].entries()) {
      const l = must(await loadLedger(gw, "Transactions"));
      must(await postWriteOff(gw, l, must(writeOffProposal(l, { customer: HOSTILE[i] ?? "", vouchers: [`INV-${i}`], reason, dateSerial: 42302, separateSalesTax: false }))));
    }
    must(await appendLog(gw, HOSTILE.map((h) => ({ order: h, customer: h, action: "Release" as const, reason: h, status: "Released" as const, dateSerial: 42302, reasons: h }))));
    await gw.writeNewSheet("=Out", "Out", { columns: [{ header: "=Name", kind: "text" }, { header: "Amount", kind: "money" }], rows: HOSTILE.map((h) => [h, 1]) });

    const strings = scans.flatMap((s) => s.written).filter((w) => typeof w.value === "string" && w.value !== "");
    const wrong = strings.filter((w) => w.format !== "@" || w.formula !== undefined);
    expect(wrong).toEqual([]);
    // Every hostile string was written (so the scan saw what it is meant to see), and reads back as itself.
    const seen = new Set(strings.map((w) => w.value));
    expect(HOSTILE.filter((h) => !seen.has(h))).toEqual([]);
    for (const s of scans) {
      const last = new Map(s.written.map((w) => [`${w.sheet}!${w.row},${w.column}`, w]));
      const differs = [...last.values()].filter((w) => {
        const sheet = s.book.sheet(w.sheet);
        if (sheet === undefined || typeof w.value !== "string" || w.value === "") return false;
        const cell = s.book.cell(sheet, w.row, w.column);
        return cell?.value !== w.value || cell.formula !== undefined || cell.format !== "@";
      });
      expect(differs).toEqual([]);
    }
    const chart = scans[0]?.book.sheets.find((s) => s.name.startsWith("Aging"));
    const block = chart === undefined ? [] : scans[0]?.book.usedValues(chart)[0] ?? [];
    // The chart block's header holds the largest customers' names (a tab or CR before `=1+1` is trimmed by the reader).
    expect(block).toEqual(expect.arrayContaining(["=1+1", "+1+1", "-5", "@SUM(1)", "=HYPERLINK(\"http://evil\",\"x\")"]));
    expect(strings.length).toBeGreaterThan(500);
  });

  it("the scan can fail: a string written into a General cell is reported", () => {
    const faulty = new FaultyWorkbook(new Workbook());
    faulty.book.addSheet("S");
    void faulty.run(async (ctx) => {
      ctx.workbook.worksheets.getItemOrNullObject("S").getRangeByIndexes(0, 0, 1, 1).values = [["=1+1"]];
    });
    expect(faulty.written).toEqual([expect.objectContaining({ value: "=1+1", format: "General", formula: "=1+1" })]);
  });
});
