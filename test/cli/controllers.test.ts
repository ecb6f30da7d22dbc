import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { unwrap } from "../../src/domain/errors";
import { postSettlement, proposeSettlement } from "../../src/domain/settlement";
import { readTransactions } from "../../src/workbook/transactions";
import { journalTable } from "../../src/workbook/settlement-journal";
import ExcelJS from "exceljs";
import { cc, readBack, tempDir } from "./helpers";
import { twoCustomerLedger } from "../prediction/fixtures";

/**
 * Input workbooks whose workbook part and shared strings come first in the zip, as Excel writes
 * them. exceljs's streaming writer puts them wherever its streams finish, and the CLI's streaming
 * reader then sometimes meets the sheets first (sheets named Sheet1.., headers unread): a race in
 * the reader, reported separately. These tests are about the commands, so their inputs are
 * written in Excel's order.
 */
async function workbook(path: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const row of rows) ws.addRow(row as ExcelJS.CellValue[]).commit();
    ws.commit();
  }
  await wb.commit();
  // exceljs's own zip library, so the test needs no package of its own.
  const JSZip = createRequire(require.resolve("exceljs"))("jszip") as typeof import("jszip");
  const zip = await JSZip.loadAsync(readFileSync(path));
  const first = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"];
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  const ordered = new JSZip();
  for (const name of [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n))]) {
    const entry = zip.files[name];
    if (entry !== undefined) ordered.file(name, await entry.async("nodebuffer"));
  }
  writeFileSync(path, await ordered.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return path;
}

const AS_OF = "2025-12-31"; // serial 46022
const CUSTOMERS = [
  ["Customer", "Name", "Currency", "CreditLimit", "Unlimited", "CustomerSince", "Country"],
  ["C1", "Alpha", "USD", 10000, false, 42185, "SE"], // 2015-06-30: 10 years
  ["C2", "Beta", "USD", 2500, false, 45292, "US"], // 2024-01-01: 1 year
  ["C3", "Gamma", "USD", 0, true, 45292, "US"],
];
const LEDGER = [
  ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
  ["C1", "I1", "Invoice", 45962, 45992, 500, "USD"],
  ["C2", "I2", "Invoice", 45962, 45992, 300, "USD"],
];

describe("cc adjust", () => {
  it("proposes a rounded percentage increase with a relative expiry, skipping Unlimited customers", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS });
    const out = join(tempDir(), "adj.xlsx");
    const r = await cc("adjust", path, "--method", "Percent", "--value", "15", "--rounding", "1000", "--direction", "Up", "--expiry-months", "12", "--reason", "ANNUAL", "--as-of", AS_OF, "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = (await readBack(out)).get("Credit limit adjustments") ?? [];
    expect(rows[0]).toEqual(["JournalId", "Date", "Target", "Account", "Type", "NewLimit", "Currency", "From", "To", "Expiry", "Reason"]);
    // 10,000 × 1.15 = 11,500 -> 12,000; 2,500 × 1.15 = 2,875 -> 3,000.
    expect(rows.slice(1).map((x) => x.slice(1).filter((v) => v !== null && v !== ""))).toEqual([
      [AS_OF, "Customer", "C1", "Normal", 12000, "USD", "2026-12-31", "ANNUAL"],
      [AS_OF, "Customer", "C2", "Normal", 3000, "USD", "2026-12-31", "ANNUAL"],
    ]);
    expect(String(rows[1]?.[0])).toMatch(/^CRE/);
    expect(r.stdout).toContain("2 lines");
    expect((await readBack(out)).get("Credit limits after")).toEqual([
      ["Account", "Currency", "Type", "Limit", "NewLimit", "From", "To", "Expiry"],
      ["C1", "USD", "Normal", 10000, 12000, undefined, undefined, "2026-12-31"],
      ["C2", "USD", "Normal", 2500, 3000, undefined, undefined, "2026-12-31"],
    ]);
  });

  it("proposes temporary limits for the period given", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS });
    const out = join(tempDir(), "tmp.xlsx");
    const r = await cc("adjust", path, "--method", "Fixed", "--value", "-500", "--type", "Temporary", "--from", "2026-01-01", "--to", "2026-03-31", "--customers", "C1", "--reason", "SEASON", "--as-of", AS_OF, "--out", out, "--quiet");
    expect(r.code).toBe(0);
    expect((await readBack(out)).get("Credit limits after")?.[1]).toEqual(["C1", "USD", "Temporary", 10000, 9500, "2026-01-01", "2026-03-31"]);
  });

  it("appends the journal with --in-place and refuses to append the same journal twice", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS });
    const args = ["adjust", path, "--method", "Fixed", "--value", "500", "--reason", "R", "--customers", "C2", "--as-of", AS_OF, "--in-place", "--quiet"];
    expect((await cc(...args)).code).toBe(0);
    const sheets = await readBack(path);
    expect(sheets.get("Credit limit adjustments")?.[1]?.slice(3, 7)).toEqual(["C2", "Normal", 3000, "USD"]);
    const again = await cc(...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("journal_must_not_be_posted_twice");
  });

  it.each([
    [["--value", "5", "--reason", "R"], "--method is required"],
    [["--method", "Percent", "--reason", "R"], "--value is required"],
    [["--method", "Percent", "--value", "5"], "--reason"],
    [["--method", "Double", "--value", "5", "--reason", "R"], "--method 'Double' is not Fixed, Percent"],
    [["--method", "Fixed", "--value", "5", "--reason", "R", "--type", "Temporary"], "--type Temporary needs --from and --to"],
    [["--method", "Fixed", "--value", "5", "--reason", "R", "--customers", "C9"], "C9 not on sheet 'Customers'"],
    [["--method", "Fixed", "--value", "5", "--reason", "R", "--expiry", "soon"], "--expiry 'soon'"],
  ])("refuses bad arguments %#", async (args, message) => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS });
    const r = await cc("adjust", path, ...args, "--out", join(tempDir(), "x.xlsx"), "--quiet");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("refuses a bad value through the generator, naming the column", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS });
    const r = await cc("adjust", path, "--method", "Fixed", "--value", "ten", "--reason", "R", "--out", join(tempDir(), "x.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("adjustment_value_must_be_a_number");
  });
});

const SCORING = [
  ["Group", "Attribute", "From", "To", "Values", "Points"],
  ["Tenure", "yearsAsCustomer", 0, 5, null, 5],
  ["Tenure", "yearsAsCustomer", 5, null, null, 20],
  ["Country", "Country", null, null, "SE;NO", 10],
  ["Country", "Country", null, null, "US", 5],
];
const RISK_GROUPS = [["RiskGroup", "FromScore", "ToScore"], ["High", 0, 24], ["Low", 25, 100]];
const AUTO = [["RiskGroup", "Currency", "MaxRevenue", "CreditLimit"], ["Low", "USD", null, 20000], ["High", "USD", null, 2500]];

describe("cc risk", () => {
  it("scores each customer (tenure + country from the Customers sheet) and proposes automatic limits that differ", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS, Scoring: SCORING, RiskGroups: RISK_GROUPS, AutomaticLimits: AUTO });
    const out = join(tempDir(), "risk.xlsx");
    const r = await cc("risk", path, "--as-of", AS_OF, "--reason", "REVIEW", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sheets = await readBack(out);
    // C1: 10 years (20) + SE (10) = 30, Low; C2 and C3: 1 year (5) + US (5) = 10, High.
    expect(sheets.get("Risk scores")?.map((x) => x.slice(0, 6))).toEqual([
      ["Customer", "Name", "Currency", "Score", "RiskGroup", "Points"],
      ["C1", "Alpha", "USD", 30, "Low", "Tenure 20; Country 10"],
      ["C2", "Beta", "USD", 10, "High", "Tenure 5; Country 5"],
      ["C3", "Gamma", "USD", 10, "High", "Tenure 5; Country 5"],
    ]);
    expect(sheets.get("Risk scores")?.[1]?.slice(6)).toEqual([500, 10000]);
    // C1 10,000 -> 20,000 (Low); C2 already 2,500 (High): no line; C3 Unlimited: never.
    expect(sheets.get("Credit limit adjustments")?.slice(1).map((x) => x.slice(2).filter((v) => v !== null && v !== ""))).toEqual([["Customer", "C1", "Normal", 20000, "USD", "REVIEW"]]);
    expect(r.stdout).toContain("1 changes proposed");
  });

  it("writes only the scores without AutomaticLimits, and refuses a scoring sheet with errors", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS, Scoring: SCORING });
    const out = join(tempDir(), "risk.xlsx");
    expect((await cc("risk", path, "--as-of", AS_OF, "--out", out, "--quiet")).code).toBe(0);
    expect([...(await readBack(out)).keys()]).toEqual(["Risk scores"]);
    const bad = await workbook(join(tempDir(), "bad.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS, Scoring: [...SCORING, ["Tenure", "yearsAsCustomer", 9, 3, null, 1]] });
    const r = await cc("risk", bad, "--as-of", AS_OF, "--out", join(tempDir(), "x.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("row 6, To: 3 is not above 9 [to_must_be_above_from]");
    const none = await workbook(join(tempDir(), "none.xlsx"), { Transactions: LEDGER, Customers: CUSTOMERS });
    expect((await cc("risk", none, "--as-of", AS_OF, "--out", join(tempDir(), "y.xlsx"), "--quiet")).code).toBe(1);
  });
});

describe("cc nsf", () => {
  const DAY = 45413;
  const before = [
    ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
    ["C", "I1", "Invoice", DAY - 60, DAY - 30, 100, "USD"],
    ["C", "I2", "Invoice", DAY - 40, DAY - 10, 250, "USD"],
    ["C", "P1", "Payment", DAY, DAY, -300, "USD"],
  ];
  async function settledWorkbook(): Promise<string> {
    const ledger = unwrap(readTransactions(before));
    const payment = ledger[2];
    if (payment === undefined) throw new Error("no payment");
    const posted = unwrap(postSettlement(unwrap(proposeSettlement({ credit: payment, items: ledger.slice(0, 2), dateSerial: DAY, method: { kind: "duedate" } })), { accountingCurrency: "USD", salt: "1" }));
    const after = [before[0] as unknown[], ["C", "I1", "Invoice", DAY - 60, DAY - 30, 0, "USD"], ["C", "I2", "Invoice", DAY - 40, DAY - 10, 50, "USD"], ["C", "P1", "Payment", DAY, DAY, 0, "USD"]];
    return workbook(join(tempDir(), "ledger.xlsx"), { Transactions: after as never, "Settlement journal": journalTable(posted.journal.lines) });
  }

  it("reopens the invoices, reverses the payment and charges the fee, as CC.NSF shows it", async () => {
    const path = await settledWorkbook();
    const out = join(tempDir(), "nsf.xlsx");
    const r = await cc("nsf", path, "--payment", "P1", "--date", "2024-05-04", "--reason", "BOUNCED", "--fee", "25", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const sheets = await readBack(out);
    const changes = sheets.get("NSF changes") ?? [];
    expect(changes.slice(0, 4)).toEqual([
      ["Voucher", "Type", "Change", "Balance", "Currency"],
      ["I1", "Invoice", 100, 100, "USD"],
      ["I2", "Invoice", 200, 250, "USD"],
      ["P1", "Payment", 0, 0, "USD"],
    ]);
    expect(changes[4]?.slice(1)).toEqual(["Fee", 25, 25, "USD"]);
    const journal = sheets.get("NSF journal") ?? [];
    expect(journal[0]?.[0]).toBe("JournalId");
    // The cancellation and the fee carry the reason; the unapply lines are the settlement engine's own.
    expect(journal.slice(1).filter((x) => !String(x[0]).startsWith("UNA")).map((x) => [String(x[0]).slice(0, 3), x[12]])).toEqual([["NSF", "BOUNCED"], ["NSF", "BOUNCED"], ["FEE", "BOUNCED"], ["FEE", "BOUNCED"]]);
    expect(r.stdout).toContain("Cancelled payment P1 of customer C: 300.00 USD, 1 settlements unapplied, 2 items reopened, fee 25.00");
  });

  it("counts an earlier NSF's unapply lines as settlement history: the same payment is not unapplied twice", async () => {
    const path = await settledWorkbook();
    const copy = join(tempDir(), "twice.xlsx");
    copyFileSync(path, copy);
    const first = await cc("nsf", copy, "--payment", "P1", "--date", "2024-05-04", "--reason", "NSF", "--in-place", "--quiet");
    expect(first.code).toBe(0);
    // Another day is another journal ID: only the settlement history can tell that P1's settlement is already unapplied.
    const later = await cc("nsf", copy, "--payment", "P1", "--date", "2024-05-09", "--reason", "NSF", "--out", join(tempDir(), "later.xlsx"), "--quiet");
    expect(later.code).toBe(1);
    expect(later.stderr).toContain("'P1' has nothing left to cancel [payment_must_not_be_cancelled]");
  });

  it("refuses a second cancellation appended in place, and bad arguments", async () => {
    const path = await settledWorkbook();
    const copy = join(tempDir(), "copy.xlsx");
    copyFileSync(path, copy);
    const args = ["nsf", copy, "--payment", "P1", "--date", "2024-05-04", "--reason", "NSF", "--in-place", "--quiet"];
    expect((await cc(...args)).code).toBe(0);
    const again = await cc(...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("payment_must_not_be_cancelled");
    const out = ["--out", join(tempDir(), "x.xlsx"), "--quiet"];
    expect((await cc("nsf", path, "--reason", "NSF", ...out)).stderr).toContain("--payment");
    expect((await cc("nsf", path, "--payment", "P1", ...out)).stderr).toContain("--reason");
    expect((await cc("nsf", path, "--payment", "P9", "--reason", "NSF", ...out)).stderr).toContain("no transaction 'P9'");
    expect((await cc("nsf", path, "--payment", "I1", "--reason", "NSF", ...out)).stderr).toMatch(/^cc nsf: cannot cancel payment I1 .*nsf_must_be_a_payment/);
    expect((await cc("nsf", path, "--payment", "P1", "--reason", "NSF", "--fee", "2.555", ...out)).code).toBe(2);
  });
});

describe("cc writeoff-candidates", () => {
  const ledger = [
    ["Customer", "Voucher", "DueDate", "Amount", "Currency"],
    ["A", "1", 45900, 3.5, "USD"],
    ["A", "2", 45950, -1, "USD"],
    ["B", "3", 46000, 900, "USD"],
    ["C", "4", 45000, 4, "JPY"],
  ];

  it("lists small balances per customer and currency, in each currency's units", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { Transactions: ledger });
    const out = join(tempDir(), "c.xlsx");
    const r = await cc("writeoff-candidates", path, "--accounting-currency", "USD", "--max-balance", "5", "--as-of", AS_OF, "--out", out, "--quiet");
    expect(r.code).toBe(0);
    expect((await readBack(out)).get("Write-off candidates")).toEqual([
      ["Customer", "Currency", "Balance", "OpenItems", "OldestDueDate"],
      ["A", "USD", 2.5, 2, "2025-08-31"],
      ["C", "JPY", 4, 1, "2023-03-15"],
    ]);
    const old = join(tempDir(), "o.xlsx");
    expect((await cc("writeoff-candidates", path, "--accounting-currency", "USD", "--min-days-past-due", "100", "--as-of", AS_OF, "--out", old, "--quiet")).code).toBe(0);
    expect((await readBack(old)).get("Write-off candidates")?.slice(1).map((x) => x[0])).toEqual(["A", "C"]);
    expect((await cc("writeoff-candidates", path, "--accounting-currency", "USD", "--max-balance", "-1", "--out", old, "--quiet")).code).toBe(2);
    expect((await cc("writeoff-candidates", path, "--accounting-currency", "USD", "--min-days-past-due", "x", "--out", old, "--quiet")).code).toBe(2);
  });
});

describe("cc worklist", () => {
  const DAY = 45413; // 2024-05-01
  const ledger = [
    ["Customer", "Voucher", "DueDate", "Amount", "Currency", "Status", "PromiseDate"],
    ["C1", "I1", DAY - 45, 100, "USD", "", ""],
    ["C2", "I2", DAY - 10, 300, "USD", "", ""],
    ["C3", "I3", DAY - 60, 1000, "USD", "Disputed", ""],
    ["C5", "I5", DAY - 20, 80, "USD", "PromiseToPay", DAY - 1],
  ];
  const sheets = {
    Transactions: ledger,
    Customers: [["Customer", "Name", "Pool", "Agent", "CustomerGroup"], ["C1", "Alpha", "Key", "ana", ""], ["C2", "Beta", "", "", "Retail"], ["C3", "Gamma", "Key", "ana", ""]],
    Pools: [["Pool", "Agent", "CustomerGroups", "MaxBalance"], ["Retail", "bob", "Retail", ""], ["Small", "cy", "", 100]],
    LetterSequence: [["Code", "Fee", "MinOverdue", "GraceDays", "Block"], ["L1", 5, 50, 10, false]],
  };

  it("ranks as CC.WORKLIST, with pools from the Pools sheet and letters due in NextAction", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), sheets);
    const out = join(tempDir(), "w.xlsx");
    const r = await cc("worklist", path, "--as-of", "2024-05-01", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // At risk: C2 300 × 40/30 = 400; C1 100 × 75/30 = 250; C5 80 × 50/30 = 133.33; C3 disputed, last.
    expect((await readBack(out)).get("Worklist")).toEqual([
      ["Rank", "Customer", "Name", "Pool", "Agent", "Balance", "Overdue", "OldestDueDate", "Status", "NextAction"],
      [1, "C2", "Beta", "Retail", "bob", 300, 300, "2024-04-21", "None", "Call about overdue items"],
      [2, "C1", "Alpha", "Key", "ana", 100, 100, "2024-03-17", "None", "Send letter L1"],
      [3, "C5", undefined, "Small", "cy", 80, 80, "2024-04-11", "PromiseToPayBroken", "Follow up broken promise of 2024-04-30"],
      [4, "C3", "Gamma", "Key", "ana", 1000, 1000, "2024-03-02", "Disputed", "Resolve dispute"],
    ]);
    expect(r.stdout).toContain("4 customers on the worklist, 3 with overdue items to chase");
    const bob = join(tempDir(), "bob.xlsx");
    expect((await cc("worklist", path, "--as-of", "2024-05-01", "--agent", "bob", "--out", bob, "--quiet")).code).toBe(0);
    expect((await readBack(bob)).get("Worklist")?.slice(1).map((x) => x[1])).toEqual(["C2"]);
  });

  it("ranks by the late-payment prediction with a ClosedDate history, and several currencies in the accounting currency", async () => {
    // The prediction fixture: Prompt pays 5 days early, Slow 12 days late; each has two open 100.00 invoices not yet due.
    const [head, ...rest] = twoCustomerLedger();
    const h = head as string[];
    const [closed, amount, customer] = [h.indexOf("ClosedDate"), h.indexOf("Amount"), h.indexOf("Customer")];
    const rows = rest.map((r) => r.map((v, i) => (i === amount && r[closed] !== null ? 0 : v)));
    const withHistory = [[...h, "OriginalAmount", "Currency"], ...rows.map((r, i) => [...r, rest[i]?.[amount], "USD"])];
    const path = await workbook(join(tempDir(), "pred.xlsx"), { Transactions: withHistory as never });
    const out = join(tempDir(), "pred-out.xlsx");
    const r = await cc("worklist", path, "--as-of", "2024-11-20", "--out", out, "--quiet");
    expect(r.stderr).toBe("");
    expect((await readBack(out)).get("Worklist")?.slice(1).map((x) => x[1])).toEqual(["Slow", "Prompt"]);
    expect(r.stdout).toContain("Ranked by the expected late amount (late-payment prediction from 39 settled invoices)");
    // Without the ClosedDate column: a tie on age-weighted overdue (nothing is overdue), broken by name.
    const plain = [[...h.filter((_, i) => i !== closed), "Currency"], ...rows.map((x) => [...x.filter((_, i) => i !== closed), "USD"])];
    const p2 = await workbook(join(tempDir(), "plain.xlsx"), { Transactions: plain as never });
    const out2 = join(tempDir(), "plain-out.xlsx");
    const r2 = await cc("worklist", p2, "--as-of", "2024-11-20", "--out", out2, "--quiet");
    expect(r2.stdout).toContain("Ranked by overdue amount weighted by age");
    expect((await readBack(out2)).get("Worklist")?.slice(1).map((x) => x[1])).toEqual(["Prompt", "Slow"]);
    // Slow invoices in SEK at 0.1 USD: ranked together in USD, Slow's balance 20.00 USD.
    const mixed = [withHistory[0] as unknown[], ...withHistory.slice(1).map((x) => (x[customer] === "Slow" ? [...x.slice(0, -1), "SEK"] : x))];
    const p3 = await workbook(join(tempDir(), "mixed.xlsx"), { Transactions: mixed as never, ExchangeRates: [["Currency", "Date", "Rate"], ["SEK", "2023-01-01", 0.1]] });
    const out3 = join(tempDir(), "mixed-out.xlsx");
    const r3 = await cc("worklist", p3, "--as-of", "2024-11-20", "--accounting-currency", "USD", "--out", out3, "--quiet");
    expect(r3.stderr).toBe("");
    expect((await readBack(out3)).get("Worklist")?.slice(1).map((x) => [x[1], x[5]])).toEqual(expect.arrayContaining([["Slow", 20], ["Prompt", 200]]));
    expect(r3.stdout).toContain(", in USD at the rates of the as-of date");
  });

  it("refuses a Pools sheet with errors, naming the sheet and row", async () => {
    const path = await workbook(join(tempDir(), "in.xlsx"), { ...sheets, Pools: [["Pool", "MinBalance", "MaxBalance"], ["A", 10, 5], ["A", "", ""]] });
    const r = await cc("worklist", path, "--as-of", "2024-05-01", "--out", join(tempDir(), "x.xlsx"), "--quiet");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("sheet 'Pools', Pools row 2, MaxBalance: MaxBalance is below MinBalance [max_balance_must_not_be_below_min]");
    expect(r.stderr).toContain("Pools row 3, Pool: pool A is also on row 2 [pool_must_appear_once]");
  });
});
