import fc from "fast-check";
import { type LetterDue, worklist } from "../../src/domain/collections";
import { unwrap } from "../../src/domain/errors";
import { rateTable } from "../../src/domain/rates";
import type { Transaction } from "../../src/domain/types";
import { worklist as worklistCell, worklistFunction } from "../../src/functions/worklist";
import { WORKLIST_HEADER } from "../../src/workbook/worklist";
import { Prng } from "../../src/cli/_lib/prng";
import { readLedger } from "../../src/workbook/ledger";
import { readTransactions } from "../../src/workbook/transactions";
import { tx } from "./_fixtures";

const AS_OF = 45413; // 2024-05-01

/**
 * Hand-computed amounts at risk (overdue × (1 + days ÷ 30)):
 * C1 100.00 × 75/30 = 250.00; C2 300.00 × 40/30 = 400.00; C5 80.00 × 50/30 = 133.33 (promise of
 * 2024-04-30 broken, so chased); C4 not due (0); held back: C3 disputed 1,000.00 × 90/30 = 3,000.00,
 * C6 promised 200.00 × 35/30 = 233.33.
 */
const LEDGER: Transaction[] = [
  tx({ customer: "C1", voucher: "I1", dueSerial: AS_OF - 45, amountMinor: 10000 }),
  tx({ customer: "C2", voucher: "I2", dueSerial: AS_OF - 10, amountMinor: 30000 }),
  tx({ customer: "C3", voucher: "I3", dueSerial: AS_OF - 60, amountMinor: 100000, status: "Disputed" }),
  tx({ customer: "C4", voucher: "I4", dueSerial: AS_OF + 10, amountMinor: 5000 }),
  tx({ customer: "C5", voucher: "I5", dueSerial: AS_OF - 20, amountMinor: 8000, status: "PromiseToPay", promiseSerial: AS_OF - 1, promiseAmountMinor: 8000 }),
  tx({ customer: "C6", voucher: "I6", dueSerial: AS_OF - 5, amountMinor: 20000, status: "PromiseToPay", promiseSerial: AS_OF + 5, promiseAmountMinor: 20000 }),
];
const pick = (rows: readonly { rank: number; customer: string; atRiskMinor: number }[]): unknown[][] => rows.map((r) => [r.rank, r.customer, r.atRiskMinor]);

describe("worklist (domain)", () => {
  it("ranks by age-weighted overdue, disputes and live promises after the rest", () => {
    const rows = unwrap(worklist(LEDGER, AS_OF));
    expect(pick(rows)).toEqual([[1, "C2", 40000], [2, "C1", 25000], [3, "C5", 13333], [4, "C4", 0], [5, "C3", 300000], [6, "C6", 23333]]);
    expect(rows.map((r) => [r.customer, r.status, r.nextAction])).toEqual([
      ["C2", "None", "Call about overdue items"],
      ["C1", "None", "Call about overdue items"],
      ["C5", "PromiseToPayBroken", "Follow up broken promise of 2024-04-30"],
      ["C4", "None", "None"],
      ["C3", "Disputed", "Resolve dispute"],
      ["C6", "PromiseToPay", "Await promise of 2024-05-06"],
    ]);
    expect(rows.map((r) => r.heldBack)).toEqual([false, false, false, false, true, true]);
  });

  it("ranks everyone by all overdue items with disputesLast false", () => {
    expect(pick(unwrap(worklist(LEDGER, AS_OF, { disputesLast: false }))).map((r) => r[1])).toEqual(["C3", "C2", "C1", "C6", "C5", "C4"]);
  });

  it("lets an expected late amount drive the rank (absent = 0), the age weighting breaking ties", () => {
    const rows = unwrap(worklist(LEDGER, AS_OF, { expectedLateMinor: new Map([["C4", 500], ["C1", 500]]) }));
    expect(pick(rows)).toEqual([[1, "C1", 500], [2, "C4", 500], [3, "C2", 0], [4, "C5", 0], [5, "C3", 0], [6, "C6", 0]]);
  });

  it("takes pools and agents from the customers, else from the first pool whose criteria match, and filters by them", () => {
    const customers = [{ customer: "C1", name: "Alpha", pool: "Key", agent: "ana" }, { customer: "C2", name: "Beta", customerGroup: "Retail" }];
    const pools = [{ pool: "Retail", agent: "bob", customerGroups: ["Retail"] }, { pool: "Small", agent: "cy", maxBalanceMinor: 10000 }];
    const rows = unwrap(worklist(LEDGER, AS_OF, { customers, pools }));
    expect(rows.map((r) => [r.customer, r.name, r.pool, r.agent])).toEqual([
      ["C2", "Beta", "Retail", "bob"],
      ["C1", "Alpha", "Key", "ana"],
      ["C5", "", "Small", "cy"],
      ["C4", "", "Small", "cy"],
      ["C3", "", "", ""],
      ["C6", "", "", ""],
    ]);
    expect(unwrap(worklist(LEDGER, AS_OF, { customers, pools, agent: "BOB" })).map((r) => [r.rank, r.customer])).toEqual([[1, "C2"]]);
    expect(unwrap(worklist(LEDGER, AS_OF, { customers, pools, pool: "small" })).map((r) => r.customer)).toEqual(["C5", "C4"]);
  });

  it("names an open case before a letter due, and a broken promise before both", () => {
    const letters = [{ customer: "C1", code: "L2" }, { customer: "C2", code: "L1" }, { customer: "C5", code: "L1" }] as unknown as LetterDue[];
    const cases = [{ caseId: "CASE-7", customer: "C2", openedSerial: AS_OF - 3, vouchers: ["I2"], activities: [], status: "Open" as const }];
    const actions = Object.fromEntries(unwrap(worklist(LEDGER, AS_OF, { letters, cases })).map((r) => [r.customer, r.nextAction]));
    expect([actions["C1"], actions["C2"], actions["C5"]]).toEqual(["Send letter L2", "Continue case CASE-7", "Follow up broken promise of 2024-04-30"]);
  });

  it("leaves out later items and closed customers unless IncludeZeroBalance; a credit balance is to apply or refund", () => {
    const ledger = [tx({ customer: "A", voucher: "P", amountMinor: -500 }), tx({ customer: "B", voucher: "X", dueSerial: AS_OF - 90, dateSerial: AS_OF + 1, amountMinor: 999 })];
    expect(unwrap(worklist(ledger, AS_OF)).map((r) => [r.customer, r.balanceMinor, r.nextAction])).toEqual([["A", -500, "Apply or refund credit"]]);
    expect(unwrap(worklist(ledger, AS_OF, { includeZeroBalance: true, customers: [{ customer: "Z" }] })).map((r) => r.customer)).toEqual(["Z", "A"]); // a larger balance ranks first
  });

  it("property: the rank is a total order that does not depend on the order of the rows", () => {
    const item = fc.record({
      customer: fc.constantFrom("C1", "C2", "C3", "C10", "C02"),
      days: fc.integer({ min: -40, max: 200 }),
      amount: fc.integer({ min: -50_000, max: 500_000 }),
      status: fc.constantFrom("None", "None", "Disputed", "PromiseToPay", "Resolved"),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 25 }), fc.array(fc.nat(), { minLength: 25, maxLength: 25 }), fc.boolean(), (items, keys, disputesLast) => {
        const ledger = items.map((it, i) => tx({ customer: it.customer, voucher: `V${i}`, dueSerial: AS_OF - it.days, amountMinor: it.amount, status: it.amount > 0 ? (it.status as Transaction["status"]) : "None", ...(it.status === "PromiseToPay" ? { promiseSerial: AS_OF + 1 } : {}) }));
        const shuffled = ledger.map((t, i) => ({ t, k: keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.t);
        const a = unwrap(worklist(ledger, AS_OF, { disputesLast }));
        const b = unwrap(worklist(shuffled, AS_OF, { disputesLast }));
        if (JSON.stringify(a) !== JSON.stringify(b)) return false;
        const customers = new Set(ledger.filter((t) => t.amountMinor !== 0).map((t) => t.customer));
        if (a.length !== customers.size || new Set(a.map((r) => r.customer)).size !== a.length) return false;
        return a.every((r, i) => r.rank === i + 1 && (i === 0 || (a[i - 1] as typeof r).heldBack < r.heldBack || ((a[i - 1] as typeof r).heldBack === r.heldBack && (a[i - 1] as typeof r).atRiskMinor >= r.atRiskMinor)));
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a ledger in several currencies without an accounting currency, naming the row", () => {
    const r = worklist([tx({ customer: "A", voucher: "1", amountMinor: 1 }), tx({ customer: "B", voucher: "2", amountMinor: 1, currency: "EUR" })], AS_OF);
    expect(r).toMatchObject({ ok: false, errors: [{ code: "worklist_must_have_one_currency", column: "Currency" }] });
    expect(!r.ok && r.errors[0]?.message).toMatch(/give an accounting currency and exchange rates/);
  });

  it("ranks several currencies in the accounting currency at the as-of date's rate", () => {
    // A owes 300.00 USD 10 days overdue: 300 × 40/30 = 400.00 USD. B owes 250.00 EUR 10 days
    // overdue: at 1.20 (the rate of AS_OF; the older 1.00 is not used) 300.00 USD, at risk 400.00,
    // plus 100.00 EUR not yet due = 120.00 USD of balance. C owes 10,000 JPY (0.009 = 90.00 USD) 40 days overdue: 90 × 70/30 = 210.00.
    const rates = rateTable([{ currency: "EUR", dateSerial: AS_OF - 100, rate: "1.00", row: 2 }, { currency: "EUR", dateSerial: AS_OF - 5, rate: "1.20", row: 3 }, { currency: "JPY", dateSerial: AS_OF - 100, rate: "0.009", row: 4 }], "USD");
    const ledger = [
      tx({ customer: "A", voucher: "1", dueSerial: AS_OF - 10, amountMinor: 30000 }),
      tx({ customer: "B", voucher: "2", dueSerial: AS_OF - 10, amountMinor: 25000, currency: "EUR" }),
      tx({ customer: "B", voucher: "3", dueSerial: AS_OF + 10, amountMinor: 10000, currency: "EUR" }),
      tx({ customer: "C", voucher: "4", dueSerial: AS_OF - 40, amountMinor: 10000, currency: "JPY" }),
    ];
    const rows = unwrap(worklist(ledger, AS_OF, { accounting: { currency: "USD", rates } }));
    expect(rows.map((r) => [r.rank, r.customer, r.currency, r.balanceMinor, r.overdueMinor, r.atRiskMinor])).toEqual([
      [1, "B", "USD", 42000, 30000, 40000],
      [2, "A", "USD", 30000, 30000, 40000],
      [3, "C", "USD", 9000, 9000, 21000],
    ]);
  });

  it("refuses a currency without a rate, naming the currency and the ledger row", () => {
    const rates = rateTable([], "USD");
    const r = worklist([tx({ customer: "A", voucher: "1", amountMinor: 100 }), tx({ customer: "B", voucher: "2", amountMinor: 100, currency: "SEK", row: 7 })], AS_OF, { accounting: { currency: "USD", rates } });
    expect(r).toMatchObject({ ok: false, errors: [{ code: "exchange_rate_must_exist" }] });
    expect(!r.ok && r.errors[0]?.message).toMatch(/no exchange rate for SEK .* for transactions row 7/);
  });
});

const RANGE: unknown[][] = [
  ["Customer", "Voucher", "DueDate", "Amount", "Status", "PromiseDate"],
  ["C1", "I1", AS_OF - 45, 100, "", ""],
  ["C2", "I2", AS_OF - 10, 300, "", ""],
  ["C3", "I3", AS_OF - 60, 1000, "Disputed", ""],
  ["C6", "I6", AS_OF - 5, 200, "PromiseToPay", "2024-05-06"],
];
const CUSTOMERS: unknown[][] = [["Customer", "Name", "Pool", "Agent"], ["C1", "Alpha", "Key", "ana"], ["C2", "Beta", "Retail", "bob"], ["C3", "Gamma", "Key", "ana"]];

describe("CC.WORKLIST", () => {
  it("spills the contract's columns, ranked", () => {
    expect(worklistFunction(RANGE, "2024-05-01", CUSTOMERS, null)).toEqual([
      [...WORKLIST_HEADER],
      [1, "C2", "Beta", "Retail", "bob", 300, 300, AS_OF - 10, "None", "Call about overdue items"],
      [2, "C1", "Alpha", "Key", "ana", 100, 100, AS_OF - 45, "None", "Call about overdue items"],
      [3, "C3", "Gamma", "Key", "ana", 1000, 1000, AS_OF - 60, "Disputed", "Resolve dispute"],
      [4, "C6", "", "", "", 200, 200, AS_OF - 5, "PromiseToPay", "Await promise of 2024-05-06"],
    ]);
  });

  it("takes DisputesLast, Agent, Pool and IncludeZeroBalance options; customers are optional", () => {
    expect(worklistFunction(RANGE, AS_OF, null, [["DisputesLast", false]]).slice(1).map((r) => r[1])).toEqual(["C3", "C2", "C1", "C6"]);
    expect(worklistFunction(RANGE, AS_OF, CUSTOMERS, [["Agent", "ana"]]).slice(1).map((r) => r.slice(0, 2))).toEqual([[1, "C1"], [2, "C3"]]);
    expect(worklistFunction(RANGE, AS_OF, CUSTOMERS, [["Pool", "Retail"]]).slice(1).map((r) => r[1])).toEqual(["C2"]);
    expect(worklistFunction(RANGE.slice(0, 2), AS_OF, CUSTOMERS, [["IncludeZeroBalance", true]]).slice(1).map((r) => [r[1], r[5], r[7]])).toEqual([["C1", 100, AS_OF - 45], ["C2", 0, ""], ["C3", 0, ""]]);
  });

  describe("invalid input", () => {
    it.each([
      [[RANGE, ""], "asOf: is required"],
      [[[["Customer", "Amount"], ["C1", 1]], AS_OF], /DueDate/],
      [[[...RANGE, ["C1", "I9", "soon", 1, "", ""]], AS_OF], "transactions row 6, DueDate: 'soon' is not a date"],
      [[[...RANGE, ["C1", "I9", AS_OF, "ten", "", ""]], AS_OF], /transactions row 6, Amount: /],
      [[RANGE, AS_OF, [["Customer", "Name"], ["C1", "A"], ["C1", "B"]]], /customers row 3, Customer: customer C1 is also on row 2/],
      [[RANGE, AS_OF, null, [["Rank", "x"]]], /'Rank' is not an option/],
      [[RANGE, AS_OF, null, [["DisputesLast", "maybe"]]], /'maybe' is not a valid value for DisputesLast/],
      [[[["Customer", "DueDate", "Amount", "Currency"], ["A", 45000, 1, "USD"], ["B", 45000, 1, "EUR"]], AS_OF], "transactions row 3, Currency: 'EUR' differs from 'USD' (row 2): give an accounting currency and exchange rates to rank several currencies together, or filter the ledger by currency"],
    ])("%# refuses with #VALUE!", (args, message) => {
      const [t, a, c, o] = args as [unknown[][], unknown, unknown[][] | undefined, unknown[][] | undefined];
      expect(() => worklistCell(t, a, c, o)).toThrow(message);
    });
  });
});

describe("worklist on a columnar ledger (CC.WORKLIST on a full sheet)", () => {
  const header = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Status", "PromiseDate"];
  /** One currency; payments, disputes, promises kept and broken, and (`huge`) amounts whose age weights pass 2^53. */
  function ledgerOf(seed: number, rows: number, huge = false): unknown[][] {
    const rng = new Prng(seed);
    const out: unknown[][] = [header];
    for (let i = 0; i < rows; i++) {
      const credit = rng.next() < 0.2;
      const due = AS_OF - rng.int(-20, 200);
      const status = ["", "", "", "Disputed", "PTP", "Broken"][rng.int(0, 5)] as string;
      const amount = huge && i % 7 === 0 ? 4e11 + rng.int(0, 99) / 100 : rng.int(0, 40000) / 100;
      out.push([`C${rng.int(1, 25)}`, `V${i}`, credit ? "Payment" : "Invoice", due - 30, due, credit ? -amount : amount, "USD", status, status === "PTP" || status === "Broken" ? AS_OF + rng.int(-10, 10) : null]);
    }
    return out;
  }

  it("ranks the customers of the records, with the same figures, statuses and actions", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const range = ledgerOf(seed, 300, seed % 2 === 0);
      const columns = readLedger(range, { require: ["dueDate"] });
      const records = readTransactions(range, { require: ["dueDate"] });
      if (!columns.ok || !records.ok) throw new Error("the generated ledger reads");
      for (const disputesLast of [true, false]) {
        const expected = worklist(records.value, AS_OF, { disputesLast, includeZeroBalance: true, customers: [{ customer: "C99", name: "None yet" }] });
        expect(expected.ok && expected.value.length).toBeGreaterThan(20);
        expect(worklist(columns.value, AS_OF, { disputesLast, includeZeroBalance: true, customers: [{ customer: "C99", name: "None yet" }] })).toStrictEqual(expected);
      }
      const rates = rateTable([{ currency: "USD", dateSerial: AS_OF - 100, rate: "10.5", row: 2 }], "SEK");
      expect(worklist(columns.value, AS_OF, { accounting: { currency: "SEK", rates } })).toStrictEqual(worklist(records.value, AS_OF, { accounting: { currency: "SEK", rates } }));
    }
  });

  describe("invalid input", () => {
    it("refuses a second currency at its first row, as the records do", () => {
      const range = ledgerOf(3, 100);
      (range[40] as unknown[])[6] = "EUR";
      (range[60] as unknown[])[6] = "SEK";
      const columns = readLedger(range);
      const records = readTransactions(range);
      if (!columns.ok || !records.ok) throw new Error("reads");
      const expected = worklist(records.value, AS_OF);
      expect(expected).toMatchObject({ ok: false, errors: [{ code: "worklist_must_have_one_currency", row: 41 }] });
      expect(worklist(columns.value, AS_OF)).toStrictEqual(expected);
    });
  });
});
