import fc from "fast-check";
import { defaultDefinition, definitionFromBounds, type AgingDefinition } from "../../src/domain/aging/periods";
import { ageTransactions } from "../../src/domain/aging/snapshot";
import { serialFromYmd } from "../../src/domain/dates";
import type { Transaction } from "../../src/domain/types";

const AS_OF = serialFromYmd(2015, 10, 25);

function tx(customer: string, dueOffset: number, amountMinor: number, extra: Partial<Transaction> = {}): Transaction {
  return {
    customer,
    voucher: `${customer}-${dueOffset}-${amountMinor}`,
    type: amountMinor < 0 ? "Payment" : "Invoice",
    dueSerial: AS_OF - dueOffset,
    amountMinor,
    currency: "USD",
    status: "None",
    row: 2,
    ...extra,
  };
}

function periodsOf(items: Transaction[], def: AgingDefinition = defaultDefinition()) {
  return ageTransactions(items, { asOfSerial: AS_OF, definition: def });
}

describe("aging edges (docs/domain.md §9.1, §3.2)", () => {
  it.each([
    [-5, "Not due"],
    [0, "Not due"],
    [1, "1-30"],
    [30, "1-30"],
    [31, "31-60"],
    [60, "31-60"],
    [61, "61-90"],
    [120, "91-120"],
    [121, "Over 120"],
    [5000, "Over 120"],
  ])("an item %i days past due falls in %s", (age, label) => {
    const snap = periodsOf([tx("C1", age, 10000)]);
    const row = snap.rows[0];
    expect(row).toBeDefined();
    const index = snap.labels.indexOf(label);
    expect(row?.periodsMinor[index]).toBe(10000);
    expect(row?.balanceMinor).toBe(10000);
  });

  it("labels the default definition Not due, 1-30, 31-60, 61-90, 91-120, Over 120", () => {
    expect(periodsOf([tx("C1", 1, 1)]).labels).toEqual(["Not due", "1-30", "31-60", "61-90", "91-120", "Over 120"]);
  });

  it("starts at age 0 with the transaction-date basis, without a Not due period", () => {
    const item = { ...tx("C1", 0, 500), dateSerial: AS_OF };
    const snap = ageTransactions([item, { ...tx("C1", 0, 700), dateSerial: AS_OF - 31 }], {
      asOfSerial: AS_OF,
      definition: defaultDefinition("transaction"),
      basis: "transaction",
    });
    expect(snap.labels).toEqual(["0-30", "31-60", "61-90", "91-120", "Over 120"]);
    expect(snap.rows[0]?.periodsMinor).toEqual([500, 700, 0, 0, 0]);
  });

  it("leaves out items dated after the as-of date", () => {
    const later = { ...tx("C1", -10, 999), dateSerial: AS_OF + 1 };
    const onTheDay = { ...tx("C1", -10, 100), dateSerial: AS_OF };
    expect(periodsOf([later, onTheDay]).rows[0]?.balanceMinor).toBe(100);
  });

  it("ages an unapplied payment as a negative amount in its own period", () => {
    const snap = periodsOf([tx("C1", 45, 10000), tx("C1", 10, -2500)]);
    expect(snap.rows[0]?.periodsMinor).toEqual([0, -2500, 10000, 0, 0, 0]);
    expect(snap.rows[0]?.balanceMinor).toBe(7500);
    expect(snap.rows[0]?.pastDueMinor).toBe(10000);
  });

  it("steps Month periods by calendar months from the as-of date", () => {
    const def: AgingDefinition = {
      name: "Months",
      periods: [
        { label: "1 month", length: 1, unit: "Month" },
        { label: "2 months", length: 1, unit: "Month" },
        { label: "Older", length: 0, unit: "Unlimited" },
      ],
    };
    // 2015-09-25 is exactly one month before 2015-10-25: still the first month.
    const snap = periodsOf([tx("C1", AS_OF - serialFromYmd(2015, 9, 25), 1), tx("C1", AS_OF - serialFromYmd(2015, 9, 24), 10)], def);
    expect(snap.rows[0]?.periodsMinor).toEqual([0, 1, 10, 0]);
  });
});

describe("the snapshot", () => {
  it("keeps one row per customer and currency, sorted, with totals per currency", () => {
    const items = [tx("B", 5, 100), tx("A", 5, 200), { ...tx("A", 5, 300), currency: "EUR" }, tx("10", 5, 1), tx("9", 5, 2)];
    const snap = periodsOf(items);
    expect(snap.rows.map((r) => `${r.customer}/${r.currency}`)).toEqual(["9/USD", "10/USD", "A/EUR", "A/USD", "B/USD"]);
    expect(snap.totals.map((t) => [t.currency, t.balanceMinor])).toEqual([
      ["EUR", 300],
      ["USD", 303],
    ]);
  });

  it("counts disputed items and amounts in the header", () => {
    const snap = periodsOf([tx("C", 5, 100, { status: "Disputed" }), tx("C", 5, 50, { status: "Disputed" }), tx("C", 5, 25)]);
    expect(snap.rows[0]).toMatchObject({ disputedCount: 2, disputedMinor: 150, balanceMinor: 175 });
  });

  it("drops zero-balance customers unless asked, and then adds known customers without items", () => {
    const items = [tx("Z", 5, 100), tx("Z", 50, -100)];
    expect(periodsOf(items).rows).toHaveLength(0);
    const snap = ageTransactions(items, {
      asOfSerial: AS_OF,
      definition: defaultDefinition(),
      includeZeroBalance: true,
      customers: [{ customer: "Y", currency: "USD", creditLimitMinor: 500000 }],
    });
    expect(snap.rows.map((r) => [r.customer, r.balanceMinor, r.creditLimitMinor])).toEqual([
      ["Y", 0, 500000],
      ["Z", 0, undefined],
    ]);
  });

  it("restricts to a pool's customers", () => {
    const snap = ageTransactions([tx("A", 5, 100), tx("B", 5, 100)], {
      asOfSerial: AS_OF,
      definition: defaultDefinition(),
      customers: [
        { customer: "A", agent: "Ann" },
        { customer: "B", agent: "Bob" },
      ],
      pool: { name: "Ann's", agents: ["Ann"] },
    });
    expect(snap.rows.map((r) => r.customer)).toEqual(["A"]);
  });

  it("marks promises to pay whose date has passed as broken", () => {
    const snap = ageTransactions(
      [tx("A", 5, 100, { status: "PromiseToPay", promiseSerial: AS_OF - 1 }), tx("A", 5, 100, { status: "PromiseToPay", promiseSerial: AS_OF })],
      { asOfSerial: AS_OF, definition: defaultDefinition(), updateCollectionStatus: true },
    );
    expect(snap.statusUpdates).toEqual([{ customer: "A", voucher: "A-5-100", row: 2, from: "PromiseToPay", to: "PromiseToPayBroken" }]);
  });
});

describe("conservation", () => {
  const item = fc.record({
    customer: fc.constantFrom("A", "B", "C"),
    currency: fc.constantFrom("USD", "EUR"),
    age: fc.integer({ min: -60, max: 400 }),
    amountMinor: fc.integer({ min: -1e9, max: 1e9 }),
  });

  // Not "balance = the sum of its periods": balanceMinor is computed as that sum, so that check could
  // not fail. Each row's balance is checked against its items, summed here independently.
  it("makes every balance the exact sum of its customer's items in its currency, and shuffling rows changes nothing", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }), (raw, steps) => {
        const bounds = steps.reduce<number[]>((acc, s) => [...acc, (acc[acc.length - 1] ?? 0) + s], []);
        const def = definitionFromBounds(bounds, "due");
        const items = raw.map((r, i) => ({ ...tx(r.customer, r.age, r.amountMinor), currency: r.currency, voucher: String(i) }));
        const snap = ageTransactions(items, { asOfSerial: AS_OF, definition: def, includeZeroBalance: true });
        const shuffled = ageTransactions([...items].reverse(), { asOfSerial: AS_OF, definition: def, includeZeroBalance: true });
        for (const r of snap.rows) {
          const own = items.filter((t) => t.customer === r.customer && t.currency === r.currency).reduce((a, t) => a + t.amountMinor, 0);
          expect(r.balanceMinor).toBe(own);
        }
        const total = items.reduce((a, t) => a + t.amountMinor, 0);
        expect(snap.totals.reduce((a, t) => a + t.balanceMinor, 0)).toBe(total);
        expect(shuffled).toEqual(snap);
      }),
    );
  });
});

describe("against a naive reference model (issue 15: a property that can fail)", () => {
  // The reference reads docs/domain.md §3.2 literally, item by item, in plain day arithmetic:
  // due basis: age = as-of - due date; age <= 0 is Not due; else the first period whose cumulative
  // upper bound is >= age, else the open-ended last period. Transaction basis: age = as-of - date,
  // the first period runs from age 0. Items dated after the as-of date are left out. Past due is the
  // positive amounts due before the as-of date; disputed counts Status = Disputed.
  function reference(items: readonly Transaction[], bounds: readonly number[], basis: "due" | "transaction") {
    const rows = new Map<string, { customer: string; currency: string; periods: number[]; pastDue: number; disputedCount: number; disputed: number }>();
    const n = bounds.length + (basis === "due" ? 2 : 1);
    for (const t of items) {
      if (t.dateSerial !== undefined && t.dateSerial > AS_OF) continue;
      const basisSerial = basis === "due" ? (t.dueSerial as number) : (t.dateSerial as number);
      const age = AS_OF - basisSerial;
      let period: number;
      if (basis === "due" && age <= 0) period = 0;
      else {
        const k = bounds.findIndex((b) => age <= b);
        period = (k < 0 ? bounds.length : k) + (basis === "due" ? 1 : 0);
      }
      const key = `${t.customer}|${t.currency}`;
      const r = rows.get(key) ?? { customer: t.customer, currency: t.currency, periods: new Array<number>(n).fill(0), pastDue: 0, disputedCount: 0, disputed: 0 };
      rows.set(key, r);
      r.periods[period] = (r.periods[period] ?? 0) + t.amountMinor;
      if (t.amountMinor > 0 && t.dueSerial !== undefined && t.dueSerial < AS_OF) r.pastDue += t.amountMinor;
      if (t.status === "Disputed") {
        r.disputedCount++;
        r.disputed += t.amountMinor;
      }
    }
    return [...rows.values()]
      .filter((r) => r.periods.reduce((a, b) => a + b, 0) !== 0)
      .map((r) => ({ customer: r.customer, currency: r.currency, periodsMinor: r.periods, pastDueMinor: r.pastDue, disputedCount: r.disputedCount, disputedMinor: r.disputed }))
      .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
      .sort((a, b) => a.customer.localeCompare(b.customer));
  }

  const item = fc.record({
    customer: fc.constantFrom("A", "B", "C"),
    currency: fc.constantFrom("USD", "EUR"),
    dueAge: fc.integer({ min: -60, max: 400 }),
    dateBeforeDue: fc.integer({ min: -20, max: 60 }),
    amountMinor: fc.integer({ min: -1e9, max: 1e9 }),
    disputed: fc.boolean(),
  });

  it.each(["due", "transaction"] as const)("puts every item in the period the reference model does (%s basis)", (basis) => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 6 }), (raw, steps) => {
        const bounds = steps.reduce<number[]>((acc, s) => [...acc, (acc[acc.length - 1] ?? 0) + s], []);
        const items = raw.map((r, i) => {
          const dueSerial = AS_OF - r.dueAge;
          return { ...tx(r.customer, r.dueAge, r.amountMinor), currency: r.currency, voucher: String(i), dateSerial: dueSerial - r.dateBeforeDue, status: r.disputed ? ("Disputed" as const) : ("None" as const) };
        });
        const snap = ageTransactions(items, { asOfSerial: AS_OF, definition: definitionFromBounds(bounds, basis), basis });
        const got = snap.rows.map((r) => ({ customer: r.customer, currency: r.currency, periodsMinor: r.periodsMinor, pastDueMinor: r.pastDueMinor, disputedCount: r.disputedCount, disputedMinor: r.disputedMinor }));
        expect(got).toEqual(reference(items, bounds, basis));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the reference on a hand-worked example: ages 0, 1, 30, 31 and 121 days", () => {
    const items = [0, 1, 30, 31, 121].map((age, i) => ({ ...tx("A", age, 100 * (i + 1)), voucher: String(i) }));
    // 0 days: Not due (100); 1 and 30 days: 1-30 (200 + 300); 31 days: 31-60 (400); 121 days: Over 120 (500).
    expect(periodsOf(items).rows[0]?.periodsMinor).toEqual([100, 500, 400, 0, 0, 500]);
    expect(reference(items, [30, 60, 90, 120], "due")[0]?.periodsMinor).toEqual([100, 500, 400, 0, 0, 500]);
  });
});
