/**
 * Fuzz every custom function with arbitrary cells (issue #11, STYLE.md "Tests"). Each function is
 * found by its JSDoc `@customfunction` tag in src/functions/*.ts, so a function added later is
 * fuzzed too without touching this file. Every call must return a rectangular table (or a scalar)
 * with no NaN or Infinity, or throw the adapter's FunctionError whose message names an argument;
 * nothing else may escape and nothing may say "internal error".
 *
 * FUZZ_RUNS sets the cases per function (default 300; see docs/testing.md for the long run),
 * FUZZ_SEED picks the seed (default fixed, `random` for a new one each run) and replays a failure.
 */
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { interestJournalFunction } from "../../src/functions/charges";
import { EXCEL_ERRORS } from "../../src/workbook/table";

interface Found {
  readonly file: string;
  readonly exportName: string;
  readonly excelName: string;
  readonly params: readonly string[];
}

const DIR = join(__dirname, "../../src/functions");

/** Every `export function` whose JSDoc carries `@customfunction`, with its parameter names. */
export function customFunctions(): Found[] {
  const out: Found[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".ts")).sort()) {
    const text = readFileSync(join(DIR, file), "utf8");
    const re = /\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export function (\w+)\s*\(([^)]*)\)/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const doc = m[1] ?? "";
      const tag = /@customfunction\s+(\w+)?/.exec(doc);
      if (tag === null) continue;
      const params = (m[3] ?? "")
        .split(",")
        .map((p) => p.trim().split(/[?:\s]/)[0] ?? "")
        .filter((p) => p !== "");
      out.push({ file, exportName: m[2] ?? "", excelName: tag[1] ?? (m[2] ?? "").toUpperCase(), params });
    }
  }
  return out;
}

// ---- arbitrary cells ------------------------------------------------------------------------

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(1e300, -1e300, -0, 0, 5e-324, 2 ** 53, 2 ** 53 + 2, 999999999999999, 0.0999999999999998, 500000000000.001, 1.005, 0.005),
  fc.integer({ min: 40_000, max: 50_000 }), // plausible date serials
  fc.double({ min: -100_000, max: 100_000, noNaN: true }),
);
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom("2024-01-31", "2015-10-25", "9999-12-31", "1899-12-31", "12.5", "-3", "1e5", "€-5", "$12.30", "(5.00)", "1,234.50", "0,05", "abc", "USD", "JPY", "KWD", "XYZ", "yes", "no", "maybe", "Invoice", "Payment", "Fee", "due", "priority", "Posting", "Confirmation", "Invoice", "Disputed", "PromiseToPay", "Customer", "Group", "All", "Blocking", "Exclusion", "Days", "Amount", "Percent", "DaysOverdue", "CreditLimitUsed", "C1", "L1", "2%"),
);
const errorValue = fc.constantFrom(...EXCEL_ERRORS);
const blank = fc.constantFrom(null, "", "  ");
const cell: fc.Arbitrary<unknown> = fc.oneof({ weight: 4, arbitrary: number }, { weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: errorValue }, { weight: 2, arbitrary: blank });

/** Headers the readers know, so that random rows below them reach the row readers. */
const HEADERS = [
  "Customer", "Voucher", "Type", "Date", "DueDate", "DocumentDate", "Amount", "Currency", "CashDiscountDate", "CashDiscountPct", "Status", "Disputed",
  "PromiseDate", "PromiseAmount", "TaxAmount", "Name", "CreditLimit", "CreditLimitExpiry", "CreditGroup", "CustomerGroup", "RiskGroup", "Unlimited",
  "Mandatory", "Insurance", "InsurancePct", "CustomerSince", "Order", "PackingSlipAmount", "Rate", "From", "To", "RuleType", "ValidFor", "Account",
  "Kind", "ValueType", "Value", "Threshold", "ReleaseOrder", "Checkpoint", "Posting", "ProForma", "GraceDays", "Code", "Fee", "MinOverdue", "Block",
  "FromMonth", "PercentPerMonth", "Percent", "MinDays", "Basis", "Label", "Days", "Unit", "OriginalAmount", "ClosedDate", "Pct", "Next",
];
const OPTION_NAMES = [
  "PartialDiscount", "DiscountOnCreditNotes", "UseCashDiscount", "MaxPennyDifference", "MaxOverUnder", "DiscountAdministration", "PaymentCurrency",
  "AccountingCurrency", "CheckGroupLimit", "IgnoreBlankExpiry", "OrderCurrency", "PaymentTerms", "CashDiscount", "RoundAmounts", "DsoMonths1",
  "DsoMonths2", "BalanceMonths", "SeparateSalesTax", "Vouchers", "WriteOffAccount", "IgnorePaymentsAndCreditNotes",
];

const ragged = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 5 });
const headed = fc
  .uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 7 })
  .chain((header) => fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 6 }).map((rows) => [header as unknown[], ...rows]));
const options = fc.array(fc.tuple(fc.constantFrom(...OPTION_NAMES), cell), { maxLength: 4 }).map((rows) => rows.map(([n, v]) => [n, v]));
const arg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: cell },
  { weight: 1, arbitrary: fc.constantFrom([], [[]], [[null]], undefined) },
  { weight: 2, arbitrary: ragged },
  { weight: 5, arbitrary: headed },
  { weight: 2, arbitrary: options },
  { weight: 1, arbitrary: cell.map((c) => [[c]]) },
);

// ---- plausible arguments, so that most calls reach the engines ------------------------------

/** Plausible values, now and then an edge value; `table` and `argFor` mix in arbitrary cells. */
const day = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 45_000, max: 45_400 }) }, { weight: 1, arbitrary: fc.constantFrom("2024-01-31", "2015-10-25", 2958465, 61) });
const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -2_000, max: 5_000 }) },
  { weight: 3, arbitrary: fc.integer({ min: -200_000, max: 200_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.constantFrom(1e300, 9e13, 999999999999999, 500000000000.001, 0.005, "€-5", "$5", -1000) },
);
const nonNegative = fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 0, max: 10_000 }) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100) }, { weight: 1, arbitrary: amount });
const pick = (...values: unknown[]): fc.Arbitrary<unknown> => fc.constantFrom(...values);
const customerKey = pick("C1", "C2", "C3");
const currency = pick("USD", "USD", "JPY", "KWD", "EUR", "");
const bool = pick(true, false, "Yes", "No");
const pct = fc.integer({ min: 0, max: 100 });

/**
 * A table with these columns and 0-6 rows of plausible values (1 cell in 40 any cell at all);
 * with `key`, the rows are unique by that column (a customer appears once in Customers).
 */
function table(columns: readonly (readonly [string, fc.Arbitrary<unknown>])[], key?: number, minLength = 0): fc.Arbitrary<unknown[][]> {
  const row = fc.tuple(...columns.map(([, a]) => fc.oneof({ weight: 39, arbitrary: a }, { weight: 1, arbitrary: cell })));
  const rows = key === undefined ? fc.array(row, { maxLength: 6 }) : fc.uniqueArray(row, { minLength, maxLength: 6, selector: (r) => String(r[key]) });
  return rows.map((rs) => [columns.map(([h]) => h), ...rs.map((r) => [...r])]);
}

const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  transactions: table([["Customer", customerKey], ["Voucher", pick("V1", "V2", "V3", "V4")], ["Type", pick("Invoice", "Payment", "CreditNote", "Fee", "InterestNote", "")], ["Date", day], ["DueDate", day], ["Amount", amount], ["Currency", currency], ["Status", pick("", "Disputed", "PromiseToPay", "None")], ["CashDiscountDate", day], ["CashDiscountPct", pct]]),
  customers: table([["Customer", customerKey], ["CreditLimit", nonNegative], ["Currency", currency], ["CreditGroup", pick("G1", "")], ["CustomerGroup", pick("Retail", "")], ["Unlimited", pick(false, false, false, false, false, true)], ["Mandatory", pick(false, false, false, false, false, true)]], 0, 3),
  orders: table([["Order", pick("O1", "O2", "O3")], ["Customer", customerKey], ["Amount", nonNegative], ["Currency", currency], ["Status", pick("Open", "")]], 0),
  rules: table([["RuleType", pick("DaysOverdue", "CreditLimitUsed", "SalesOrderAmount", "OverdueAmount")], ["ValidFor", pick("All", "Customer", "Group")], ["Account", customerKey], ["Kind", pick("Blocking", "Exclusion")], ["ValueType", pick("Days", "Amount", "Percent")], ["Value", amount]]),
  groups: table([["CreditGroup", pick("G1", "G2")], ["CreditLimit", nonNegative], ["Currency", currency]], 0),
  temporaryLimits: table([["Customer", customerKey], ["CreditLimit", amount], ["From", day], ["To", day]]),
  rates: table([["Currency", currency], ["Date", day], ["Rate", fc.oneof(fc.double({ min: 0.001, max: 1000, noNaN: true }), cell, fc.constant(1e300))]]),
  checkpoints: table([["Checkpoint", pick("Confirmation", "PickingList", "PackingSlip", "Invoice")], ["Posting", bool], ["ProForma", bool], ["GraceDays", fc.oneof(fc.integer({ min: 0, max: 5 }), blank)]]),
  code: fc.oneof(table([["FromMonth", fc.integer({ min: 0, max: 12 })], ["PercentPerMonth", pct]]), table([["Percent", pct], ["MinDays", fc.integer({ min: 0, max: 90 })], ["Basis", pick("due", "transaction")]])),
  sequence: table([["Code", pick("L1", "L2", "L3")], ["Fee", nonNegative], ["MinOverdue", nonNegative], ["GraceDays", fc.integer({ min: 0, max: 30 })], ["Block", bool]]),
  history: table([["Customer", customerKey], ["Code", pick("L1", "L2")], ["Date", day]]),
  periods: fc.oneof(fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { maxLength: 5 }).map((b) => [b.sort((x, y) => x - y)]), table([["Label", pick("A", "B", "C")], ["Days", fc.oneof(fc.integer({ min: 0, max: 400 }), blank)]])),
  options: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: options }),
  priority: fc.array(pick("Fee", "CollectionLetter", "InterestNote", "Invoice"), { maxLength: 4 }).map((r) => [r]),
  customer: customerKey,
  asOf: day, date: day, day, lastDay: day, paymentDate: day,
  payment: nonNegative, orderAmount: nonNegative,
  months: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 1, max: 24 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1e6, 1e300) }),
  step: pick("Confirmation", "PackingSlip", "Invoice"), lastStep: pick("Confirmation", "PackingSlip", "", null),
  mode: pick("Posting", "ProForma", null), method: pick("duedate", "priority", null), basis: pick("due", "transaction", "document", null),
  reason: pick("BadDebt", ""),
};
PLAUSIBLE["openItems"] = PLAUSIBLE["transactions"] as fc.Arbitrary<unknown>;
// Optional tables are often left out, as in a sheet: then the other arguments decide.
for (const optional of ["orders", "rules", "groups", "temporaryLimits", "rates", "history"]) {
  PLAUSIBLE[optional] = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: PLAUSIBLE[optional] as fc.Arbitrary<unknown> });
}

/** A charge journal as CC.INTERESTJOURNAL spills it (W9's interest), for CC.CHARGECORRECTION. */
const CHARGE_JOURNAL = interestJournalFunction(
  [["Customer", "Voucher", "Type", "DueDate", "Amount", "Currency"], ["C1", "I1", "Invoice", "2020-01-01", 1000, "USD"], ["C1", "I2", "Invoice", "2020-02-05", 200, "USD"]],
  "2020-02-15",
  [["FromMonth", "PercentPerMonth"], [0, 1.5]],
  null,
);
/** A settlement history: 30-45 invoices of three customers, most settled (ClosedDate), some open. */
const history = fc
  .array(fc.tuple(customerKey, fc.integer({ min: 44_500, max: 45_300 }), fc.integer({ min: 1, max: 50_000 }), fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -20, max: 60 }) }, { weight: 1, arbitrary: fc.constant(null) }), cell), { minLength: 30, maxLength: 45 })
  .map((rows) => [
    ["Customer", "Voucher", "Date", "DueDate", "Amount", "ClosedDate"],
    ...rows.map(([c, date, amount, late, odd], i) => [c, `V${i + 1}`, date, date + 30, i === 7 ? odd : amount / 100, late === null ? null : date + 30 + late]),
  ]);

/** CC.NSF's ledger always holds customer C1's payment P1 (100.00, unsettled), beside random rows. */
const NSF_ARGS: Record<string, fc.Arbitrary<unknown>> = {
  transactions: (PLAUSIBLE["transactions"] as fc.Arbitrary<unknown[][]>).map((t) => [...t, ["C1", "P1", "Payment", 45_000, 45_000, -100, "USD", "", null, null]]),
  customer: pick("C1", "C1", "C2"),
  payment: pick("P1", "P1", "V1"),
  settlementJournal: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arg }),
  nsfJournal: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arg }),
};

/** Parameters whose plausible value depends on the function (same name, another meaning). */
const PER_FUNCTION: Record<string, Record<string, fc.Arbitrary<unknown>>> = {
  CHARGECORRECTION: {
    chargeJournal: fc.constant(CHARGE_JOURNAL),
    kind: pick("Waive", "Reinstate", "Reverse", "waive"),
    vouchers: fc.oneof(fc.constant(null), fc.constant([["I1"]]), fc.constant([["I9"]])),
    posted: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constant(CHARGE_JOURNAL) }),
  },
  MATCH: {
    statement: table([["LineId", pick("L1", "L2", "L3")], ["Date", day], ["Amount", nonNegative], ["Currency", pick("USD", "EUR")], ["Counterparty", pick("C1", "Acme", "")], ["Account", pick("", "SE4550000000058398257466")], ["Reference", pick("", "V1", "RF18539007547034")], ["Text", pick("", "V1 V2", "invoice V3")]], 0, 1),
  },
  NSF: NSF_ARGS,
  NSFJOURNAL: NSF_ARGS,
  PAYPREDICT: { transactions: history },
  PAYBACKTEST: { transactions: history, from: day, to: day },
};

/** Mostly a plausible value for the parameter (by its function and name), sometimes anything at all. */
function argFor(param: string, excelName = "", paramCount = 1): fc.Arbitrary<unknown> {
  const plausible = PER_FUNCTION[excelName]?.[param] ?? PLAUSIBLE[param];
  // The more arguments, the rarer an arbitrary one, so that some calls of every function succeed.
  return plausible === undefined ? arg : fc.oneof({ weight: 12 * Math.max(1, Math.ceil(paramCount / 3)), arbitrary: plausible }, { weight: 1, arbitrary: arg });
}

// ---- the property ---------------------------------------------------------------------------

function finiteCell(v: unknown): boolean {
  return typeof v !== "number" || Number.isFinite(v);
}

/** What a call may give: a rectangular table of finite cells, or a finite scalar. */
function checkResult(result: unknown): void {
  if (Array.isArray(result)) {
    expect(result.length).toBeGreaterThan(0);
    const width = (result[0] as unknown[]).length;
    for (const row of result) {
      expect(Array.isArray(row)).toBe(true);
      expect((row as unknown[]).length).toBe(width);
      for (const c of row as unknown[]) expect(finiteCell(c) && c !== undefined).toBe(true);
    }
    return;
  }
  expect(typeof result === "boolean" || (typeof result === "number" && Number.isFinite(result))).toBe(true);
}

function checkError(e: unknown, params: readonly string[]): void {
  if (!(e instanceof FunctionError)) throw e;
  expect(e.message).not.toMatch(/internal error/i);
  // describeError puts the table (a range argument) or the argument first: it must be one of ours.
  const lower = e.message.toLowerCase();
  const named = params.some((p) => lower.startsWith(p.toLowerCase()));
  if (!named) throw new Error(`message does not start with an argument name (${params.join(", ")}): ${e.message}`);
}

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 300);
// A fixed seed by default, so that `npm test` (and CI) runs the same cases every time; FUZZ_SEED
// picks another, FUZZ_SEED=random a new one each run (the long run in docs/testing.md).
const SEED_TEXT = process.env["FUZZ_SEED"] ?? "20261129";
const SEED = SEED_TEXT === "random" ? undefined : Number(SEED_TEXT);
const found = customFunctions();

describe("fuzzing every custom function", () => {
  it("finds the custom functions by their @customfunction tag", () => {
    const names = found.map((f) => f.excelName);
    expect(names).toEqual(expect.arrayContaining(["AGING", "SETTLE", "SETTLEJOURNAL", "CREDITCHECK", "DSO", "CREDITSTATS", "CREDITCHECKPOINT", "WRITEOFF", "INTEREST", "LETTERS"]));
  });

  it.each(found.map((f) => [f.excelName, f] as const))("CC.%s returns a table or a named error for any cells", (_name, f) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- found at run time
    const mod = require(join(DIR, f.file)) as Record<string, unknown>;
    const fn = mod[f.exportName];
    expect(typeof fn).toBe("function");
    const call = fn as (...args: unknown[]) => unknown;
    const outcomes = { ok: 0, error: 0 };
    const debug = new Map<string, number>();
    fc.assert(
      fc.property(fc.tuple(...f.params.map((p) => argFor(p, f.excelName, f.params.length))), (args) => {
        let result: unknown;
        try {
          result = call(...args);
        } catch (e) {
          checkError(e, f.params);
          outcomes.error++;
          if (process.env["FUZZ_DEBUG"] !== undefined) {
            const key = (e as Error).message.replace(/'[^']*'/g, "'…'").replace(/\d+/g, "N").slice(0, 90);
            debug.set(key, (debug.get(key) ?? 0) + 1);
          }
          return;
        }
        checkResult(result);
        outcomes.ok++;
      }),
      { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) },
    );
    if (process.env["FUZZ_DEBUG"] !== undefined) console.log(f.excelName, outcomes, [...debug].sort((a, b) => b[1] - a[1]).slice(0, 12));
    // The fuzz must reach the engines, not only the argument checks: some calls succeed.
    if (RUNS >= 100) expect(outcomes.ok).toBeGreaterThan(0);
  });
});
