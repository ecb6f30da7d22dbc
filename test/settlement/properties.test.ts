import fc from "fast-check";
import type { JournalLine } from "../../src/domain/journal";
import { rateTable } from "../../src/domain/rates";
import { autoSettleLedger, postSettlement, proposeSettlement, type SettlementItem, unapplySettlement, DEFAULT_PRIORITY } from "../../src/domain/settlement";
import type { TransactionType } from "../../src/domain/types";

const BASE = 43831; // 2020-01-01
const TYPES: TransactionType[] = ["Invoice", "InterestNote", "Fee", "CollectionLetter"];

const itemArb = fc.record({
  amountMinor: fc.integer({ min: 1, max: 500000 }),
  due: fc.integer({ min: 0, max: 40 }),
  date: fc.integer({ min: 0, max: 40 }),
  disc: fc.option(fc.record({ pct: fc.constantFrom(1, 2, 2.5, 10), days: fc.integer({ min: 0, max: 30 }) }), { nil: undefined }),
  type: fc.constantFrom(...TYPES),
});
const itemsArb = fc.array(itemArb, { minLength: 1, maxLength: 12 }).map((xs) =>
  xs.map((x, i): SettlementItem => {
    const it: Record<string, unknown> = {
      customer: "C1", voucher: `V${String(i).padStart(2, "0")}`, type: x.type, amountMinor: x.amountMinor, currency: "EUR",
      dateSerial: BASE + x.date, dueSerial: BASE + x.due, status: "None", row: i + 2,
    };
    if (x.disc !== undefined) {
      it["cashDiscountPct"] = x.disc.pct;
      it["cashDiscountSerial"] = BASE + x.date + x.disc.days;
    }
    return it as unknown as SettlementItem;
  }),
);
const optionsArb = fc.record({
  partialDiscount: fc.boolean(),
  useCashDiscount: fc.constantFrom("Normal" as const, "Always" as const, "Never" as const),
  maxPennyDifferenceMinor: fc.constantFrom(0, 1, 5),
  maxOverUnderMinor: fc.constantFrom(0, 50, 200),
  discountAdministration: fc.constantFrom("Specific" as const, "Unspecific" as const),
});
const methodArb = fc.constantFrom({ kind: "duedate" as const }, { kind: "priority" as const, types: DEFAULT_PRIORITY });
const pay = (amountMinor: number, serial: number): SettlementItem => ({ customer: "C1", voucher: "P1", type: "Payment", amountMinor: -amountMinor, currency: "EUR", dateSerial: serial, status: "None", row: 1 });
const rates = rateTable([{ currency: "EUR", dateSerial: BASE - 10, rate: "1.0937", row: 2 }, { currency: "EUR", dateSerial: BASE + 20, rate: "1.1213", row: 3 }], "USD");

function must<T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe("settlement properties", () => {
  it("never settles beyond an item's open amount or across its sign; the payment is consumed by amounts to settle less discounts and differences", () => {
    fc.assert(fc.property(itemsArb, fc.integer({ min: 1, max: 3000000 }), fc.integer({ min: 0, max: 60 }), optionsArb, methodArb, (items, amount, day, options, method) => {
      const p = must(proposeSettlement({ credit: pay(amount, BASE + day), items, dateSerial: BASE + day, method, options }));
      let consumed = 0;
      for (const l of p.lines) {
        expect(l.amountToSettleMinor).toBeGreaterThanOrEqual(0);
        expect(l.amountToSettleMinor).toBeLessThanOrEqual(l.openMinor);
        expect(l.balanceMinor).toBeGreaterThanOrEqual(0);
        consumed += l.amountToSettleMinor - l.discountMinor - l.differenceMinor;
      }
      expect(consumed + p.creditDifferenceMinor + p.unappliedMinor).toBe(amount);
      expect(p.lines).toHaveLength(items.length);
    }));
  });

  it("posts journals that balance in the accounting currency, and unapply restores every open amount exactly", () => {
    fc.assert(fc.property(itemsArb, fc.integer({ min: 1, max: 3000000 }), fc.integer({ min: 0, max: 60 }), optionsArb, (items, amount, day, options) => {
      const credit = pay(amount, BASE + day);
      const p = must(proposeSettlement({ credit, items, dateSerial: BASE + day, method: { kind: "duedate" }, options }));
      if (p.lines.every((l) => l.amountToSettleMinor === 0)) return;
      const posted = must(postSettlement(p, { accountingCurrency: "USD", rates }));
      expect(posted.journal.lines.reduce((a, l) => a + l.accountingMinor, 0)).toBe(0);
      const open = new Map([...items, credit].map((i) => [i.voucher, i.amountMinor]));
      for (const c of posted.changes) open.set(c.voucher, (open.get(c.voucher) ?? 0) + c.deltaMinor);
      for (const c of posted.changes) expect(open.get(c.voucher)).toBe(c.openMinor);
      const u = must(unapplySettlement(posted.journal.lines, { journalId: posted.journal.journalId }, BASE + 70));
      expect(u.journal.lines.reduce((a, l) => a + l.accountingMinor, 0)).toBe(0);
      for (const c of u.changes) open.set(c.voucher, (open.get(c.voucher) ?? 0) + c.deltaMinor);
      for (const i of [...items, credit]) expect(open.get(i.voucher)).toBe(i.amountMinor);
    }));
  });

  it("does not depend on the order of the input rows", () => {
    fc.assert(fc.property(itemsArb, fc.integer({ min: 1, max: 3000000 }), optionsArb, methodArb, fc.nat(), (items, amount, options, method, seed) => {
      const shuffled = [...items].sort((a, b) => ((a.row * 7919 + seed) % 101) - ((b.row * 7919 + seed) % 101));
      const run = (xs: SettlementItem[]) => must(proposeSettlement({ credit: pay(amount, BASE + 10), items: xs, dateSerial: BASE + 10, method, options }))
        .lines.map((l) => [l.item.voucher, l.amountToSettleMinor, l.discountMinor, l.differenceMinor]);
      expect(run(shuffled)).toEqual(run(items));
    }));
  });

  it("the ledger batch settles a payment exactly as a proposal does", () => {
    fc.assert(fc.property(itemsArb, fc.integer({ min: 1, max: 3000000 }), fc.integer({ min: 0, max: 60 }), optionsArb, methodArb, (items, amount, day, options, method) => {
      const credit = pay(amount, BASE + day);
      const p = must(proposeSettlement({ credit, items, dateSerial: BASE + day, method, options }));
      const batch = must(autoSettleLedger([credit, ...items], { accountingCurrency: "EUR", options, method }));
      const expected = [p.unappliedMinor === 0 ? 0 : -p.unappliedMinor, ...items.map((i) => p.lines.find((l) => l.item.voucher === i.voucher)?.balanceMinor)];
      expect(batch.openMinor).toEqual(expected);
      const lines: JournalLine[] = batch.journals.flatMap((j) => j.lines);
      if (p.lines.some((l) => l.amountToSettleMinor > 0)) {
        expect(lines.map((l) => [l.voucher, l.amountMinor, l.accountRole])).toEqual(must(postSettlement(p, { accountingCurrency: "EUR" })).journal.lines.map((l) => [l.voucher, l.amountMinor, l.accountRole]));
      }
    }));
  });
});

describe("settlement properties across payments and currencies", () => {
  it("the batch settles several payments exactly as successive proposals on the updated balances do", () => {
    fc.assert(fc.property(itemsArb, fc.array(fc.record({ amount: fc.integer({ min: 1, max: 800000 }), day: fc.integer({ min: 0, max: 60 }) }), { minLength: 1, maxLength: 4 }), optionsArb, methodArb, (items, pays, options, method) => {
      const credits = pays.map((p, i): SettlementItem => ({ ...pay(p.amount, BASE + p.day), voucher: `P${i}` }));
      const batch = must(autoSettleLedger([...items, ...credits], { accountingCurrency: "EUR", options, method }));
      let current = items.map((i) => ({ ...i, originalAmountMinor: i.amountMinor, discountTakenMinor: 0 }));
      const order = [...credits].sort((a, b) => (a.dateSerial ?? 0) - (b.dateSerial ?? 0) || (a.voucher < b.voucher ? -1 : 1));
      const unapplied = new Map<string, number>();
      for (const c of order) {
        const open = current.filter((i) => i.amountMinor > 0);
        if (open.length === 0) { unapplied.set(c.voucher, -c.amountMinor); continue; }
        const p = must(proposeSettlement({ credit: c, items: open, dateSerial: c.dateSerial ?? 0, method, options }));
        unapplied.set(c.voucher, p.unappliedMinor);
        current = current.map((i) => {
          const l = p.lines.find((x) => x.item.voucher === i.voucher);
          return l === undefined ? i : { ...i, amountMinor: l.balanceMinor, discountTakenMinor: i.discountTakenMinor + l.discountMinor };
        });
      }
      expect(batch.openMinor).toEqual([...current.map((i) => i.amountMinor), ...credits.map((c) => 0 - (unapplied.get(c.voucher) ?? 0) || 0)]);
    }));
  });

  it("cross-currency marking always yields a balanced journal and never over-uses the payment", () => {
    const usdRates = rateTable([
      { currency: "EUR", dateSerial: BASE - 10, rate: "1.0937", row: 2 }, { currency: "EUR", dateSerial: BASE + 20, rate: "1.1213", row: 3 },
      { currency: "JPY", dateSerial: BASE - 10, rate: "0.0067", row: 4 },
    ], "USD");
    fc.assert(fc.property(itemsArb, fc.integer({ min: 1, max: 3000000 }), fc.constantFrom("USD", "JPY", "EUR"), fc.integer({ min: 0, max: 60 }), optionsArb, (items, amount, cur, day, options) => {
      const credit = { ...pay(amount, BASE + day), currency: cur };
      const marks = items.map((i) => ({ voucher: i.voucher }));
      const p = must(proposeSettlement({ credit, items, dateSerial: BASE + day, method: { kind: "manual", marks }, options, rates: usdRates }));
      expect(p.lines.reduce((a, l) => a + l.creditUsedMinor, 0) + p.unappliedMinor + p.creditDifferenceMinor).toBe(amount);
      if (p.lines.every((l) => l.amountToSettleMinor === 0)) return;
      const j = must(postSettlement(p, { accountingCurrency: "USD", rates: usdRates })).journal;
      expect(j.lines.reduce((a, l) => a + l.accountingMinor, 0)).toBe(0);
    }));
  });
});

describe("automatic settlement against a naive reference model (issue 15: a property that can fail)", () => {
  // docs/domain.md §4.2 read literally, without discounts or tolerances: sort the items by the
  // method's key, then give each min(its open amount, what is left of the payment); the rest stays
  // unapplied. Vouchers compare by code units; the priority list ranks unlisted types last.
  function reference(items: readonly SettlementItem[], amount: number, method: "duedate" | "priority"): { settled: Map<string, number>; unapplied: number } {
    const rank = (t: string): number => {
      const k = (DEFAULT_PRIORITY as readonly string[]).indexOf(t);
      return k < 0 ? DEFAULT_PRIORITY.length : k;
    };
    const key = (i: SettlementItem): number[] => (method === "duedate" ? [i.dueSerial ?? i.dateSerial ?? 0, i.dateSerial ?? 0] : [rank(i.type), i.dateSerial ?? 0]);
    const sorted = [...items].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let k = 0; k < ka.length; k++) if (ka[k] !== kb[k]) return (ka[k] ?? 0) - (kb[k] ?? 0);
      return a.voucher < b.voucher ? -1 : a.voucher > b.voucher ? 1 : 0;
    });
    let left = amount;
    const settled = new Map<string, number>();
    for (const i of sorted) {
      const take = Math.min(i.amountMinor, left);
      settled.set(i.voucher, take);
      left -= take;
    }
    return { settled, unapplied: left };
  }
  const plain = { useCashDiscount: "Never" as const, maxPennyDifferenceMinor: 0, maxOverUnderMinor: 0 };

  it.each(["duedate", "priority"] as const)("settles what the reference settles, item by item (%s order)", (kind) => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 3000000 }), fc.integer({ min: 0, max: 60 }), (items, amount, day) => {
        const p = must(proposeSettlement({ credit: pay(amount, BASE + day), items, dateSerial: BASE + day, method: kind === "duedate" ? { kind } : { kind, types: DEFAULT_PRIORITY }, options: plain }));
        const want = reference(items, amount, kind);
        expect(Object.fromEntries(p.lines.map((l) => [l.item.voucher, l.amountToSettleMinor]))).toEqual(Object.fromEntries(want.settled));
        expect(p.unappliedMinor).toBe(want.unapplied);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the reference on a worked example: 250.00 over due dates 5, 3 and 3 (vouchers B, A)", () => {
    const items = [
      { customer: "C1", voucher: "C", type: "Invoice", amountMinor: 10000, currency: "EUR", dateSerial: BASE, dueSerial: BASE + 5, status: "None", row: 2 },
      { customer: "C1", voucher: "B", type: "Invoice", amountMinor: 10000, currency: "EUR", dateSerial: BASE, dueSerial: BASE + 3, status: "None", row: 3 },
      { customer: "C1", voucher: "A", type: "Invoice", amountMinor: 10000, currency: "EUR", dateSerial: BASE, dueSerial: BASE + 3, status: "None", row: 4 },
    ] as SettlementItem[];
    // A and B share a due date and a date: A first by voucher; then B; C gets the last 50.00.
    const p = must(proposeSettlement({ credit: pay(25000, BASE + 10), items, dateSerial: BASE + 10, method: { kind: "duedate" }, options: plain }));
    expect(p.lines.map((l) => [l.item.voucher, l.amountToSettleMinor])).toEqual([["A", 10000], ["B", 10000], ["C", 5000]]);
    expect([...reference(items, 25000, "duedate").settled]).toEqual([["A", 10000], ["B", 10000], ["C", 5000]]);
  });
});
