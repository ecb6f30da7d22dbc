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

  it("makes every balance the exact sum of its periods, and shuffling rows changes nothing", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }), (raw, steps) => {
        const bounds = steps.reduce<number[]>((acc, s) => [...acc, (acc[acc.length - 1] ?? 0) + s], []);
        const def = definitionFromBounds(bounds, "due");
        const items = raw.map((r, i) => ({ ...tx(r.customer, r.age, r.amountMinor), currency: r.currency, voucher: String(i) }));
        const snap = ageTransactions(items, { asOfSerial: AS_OF, definition: def, includeZeroBalance: true });
        const shuffled = ageTransactions([...items].reverse(), { asOfSerial: AS_OF, definition: def, includeZeroBalance: true });
        for (const r of snap.rows) expect(r.periodsMinor.reduce((a, b) => a + b, 0)).toBe(r.balanceMinor);
        const total = items.reduce((a, t) => a + t.amountMinor, 0);
        expect(snap.totals.reduce((a, t) => a + t.balanceMinor, 0)).toBe(total);
        expect(shuffled).toEqual(snap);
      }),
    );
  });
});
