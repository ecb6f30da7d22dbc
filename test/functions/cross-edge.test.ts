/**
 * One workbook through every edge (issue #11, STYLE.md "One rule, one place"): the custom
 * functions, the task pane (its gateway over the in-memory workbook of the preview) and the CLI
 * (`cc` over an .xlsx) must give the same aging totals, settlement balances and credit decisions.
 */
import { join } from "node:path";
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import { agingFunction } from "../../src/functions/aging";
import { creditCheckFunction } from "../../src/functions/credit";
import { settleFunction } from "../../src/functions/settle";
import { serialFromYmd } from "../../src/domain/dates";
import { minorToNumber } from "../../src/domain/money";
import { buildAgingSheet } from "../../src/taskpane/aging/build-aging";
import { runReview } from "../../src/taskpane/credit/review";
import { createGateway } from "../../src/taskpane/office/gateway";
import { loadLedger } from "../../src/taskpane/settlement/ledger";
import { propose } from "../../src/taskpane/settlement/wizard";
import { cc, readBack, tempDir, workbook } from "../cli/helpers";

const AS_OF = "2024-06-30";
const AS_OF_SERIAL = serialFromYmd(2024, 6, 30);
const d = (iso: string): number => serialFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

// A JPY customer with a temporary limit (the task pane once read it 100x too large), a rule on a
// customer, a USD customer with a group, and one payment to settle.
const SHEETS = {
  Customers: [
    // No CreditGroup column: the CLI would take this sheet for the optional CreditGroups table by
    // its headers (CreditGroup, CreditLimit); reported for src/cli/_lib/xlsx-read.ts.
    ["Customer", "Currency", "CreditLimit", "CustomerGroup"],
    ["J1", "JPY", 100_000, "Retail"],
    ["U1", "USD", 5_000, "Retail"],
    ["U2", "USD", 9_000, "Wholesale"],
  ],
  Transactions: [
    ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency"],
    ["J1", "J-INV1", "Invoice", "2024-04-01", "2024-05-01", 150_000, "JPY"],
    ["U1", "U-INV1", "Invoice", "2024-03-01", "2024-03-31", 1200.5, "USD"],
    ["U1", "U-INV2", "Invoice", "2024-05-15", "2024-06-14", 800, "USD"],
    ["U1", "U-INV3", "Invoice", "2024-06-10", "2024-07-10", 300.25, "USD"],
    ["U1", "U-PAY1", "Payment", "2024-06-20", "2024-06-20", -1500, "USD"],
    ["U2", "U2-INV1", "Invoice", "2024-01-10", "2024-02-09", 4000, "USD"],
  ],
  Orders: [
    ["Order", "Customer", "Amount", "Currency", "Status"],
    ["O1", "J1", 60_000, "JPY", "Open"],
    ["O2", "U1", 500, "USD", "Open"],
    ["O3", "U2", 100, "USD", "Open"],
  ],
  TemporaryLimits: [
    ["Customer", "CreditLimit", "From", "To"],
    ["J1", 200_000, "2024-06-01", "2024-06-30"],
  ],
  CreditGroups: [["CreditGroup", "CreditLimit", "Currency"], ["G", 20_000, "USD"]],
  Rules: [
    ["RuleType", "ValidFor", "Account", "Kind", "ValueType", "Value"],
    ["DaysOverdue", "Customer", "U2", "Blocking", "Days", 60],
  ],
};

type SheetName = keyof typeof SHEETS;
const seed = (names: readonly SheetName[]) => seedWorkbook(Object.fromEntries(names.map((n) => [n, SHEETS[n]])) as unknown as SampleJson);

/** The ranges as Excel passes them to a function: dates as serials. */
function range(name: SheetName): unknown[][] {
  const rows = SHEETS[name] as unknown[][];
  return rows.map((row, i) => (i === 0 ? row : row.map((v) => (typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v) ? d(v) : v))));
}

/**
 * The workbook the CLI reads. At most four sheets: with five or more, the CLI's streaming reader
 * loses the sheet names (a bug reported for src/cli/_lib/xlsx-read.ts), so each test names the
 * sheets it needs, and the task pane and the functions get the same ones.
 */
async function cliWorkbook(names: readonly SheetName[]): Promise<string> {
  const dir = tempDir();
  const sheets = Object.fromEntries(names.map((k) => [k, range(k) as (string | number)[][]]));
  return workbook(join(dir, "in.xlsx"), sheets, ["Date", "DueDate", "From", "To"]);
}

describe("the same workbook through the function, the task pane and the CLI", () => {
  async function creditThreeWays(names: readonly SheetName[]) {
    const given = (n: SheetName): unknown => (names.includes(n) ? range(n) : null);
    const viaFunction = (range("Orders").slice(1) as unknown[][]).map(([order, customer, amount]) => {
      try {
        const r = creditCheckFunction({
          customer, orderAmount: amount, customers: range("Customers"), transactions: range("Transactions"), rules: given("Rules"),
          groups: given("CreditGroups"), temporaryLimits: given("TemporaryLimits"), asOf: AS_OF, options: [["AccountingCurrency", "USD"]],
          // The function checks one order; the others count as open orders of their customers.
          orders: [range("Orders")[0] as unknown[], ...(range("Orders").slice(1) as unknown[][]).filter((o) => o[0] !== order)],
        });
        return [order, ...(r[1] ?? [])];
      } catch (e) {
        return [order, "error", (e as Error).message];
      }
    });

    const book = seed(names);
    const review = await runReview(createGateway(book.run), { asOfSerial: AS_OF_SERIAL, accountingCurrency: "USD" });
    const viaPane = !review.ok
      ? review.errors.map((e) => e.code)
      : review.value.checks.map((c) => {
          const r = c.result;
          const e = r.currency === "JPY" ? 0 : 2;
          const money = (m: number | null | undefined): number | string => (m === undefined || m === null ? "" : minorToNumber(m, e));
          return [c.order.order, r.status, r.reasons.join(", "), money(r.limitMinor), money(r.exposureMinor), money(r.availableMinor), r.currency];
        });

    const input = await cliWorkbook(names);
    const out = join(tempDir(), "out.xlsx");
    const run = await cc("creditcheck", input, "--as-of", AS_OF, "--accounting-currency", "USD", "--out", out, "--quiet");
    if (run.code !== 0) return { viaFunction, viaPane, viaCli: run.stderr };
    const sheet = (await readBack(out)).get("Credit check") ?? [];
    const h = (sheet[0] ?? []).map(String);
    const col = (name: string): number => h.indexOf(name);
    const viaCli = sheet.slice(1).map((row) => [row[col("Order")], row[col("Status")], row[col("Reasons")] ?? "", row[col("Limit")] ?? "", row[col("Exposure")], row[col("Available")] ?? "", row[col("Currency")]]);
    return { viaFunction, viaPane, viaCli };
  }

  it("gives the same credit decision for every order (temporary limits in the owner's currency)", async () => {
    const { viaFunction, viaPane, viaCli } = await creditThreeWays(["Customers", "Transactions", "Orders", "TemporaryLimits"]);
    // J1: the temporary limit of 200,000 JPY is read in yen; 150,000 + 60,000 is over it.
    expect(viaFunction[0]).toEqual(["O1", "HOLD", "CreditLimit", 200_000, 210_000, -10_000, "JPY"]);
    expect(viaPane).toEqual(viaFunction);
    expect(viaCli).toEqual(viaFunction);
  });

  it("gives the same credit decision with rules", async () => {
    const { viaFunction, viaPane, viaCli } = await creditThreeWays(["Customers", "Transactions", "Orders", "Rules"]);
    expect(viaFunction[2]).toEqual(["O3", "HOLD", "DaysOverdue", 9000, 4100, 4900, "USD"]);
    expect(viaPane).toEqual(viaFunction);
    expect(viaCli).toEqual(viaFunction);
  });

  it("refuses a rule naming an unknown customer on every edge", async () => {
    const saved = SHEETS.Rules;
    (SHEETS as { Rules: unknown[][] }).Rules = [saved[0] as unknown[], ["DaysOverdue", "Customer", "NOPE", "Blocking", "Days", 60]];
    try {
      const { viaFunction, viaPane, viaCli } = await creditThreeWays(["Customers", "Transactions", "Orders", "Rules"]);
      for (const row of viaFunction) expect(row.slice(1)).toEqual(["error", "rules row 2, Account: customer 'NOPE' is not in the customers range"]);
      expect(viaPane).toEqual(["rule_account_must_exist"]);
      expect(viaCli).toContain("Rules row 2, Account: customer 'NOPE' is not in the customers range [rule_account_must_exist]");
    } finally {
      (SHEETS as { Rules: unknown[][] }).Rules = saved as unknown[][];
    }
  });

  it("gives the same aging totals", async () => {
    const viaFunction = agingFunction(range("Transactions"), AS_OF, null, null);
    const book = seed(["Transactions"]);
    const pane = await buildAgingSheet(createGateway(book.run), { transactions: "Transactions", customers: "", asOfSerial: AS_OF_SERIAL, basis: "due", bounds: "", customerGroup: "", agent: "", includeZeroBalance: false });
    if (!pane.ok) throw new Error(JSON.stringify(pane.errors));
    const sheet = book.sheet(pane.value.sheet);
    const paneRows = sheet === undefined ? [] : book.usedValues(sheet);
    const input = await cliWorkbook(["Transactions"]);
    const out = join(tempDir(), "out.xlsx");
    expect((await cc("aging", input, "--as-of", AS_OF, "--out", out, "--quiet")).stderr).toBe("");
    const viaCli = (await readBack(out)).get("Aging") ?? [];
    expect(viaCli).toEqual(viaFunction);
    // The task pane's sheet carries a title and the header block; its Total rows are the function's.
    const totals = (rows: unknown[][]): unknown[][] => rows.filter((r) => r[0] === "Total").map((r) => r.slice(0, viaFunction[0]?.length ?? 0));
    expect(totals(paneRows)).toEqual(totals(viaFunction));
    expect(totals(viaFunction)).toHaveLength(2);
  });

  it("settles the payment to the same balances", async () => {
    const items = [range("Transactions")[0] as unknown[], ...(range("Transactions").slice(1) as unknown[][]).filter((r) => r[0] === "U1" && r[2] === "Invoice")];
    const viaFunction = settleFunction(items, 1500, AS_OF, null, null, null, null);
    const balanceOf = new Map(viaFunction.slice(1, -1).map((r) => [r[0], r[6]]));

    const book = seed(["Transactions"]);
    const ledger = await loadLedger(createGateway(book.run), "Transactions");
    if (!ledger.ok) throw new Error(JSON.stringify(ledger.errors));
    const proposal = propose(ledger.value, { customer: "U1", payment: { kind: "row", voucher: "U-PAY1" }, dateSerial: AS_OF_SERIAL, method: "duedate", options: {} });
    if (!proposal.ok) throw new Error(JSON.stringify(proposal.errors));
    const viaPane = new Map(proposal.value.lines.map((l) => [l.item.voucher, minorToNumber(l.balanceMinor, 2)]));

    const input = await cliWorkbook(["Transactions"]);
    const out = join(tempDir(), "out.xlsx");
    expect((await cc("settle", input, "--as-of", AS_OF, "--accounting-currency", "USD", "--out", out, "--quiet")).stderr).toBe("");
    const balances = (await readBack(out)).get("Settlement balances") ?? [];
    const h = (balances[0] ?? []).map(String);
    const viaCli = new Map(balances.slice(1).filter((r) => r[h.indexOf("Type")] !== "Payment").map((r) => [r[h.indexOf("Voucher")], r[h.indexOf("OpenAfter")]]));

    expect(balanceOf).toEqual(new Map([["U-INV1", 0], ["U-INV2", 500.5], ["U-INV3", 300.25]]));
    expect(viaPane).toEqual(balanceOf);
    // The CLI lists only the items whose open amount changed.
    for (const [voucher, after] of viaCli) expect(balanceOf.get(voucher as string | number)).toBe(after);
    expect(viaCli.size).toBe(2);
  });
});
