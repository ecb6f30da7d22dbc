import { isoFromSerial, serialFromYmd } from "../../src/domain/dates";
import { backtestPaymentModel, monthEndsBetween } from "../../src/domain/prediction/backtest";
import { ScoreBoard } from "../../src/domain/prediction/metrics";
import { paybacktest } from "../../src/functions/predict";
import { FunctionError } from "../../src/functions/_lib/adapter";
import { readPredictionLedger } from "../../src/workbook/prediction-input";
import { twoCustomerLedger } from "./fixtures";

describe("scores", () => {
  it("computes Accuracy at 0.5, binary macro F1, Brier on P(late) and MAE of the days, by hand", () => {
    const board = new ScoreBoard();
    board.add(0.9, 10, 12); // says late, was late (TP), |10 - 12| = 2
    board.add(0.2, 0, 0); // says on time, was on time (TN)
    board.add(0.6, 3, 0); // says late, was on time (FP), 3
    board.add(0.5, 0, 4); // 0.5 is not over 0.5: says on time, was late (FN), 4
    const s = board.scores();
    expect(s.predictions).toBe(4);
    expect(s.accuracy).toBe(0.5);
    // F1 late = 2*1/(2*1+1+1) = 0.5; F1 on time = 2*1/(2*1+1+1) = 0.5.
    expect(s.f1Macro).toBeCloseTo(0.5, 12);
    expect(s.brier).toBeCloseTo((0.01 + 0.04 + 0.36 + 0.25) / 4, 12);
    expect(s.maeDays).toBeCloseTo((2 + 0 + 3 + 4) / 4, 12);
  });

  it("gives an always-on-time forecaster half the on-time F1 as its macro F1", () => {
    const board = new ScoreBoard();
    for (const late of [true, false, false, false]) board.add(0, 0, late ? 5 : 0);
    // On time: TP 3, FN 0, FP 1 -> F1 = 6/7; late: 0.
    expect(board.scores().f1Macro).toBeCloseTo(3 / 7, 12);
  });
});

describe("the month-end protocol", () => {
  it("walks the month ends between from and to, both included", () => {
    expect(monthEndsBetween(serialFromYmd(2013, 1, 31), serialFromYmd(2013, 3, 30)).map(isoFromSerial)).toEqual(["2013-01-31", "2013-02-28"]);
    expect(monthEndsBetween(serialFromYmd(2013, 1, 5), serialFromYmd(2013, 1, 30))).toEqual([]);
  });

  it("scores only invoices open and not yet due at each month end, and skips month ends with too little history", () => {
    const ledger = readPredictionLedger(twoCustomerLedger(serialFromYmd(2025, 1, 1)));
    if (!ledger.ok) throw new Error();
    const r = backtestPaymentModel(ledger.value, serialFromYmd(2024, 1, 1), serialFromYmd(2024, 12, 31));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // By 2024-08-31 Prompt has settled 15 invoices (dated up to 08-01) and Slow 14 (up to 07-15):
    // 29, one short of 30, so the month ends up to August are skipped.
    expect(r.value.skippedMonthEnds.map(isoFromSerial)).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30", "2024-07-31", "2024-08-31"]);
    // Scored: every (month end, invoice) with the invoice open and not yet due then.
    let expected = 0;
    for (const m of r.value.monthEnds) {
      if (r.value.skippedMonthEnds.includes(m)) continue;
      expected += ledger.value.filter((i) => i.dateSerial <= m && (i.closedSerial ?? Infinity) > m && i.dueSerial > m).length;
    }
    expect(expected).toBeGreaterThan(0);
    expect(r.value.model.predictions).toBe(expected);
    expect(r.value.customerHistory.predictions).toBe(expected);
    expect(r.value.model.accuracy).toBe(1);
    expect(r.value.alwaysOnTime.accuracy).toBeLessThan(1);
  });

  it("refuses a reversed period and a period without a month end", () => {
    const call = (from: string, to: string): string => {
      try {
        paybacktest(twoCustomerLedger(), from, to);
      } catch (e) {
        expect(e).toBeInstanceOf(FunctionError);
        return (e as Error).message;
      }
      return "";
    };
    expect(call("2024-12-31", "2024-01-01")).toContain("after its last date");
    expect(call("2024-12-01", "2024-12-20")).toContain("no month end between from and to");
    expect(call("2024-01-01", "2024-03-31")).toContain("30 settled invoices");
  });
});
