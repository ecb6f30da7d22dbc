import fc from "fast-check";
import { interestCharges, interestNotes, type InterestCode } from "../../src/domain/collections";
import { Prng } from "../../src/cli/_lib/prng";
import { interestChargesTable, interestTable } from "../../src/workbook/collections-interest";
import { readLedger } from "../../src/workbook/ledger";
import { readTransactions } from "../../src/workbook/transactions";
import { InterestCalculator, tieredInterest } from "../../src/domain/collections/_lib/interest-rate";
import { assertBalanced } from "../../src/domain/journal";
import { HALF_AWAY_FROM_ZERO, roundMinor } from "../../src/domain/money";
import { d, tx, W1 } from "./_fixtures";

const perMonth = (...tiers: [number, number][]): InterestCode => ({ kind: "tiered", tiers: tiers.map(([fromMonth, percentPerMonth]) => ({ fromMonth, percentPerMonth })) });

describe("interest notes", () => {
  const due = d("2020-01-01");
  const inv = tx({ customer: "C", voucher: "I1", dueSerial: due, dateSerial: due - 30, amountMinor: 100000 });

  it("W9: 1,000.00 overdue 45 days at 1.5% per month is 22.50", () => {
    const r = interestNotes([inv], due + 45, perMonth([0, 1.5]));
    expect(r.ok && r.value.map((n) => [n.totalMinor, n.lines[0]?.days, n.lines[0]?.ratePct])).toEqual([[2250, 45, 1.5]]);
  });

  it("W9: with 2.0% from month 1 each day is charged by its own tier, 15.00 + 10.00 = 25.00", () => {
    const r = interestNotes([inv], due + 45, perMonth([0, 1.5], [1, 2]));
    expect(r.ok && r.value[0]?.totalMinor).toBe(2500);
    expect(r.ok && r.value[0]?.lines[0]?.ratePct).toBe(2);
  });

  it("day 30 is still month 0 and day 31 is month 1 (the tiers of docs/domain.md §6.5 and W9: 1.5, 2.0 from 4, 2.5 from 7)", () => {
    const code = perMonth([0, 1.5], [4, 2], [7, 2.5]);
    const at = (days: number): number | false => { const r = interestNotes([inv], due + days, code); return r.ok && (r.value[0]?.totalMinor ?? 0); };
    expect(at(30)).toBe(1500);
    expect(at(120)).toBe(6000); // 4 months at 1.5
    expect(at(121)).toBe(6000 + 67); // day 121 at 2.0/30 of 1,000.00 = 0.6667 -> 0.67
    expect(at(240)).toBe(6000 + 6000 + 2500); // + 3 months at 2.0 + 1 month at 2.5
  });

  it.each([
    [30, 1.5],
    [31, 2],
    [60, 2],
    [61, 2.5],
  ])("a line %i days overdue states the rate of the tier its last day falls in (%d %%)", (days, pct) => {
    const r = interestNotes([inv], due + days, perMonth([0, 1.5], [1, 2], [2, 2.5]));
    expect(r.ok && r.value[0]?.lines[0]?.ratePct).toBe(pct);
  });

  it("W1: a flat 2% of the amounts at least 30 days old by transaction date on 2015-10-15 is 7.00", () => {
    const r = interestNotes(W1, d("2015-10-15"), { kind: "flat", percent: 2, minDays: 30, basis: "transaction" });
    expect(r.ok && r.value.map((n) => [n.customer, n.totalMinor, n.lines.map((l) => [l.voucher, l.interestMinor])])).toEqual([["2050", 700, [["INV1", 200], ["INV2", 500]]]]);
  });

  it("charges interest on interest notes only when asked", () => {
    const note = tx({ customer: "C", voucher: "N1", type: "InterestNote", dueSerial: due, amountMinor: 1000 });
    expect(interestNotes([note], due + 30, perMonth([0, 3])).ok && interestNotes([note], due + 30, perMonth([0, 3]))).toEqual({ ok: true, value: [] });
    const r = interestNotes([note], due + 30, perMonth([0, 3]), { interestOnInterest: true });
    expect(r.ok && r.value[0]?.totalMinor).toBe(30);
  });

  it("skips credit items, items not yet due, disputed items and promises", () => {
    const items = [
      tx({ customer: "C", voucher: "P", dueSerial: due, amountMinor: -5000 }),
      tx({ customer: "C", voucher: "F", dueSerial: due + 10, amountMinor: 5000 }),
      tx({ customer: "C", voucher: "D", dueSerial: due, amountMinor: 5000, status: "Disputed" }),
      tx({ customer: "C", voucher: "PTP", dueSerial: due, amountMinor: 5000, status: "PromiseToPay", promiseSerial: due + 20 }),
    ];
    expect(interestNotes(items, due + 5, perMonth([0, 3]))).toEqual({ ok: true, value: [] });
  });

  it("makes one note per customer and currency, each a balanced journal of pairs", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ c: fc.constantFrom("A", "B"), cur: fc.constantFrom("USD", "EUR"), amt: fc.integer({ min: 1, max: 10_000_000 }), late: fc.integer({ min: 0, max: 400 }) }), { maxLength: 30 }), (rows) => {
        const items = rows.map((r, i) => tx({ customer: r.c, voucher: `V${i}`, currency: r.cur, dueSerial: due - r.late, amountMinor: r.amt }));
        const res = interestNotes(items, due, perMonth([0, 1.5], [2, 2.25]));
        if (!res.ok) return false;
        for (const n of res.value) {
          assertBalanced({ journalId: n.journalId, kind: "Interest", lines: n.journal });
          const charged = n.journal.filter((l) => l.accountType === "Customer").reduce((a, l) => a + l.amountMinor, 0);
          if (charged !== n.totalMinor || n.lines.some((l) => l.days <= 0)) return false;
        }
        return new Set(res.value.map((n) => `${n.customer}/${n.currency}`)).size === res.value.length;
      }),
    );
  });

  describe("invalid input", () => {
    it("refuses codes without rates, duplicate or negative tiers, and negative flat percents", () => {
      expect(interestNotes([inv], due + 1, perMonth())).toMatchObject({ ok: false, errors: [{ code: "interest_code_must_have_a_rate" }] });
      const r = interestNotes([inv], due + 1, perMonth([0, 1], [0, -2]));
      expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["from_month_must_be_unique", "percent_must_not_be_negative"]);
      expect(interestNotes([inv], due + 1, { kind: "flat", percent: -1, minDays: 1.5, basis: "due" })).toMatchObject({ ok: false, errors: [{ code: "percent_must_not_be_negative" }, { code: "min_days_must_be_a_whole_number" }] });
    });

    it("names the row of an item without the date the code counts from", () => {
      const r = interestNotes([tx({ customer: "C", voucher: "X", amountMinor: 100, row: 9 })], due, perMonth([0, 1]));
      expect(r).toMatchObject({ ok: false, errors: [{ code: "due_date_must_not_be_blank", row: 9, column: "DueDate", table: "transactions" }] });
    });

    it("refuses a note that was already posted", () => {
      const first = interestNotes([inv], due + 45, perMonth([0, 1.5]));
      const id = first.ok ? (first.value[0]?.journalId ?? "") : "";
      expect(interestNotes([inv], due + 45, perMonth([0, 1.5]), { postedJournalIds: new Set([id]) })).toMatchObject({ ok: false, errors: [{ code: "journal_must_not_be_posted_twice" }] });
    });
  });
});

describe("interest on a columnar ledger (CC.INTEREST on a full sheet)", () => {
  const header = ["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Status"];
  const asOf = 45300;
  /** A ledger range: customers in several currencies, invoices, payments, fees, interest notes, disputes; `blankDue` rows without a due date. */
  function ledgerOf(seed: number, rows: number, blankDue = 0): unknown[][] {
    const rng = new Prng(seed);
    const out: unknown[][] = [header];
    for (let i = 0; i < rows; i++) {
      const type = ["Invoice", "Invoice", "Invoice", "Payment", "Fee", "InterestNote", "CreditNote"][rng.int(0, 6)] as string;
      const amount = (type === "Payment" || type === "CreditNote" ? -1 : 1) * rng.int(1, 500000) / 100;
      const date = asOf - rng.int(-10, 400);
      out.push([`C${rng.int(1, 12)}`, `V${i}`, type, date, rng.next() < blankDue ? null : date + 30, amount, ["USD", "EUR", "JPY"][rng.int(0, 2)] === "JPY" ? "JPY" : rng.next() < 0.5 ? "USD" : "EUR", rng.next() < 0.1 ? "Disputed" : rng.next() < 0.1 ? "PTP" : ""]);
      if (out[out.length - 1]?.[6] === "JPY") (out[out.length - 1] as unknown[])[5] = Math.round(amount);
    }
    return out;
  }
  const codes: InterestCode[] = [perMonth([0, 1.5], [2, 2]), perMonth([1, 0.75]), { kind: "flat", percent: 2, minDays: 30, basis: "transaction" }, { kind: "flat", percent: 1.25, minDays: 0, basis: "due" }];

  it("charges the notes' lines and totals of the records, and tables them cell for cell", () => {
    for (let seed = 1; seed <= 4; seed++) {
      const range = ledgerOf(seed, 400);
      const columns = readLedger(range);
      const records = readTransactions(range);
      if (!columns.ok || !records.ok) throw new Error("the generated ledger reads");
      for (const code of codes) {
        for (const interestOnInterest of [false, true]) {
          const fromRecords = interestNotes(records.value, asOf, code, { interestOnInterest });
          expect(interestNotes(columns.value, asOf, code, { interestOnInterest })).toStrictEqual(fromRecords);
          const charges = interestCharges(columns.value, asOf, code, { interestOnInterest });
          if (!charges.ok || !fromRecords.ok) throw new Error("the generated ledger is charged");
          expect(charges.value.notes.map((n) => [n.customer, n.currency, n.totalMinor, n.end - n.start])).toEqual(fromRecords.value.map((n) => [n.customer, n.currency, n.totalMinor, n.lines.length]));
          expect(interestChargesTable(columns.value, charges.value)).toStrictEqual(interestTable(fromRecords.value));
        }
      }
    }
  });

  it("tables an empty charge as the records do", () => {
    const columns = readLedger([header, ["C1", "P1", "Payment", asOf, asOf, -10, "USD", ""]]);
    if (!columns.ok) throw new Error("reads");
    const charges = interestCharges(columns.value, asOf, perMonth([0, 1.5]));
    expect(charges.ok && interestChargesTable(columns.value, charges.value)).toEqual([["Voucher", "Days", "Rate", "Interest"], ["Total", "", "", 0]]);
  });

  describe("invalid input", () => {
    it("names every row without its due date, in row order, as the records do", () => {
      const range = ledgerOf(3, 300, 0.05);
      const columns = readLedger(range);
      const records = readTransactions(range);
      if (!columns.ok || !records.ok) throw new Error("reads");
      const expected = interestNotes(records.value, asOf, perMonth([0, 1.5]));
      expect(expected.ok).toBe(false);
      expect(interestCharges(columns.value, asOf, perMonth([0, 1.5]))).toStrictEqual(expected);
      expect(interestNotes(columns.value, asOf, perMonth([0, 1.5]))).toStrictEqual(expected);
      expect(interestCharges(columns.value, asOf, perMonth())).toStrictEqual(interestNotes(records.value, asOf, perMonth()));
    });

    it("refuses a note whose total passes 2^53 minor units, naming its last row, as the records do", () => {
      // Each line's interest fits (6e15 minor units: 4e15 x 15 % x 300 days / 30), their sum does not.
      const range = [header, ["C2", "I0", "Invoice", asOf - 40, asOf - 10, 5, "USD", ""], ["C1", "I1", "Invoice", asOf - 330, asOf - 300, 4e13, "USD", ""], ["C1", "I2", "Invoice", asOf - 330, asOf - 300, 4e13, "USD", ""]];
      const columns = readLedger(range);
      const records = readTransactions(range);
      if (!columns.ok || !records.ok) throw new Error("reads");
      const code = perMonth([0, 15]);
      const expected = interestNotes(records.value, asOf, code);
      expect(expected).toMatchObject({ ok: false, errors: [{ code: "interest_must_fit_in_2_53_minor_units", row: 4, params: { case: "customer", customer: "C1" } }] });
      expect(interestCharges(columns.value, asOf, code)).toStrictEqual(expected);
      expect(interestNotes(columns.value, asOf, code)).toStrictEqual(expected);
    });
  });
});

describe("the integer interest calculator", () => {
  it("property: equals the decimal computation rounded half away from zero", () => {
    const tier = fc.record({ fromMonth: fc.integer({ min: 0, max: 12 }), percentPerMonth: fc.integer({ min: 0, max: 50000 }).map((n) => n / 1000) });
    fc.assert(
      fc.property(fc.uniqueArray(tier, { minLength: 1, maxLength: 4, selector: (t) => t.fromMonth }), fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 900 }), (tiers, amount, days) => {
        const sorted = [...tiers].sort((a, b) => a.fromMonth - b.fromMonth);
        return new InterestCalculator(sorted).interestMinor(amount, days) === roundMinor(tieredInterest(amount, days, sorted), HALF_AWAY_FROM_ZERO);
      }),
    );
  });

  it("property: a day count met before (the cached, plain-number path) gives the same interest", () => {
    const tier = fc.record({ fromMonth: fc.integer({ min: 0, max: 12 }), percentPerMonth: fc.integer({ min: 0, max: 50000 }).map((n) => n / 1000) });
    fc.assert(
      fc.property(fc.uniqueArray(tier, { minLength: 1, maxLength: 4, selector: (t) => t.fromMonth }), fc.array(fc.integer({ min: -1e15, max: 1e15 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 900 }), (tiers, amounts, days) => {
        const sorted = [...tiers].sort((a, b) => a.fromMonth - b.fromMonth);
        const calculator = new InterestCalculator(sorted);
        calculator.interestMinor(1, days);
        return amounts.every((amount) => {
          const got = calculator.interestMinor(amount, days);
          // A fresh calculator takes the BigInt path; past 2^53 both say undefined (roundMinor throws).
          if (got !== new InterestCalculator(sorted).interestMinor(amount, days)) return false;
          return got === undefined || got === roundMinor(tieredInterest(amount, days, sorted), HALF_AWAY_FROM_ZERO);
        });
      }),
    );
  });
});
