import fc from "fast-check";
import { isoFromSerial, parseDate, serialFromYmd } from "../../src/domain/dates";
import { predictOpenInvoices } from "../../src/domain/prediction/predict";
import { medianDaysLate } from "../../src/domain/prediction/predict";
import { MAX_STUMP_ROWS, MAX_TRAINING_ROWS, MIN_SETTLED, seededSample, trainPaymentModel } from "../../src/domain/prediction/train";
import type { LedgerInvoice } from "../../src/domain/prediction/types";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { payPredictFunction, paypredict } from "../../src/functions/predict";
import { readPredictionLedger } from "../../src/workbook/prediction-input";
import { PAYPREDICT_HEADER } from "../../src/workbook/prediction-output";
import { HEADER, mixedLedger, twoCustomerLedger } from "./fixtures";

const serial = (iso: string): number => {
  const p = parseDate(iso);
  if (!p.ok) throw new Error(p.reason);
  return p.serial;
};
function ledgerOf(range: unknown[][], features: string[] = []): LedgerInvoice[] {
  const r = readPredictionLedger(range, { features });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FunctionError);
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

describe("CC.PAYPREDICT on a hand-made ledger (the README's worked example)", () => {
  // Prompt pays 5 days early, Slow 12 days late; invoices from 2024-11-01 on are open.
  const asOf = "2024-11-20";
  const table = payPredictFunction(twoCustomerLedger(), asOf, null);
  const byVoucher = new Map(table.slice(1).map((r) => [String(r[1]), r]));

  it("spills the contract's header and one row per invoice open at the as-of date", () => {
    expect(table[0]).toEqual([...PAYPREDICT_HEADER]);
    // Open on 2024-11-20: both customers' invoices of 11-01 and 11-15, and Slow's of 10-15 (paid 11-26).
    expect(table.slice(1).map((r) => `${String(r[0])} ${isoFromSerial(r[2] as number)}`)).toEqual([
      "Prompt 2024-12-01",
      "Prompt 2024-12-15",
      "Slow 2024-11-14",
      "Slow 2024-12-01",
      "Slow 2024-12-15",
    ]);
  });

  it("predicts Prompt on time and Slow late, paying 12 days after the due date", () => {
    for (const r of table.slice(1)) {
      const [customer, , due, amount, currency, onTime, late, veryLate, expectedDays, payDate] = r as [string, string, number, number, string, number, number, number, number, number];
      expect(amount).toBe(100);
      expect(currency).toBe("");
      expect(onTime + late + veryLate).toBeCloseTo(1, 12);
      if (customer === "Prompt") {
        expect(onTime).toBeGreaterThan(0.9);
        expect(payDate).toBe(due);
        expect(expectedDays).toBeLessThan(1.5);
      } else {
        expect(late).toBeGreaterThan(0.9);
        expect(payDate).toBe(due + 12);
        // 12 days x P(late), plus the small Laplace-smoothed chance of very late (no very late seen yet).
        expect(expectedDays).toBeGreaterThan(10);
        expect(expectedDays).toBeLessThan(14);
      }
    }
  });

  it("spills the README's worked example to 4 decimals (docs/readme/predict.md)", () => {
    const shown = table.slice(1).map((r) => [r[0], r[1], isoFromSerial(r[2] as number), ...[5, 6, 7].map((c) => Math.round((r[c] as number) * 1e4) / 1e4), r[8], isoFromSerial(r[9] as number)]);
    expect(shown).toEqual([
      ["Prompt", "V41", "2024-12-01", 0.9624, 0.0366, 0.0009, 0.5, "2024-12-01"],
      ["Prompt", "V43", "2024-12-15", 0.9621, 0.037, 0.0009, 0.5, "2024-12-15"],
      ["Slow", "V40", "2024-11-14", 0, 1, 0, 12, "2024-11-26"],
      ["Slow", "V42", "2024-12-01", 0.0197, 0.9558, 0.0245, 12.9, "2024-12-13"],
      ["Slow", "V44", "2024-12-15", 0.0195, 0.956, 0.0245, 12.9, "2024-12-27"],
    ]);
    const result = predictOpenInvoices(ledgerOf(twoCustomerLedger()), serial(asOf));
    if (!result.ok) throw new Error();
    expect(result.value.customers.map((c) => [c.customer, c.expectedLateMinor, c.openMinor])).toEqual([
      ["Slow", 29608, 30000],
      ["Prompt", 755, 20000],
    ]);
  });

  it("never calls an invoice already past due on time", () => {
    const r = byVoucher.get(String(table.find((row) => row[0] === "Slow" && row[2] === serial("2024-11-14"))?.[1]));
    expect(r?.slice(5, 10)).toEqual([0, 1, 0, 12, serial("2024-11-26")]);
  });

  it("ranks the customers by expected late amount for the worklist", () => {
    const result = predictOpenInvoices(ledgerOf(twoCustomerLedger()), serial(asOf));
    if (!result.ok) throw new Error();
    expect(result.value.customers.map((c) => c.customer)).toEqual(["Slow", "Prompt"]);
    const slow = result.value.customers[0];
    expect(slow?.openMinor).toBe(30000);
    expect(slow?.expectedLateMinor).toBeGreaterThan(27000);
    const sum = result.value.invoices.filter((i) => i.customer === "Slow").reduce((a, i) => a + i.amountMinor * (i.late + i.veryLate), 0);
    expect(slow?.expectedLateMinor).toBe(Math.round(sum));
    expect(result.value.invoices[0]?.topFactors).toHaveLength(3);
  });

  it("reads VeryLateDays: with 10 days, Slow's 12 days late become very late", () => {
    const t = payPredictFunction(twoCustomerLedger(), asOf, [["VeryLateDays", 10]]);
    const slow = t.slice(1).filter((r) => r[0] === "Slow" && (r[2] as number) > serial(asOf));
    for (const r of slow) expect(r[7] as number).toBeGreaterThan(r[6] as number);
  });
});

describe("no look-ahead", () => {
  const range = mixedLedger(1500, 25, 7, true);
  const asOf = serialFromYmd(2024, 1, 31);
  const options = { features: ["Channel"] };
  const predict = (r: unknown[][]): unknown => {
    const result = predictOpenInvoices(ledgerOf(r, ["Channel"]), asOf, options);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.value;
  };
  const base = predict(range);
  const col = (name: string): number => (range[0] as string[]).indexOf(name);

  it("gives identical predictions when every event after the as-of date moves N days later", () => {
    // Events: an invoice issued later (all its dates move), a closing or a dispute raised later.
    // A due date after the as-of date of an invoice issued before it was known then, so it stays.
    for (const n of [1, 45, 400]) {
      const shifted = range.map((row, i) => {
        if (i === 0) return row;
        const copy = [...row];
        const issuedLater = serial(String(row[col("Date")])) > asOf;
        for (const c of ["Date", "DueDate", "ClosedDate", "DisputeDate"].map(col)) {
          const v = copy[c];
          if (typeof v === "string" && (issuedLater || (c !== col("DueDate") && serial(v) > asOf))) copy[c] = isoFromSerial(serial(v) + n);
        }
        return copy;
      });
      expect(predict(shifted)).toEqual(base);
    }
  });

  it("gives identical predictions when the rows dated after the as-of date are dropped and later closings blanked", () => {
    const cut = range
      .filter((row, i) => i === 0 || serial(String(row[col("Date")])) <= asOf)
      .map((row, i) => {
        if (i === 0) return row;
        const copy = [...row];
        for (const c of [col("ClosedDate"), col("DisputeDate")]) if (typeof copy[c] === "string" && serial(copy[c] as string) > asOf) copy[c] = null;
        return copy;
      });
    // The rows move up in the sheet; everything but the row numbers must be the same.
    const withoutRows = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === "row" ? undefined : x)));
    expect(withoutRows(predict(cut))).toEqual(withoutRows(base));
  });

  it("does change when a fact before the as-of date changes (the test can fail)", () => {
    const changed = range.map((row, i) => {
      if (i === 0 || serial(String(row[col("ClosedDate")])) > asOf) return row;
      const copy = [...row];
      copy[col("ClosedDate")] = isoFromSerial(Math.min(asOf, serial(String(copy[col("DueDate")])) + 9));
      return copy;
    });
    expect(predict(changed)).not.toEqual(base);
  });
});

describe("properties", () => {
  it("probabilities lie in [0, 1] and sum to 1; pay dates are on or after the due date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 80, max: 400 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 500 }), (seed, n, customers, day) => {
        const asOf = serialFromYmd(2023, 1, 1) + day;
        const result = predictOpenInvoices(ledgerOf(mixedLedger(n, customers, seed)), asOf);
        if (!result.ok) {
          expect(result.errors[0]?.code).toBe("prediction_needs_settled_invoices");
          return;
        }
        for (const p of result.value.invoices) {
          for (const v of [p.onTime, p.late, p.veryLate]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
          expect(Math.abs(p.onTime + p.late + p.veryLate - 1)).toBeLessThan(1e-12);
          expect(p.expectedDaysLate).toBeGreaterThanOrEqual(0);
          expect(p.predictedPaySerial).toBeGreaterThanOrEqual(p.dueSerial);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("is deterministic: the same ledger and seed give the same model and predictions", () => {
    const ledger = ledgerOf(mixedLedger(800, 10, 3));
    const asOf = serialFromYmd(2024, 3, 31);
    const a = trainPaymentModel(ledger, asOf, { seed: 5 });
    const b = trainPaymentModel([...ledger], asOf, { seed: 5 });
    if (!a.ok || !b.ok) throw new Error();
    expect(Array.from(a.value.lateWeights)).toEqual(Array.from(b.value.lateWeights));
    expect(a.value.lateStumps.length).toBeGreaterThan(0);
    expect(a.value.lateStumps).toEqual(b.value.lateStumps);
    expect(predictOpenInvoices(ledger, asOf, { seed: 5 })).toEqual(predictOpenInvoices(ledger, asOf, { seed: 5 }));
  });

  it(`ignores Seed while there are at most MAX_STUMP_ROWS (${MAX_STUMP_ROWS}) training examples: nothing is sampled`, () => {
    expect(MAX_STUMP_ROWS).toBeLessThan(MAX_TRAINING_ROWS);
    const ledger = ledgerOf(mixedLedger(800, 10, 3));
    const asOf = serialFromYmd(2024, 3, 31);
    expect(predictOpenInvoices(ledger, asOf, { seed: 1 })).toEqual(predictOpenInvoices(ledger, asOf, { seed: 99 }));
  });

  it("draws the same seeded sample for a seed and another for another seed", () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    expect(seededSample(items, 100, 1)).toEqual(seededSample(items, 100, 1));
    expect(seededSample(items, 100, 1)).not.toEqual(seededSample(items, 100, 2));
    const s = seededSample(items, 100, 9);
    expect(new Set(s).size).toBe(100);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
  });

  it("takes the predictive median of the days late", () => {
    expect(medianDaysLate(0.6, [3, 5])).toBe(0);
    expect(medianDaysLate(0.5, [3, 5])).toBe(0);
    expect(medianDaysLate(0.3, [2, 4, 6, 8])).toBe(4);
    expect(medianDaysLate(0, [2, 4, 6, 8, 10])).toBe(6);
  });
});

describe("invalid input", () => {
  const good = twoCustomerLedger();

  it("needs enough settled invoices and says how many", () => {
    const message = errorOf(() => paypredict(good, "2024-02-20"));
    expect(message).toContain(`at least ${MIN_SETTLED} invoices settled`);
    expect(message).toMatch(/the ledger has \d+/);
  });

  it("needs a ClosedDate column", () => {
    expect(errorOf(() => paypredict(good.map((r) => r.slice(0, 5)), "2024-11-20"))).toContain("ClosedDate");
  });

  it("names the row and column of a bad date", () => {
    const bad = good.map((r, i) => (i === 3 ? [...r.slice(0, 5), "tomorrow"] : r));
    expect(errorOf(() => paypredict(bad, "2024-11-20"))).toContain("transactions row 4, ClosedDate: 'tomorrow' is not a date");
  });

  it("refuses text in the Amount column, a blank customer and an invoice without a due date", () => {
    expect(errorOf(() => paypredict([HEADER, ["A", "V1", "2024-01-01", "2024-01-31", "lots", "2024-02-01"]], "2024-11-20"))).toContain("row 2, Amount");
    expect(errorOf(() => paypredict([HEADER, [null, "V1", "2024-01-01", "2024-01-31", 5, "2024-02-01"]], "2024-11-20"))).toContain("row 2, Customer");
    expect(errorOf(() => paypredict([HEADER, ["A", "V1", "2024-01-01", null, 5, "2024-02-01"]], "2024-11-20"))).toContain("row 2, DueDate");
  });

  it("refuses dates before 1900-03-01, a blank or bad as-of date and an unknown option", () => {
    expect(errorOf(() => paypredict([HEADER, ["A", "V1", 12, "2024-01-31", 5, "2024-02-01"]], "2024-11-20"))).toContain("before 1900-03-01");
    expect(errorOf(() => paypredict(good, null))).toContain("asOf");
    expect(errorOf(() => paypredict(good, "soon"))).toContain("asOf");
    expect(errorOf(() => paypredict(good, "2024-11-20", [["Horizon", 3]]))).toContain("'Horizon' is not an option");
    expect(errorOf(() => paypredict(good, "2024-11-20", [["VeryLateDays", 0]]))).toContain("VeryLateDays");
  });

  it("refuses a Features name that is not a column", () => {
    expect(errorOf(() => paypredict(good, "2024-11-20", [["Features", "Region; Paperless"]]))).toContain("'Region' (option Features) is not a column");
  });

  it("refuses a range without a header row and an unknown currency", () => {
    expect(errorOf(() => paypredict([] as unknown as unknown[][], "2024-11-20"))).toContain("header row");
    expect(errorOf(() => paypredict([[...HEADER, "Currency"], ["A", "V1", "2024-01-01", "2024-01-31", 5, "2024-02-01", "XYZ"]], "2024-11-20"))).toContain("XYZ");
  });

  it("fuzz: arbitrary cells give a table or a named error, never a crash", () => {
    const cell = fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.double({ noNaN: false }), fc.integer({ min: -5, max: 60000 }), fc.boolean(), fc.constantFrom("2024-01-31", "2024-03-01"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 40 }), (rows) => {
        try {
          const t = paypredict([HEADER, ...rows], "2024-06-30");
          expect(t[0]).toEqual([...PAYPREDICT_HEADER]);
        } catch (e) {
          expect(e).toBeInstanceOf(FunctionError);
          expect((e as Error).message).not.toContain("internal error");
        }
      }),
      { numRuns: 200 },
    );
  });
});
