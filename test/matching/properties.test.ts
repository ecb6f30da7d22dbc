/**
 * Property tests of the matcher (fast-check):
 * 1. Never over-settles: over any ledger and statement, no item is settled beyond its open amount
 *    (summed over all lines), every settled amount is positive, and no line uses more cash than it
 *    has (cash used on items + on account <= the line's amount).
 * 2. Order independence: when every line identifies a different customer (by the customer's bank
 *    account or by a reference of one of that customer's items), the lines do not compete for any
 *    item, and each line's result (customer, confidence, rule, settlements, on account) is the same
 *    whatever the order of the lines in the statement.
 */
import fc from "fast-check";
import { matchStatement, ocrFor, type LineResult, type MatchCustomer, type MatchItem, type StatementLine } from "../../src/domain/matching";
import { inv, line } from "./_fixtures";

const CURRENCIES = ["SEK", "NOK"] as const;

const ledgerArb = fc.array(
  fc.record({
    customer: fc.integer({ min: 0, max: 5 }),
    amount: fc.integer({ min: 1, max: 200000 }),
    currency: fc.constantFrom(...CURRENCIES),
    withRef: fc.boolean(),
    discount: fc.constantFrom(0, 1, 2),
    dueDay: fc.integer({ min: 1, max: 28 }),
  }),
  { minLength: 1, maxLength: 30 },
).map((rows) =>
  rows.map((r, i): MatchItem =>
    inv(`K${r.customer}`, `V${i + 1}`, r.amount, r.currency, {
      invoice: String(10000 + i),
      ...(r.withRef ? { paymentReference: ocrFor(String(5000 + i)) } : {}),
      due: `2025-11-${String(r.dueDay).padStart(2, "0")}`,
      ...(r.discount > 0 ? { cashDiscountPct: r.discount, discDate: "2025-12-05" } : {}),
    }),
  ),
);

const customers: MatchCustomer[] = Array.from({ length: 6 }, (_, k) => ({ customer: `K${k}`, name: `Company ${"ABCDEF"[k] ?? ""} Holding`, bankAccounts: [`SE00${k}11112222`] }));

function statementArb(items: readonly MatchItem[]): fc.Arbitrary<StatementLine[]> {
  const item = fc.constantFrom(...items);
  const lineArb = fc.record({
    of: item,
    how: fc.constantFrom("reference", "invoice", "account", "name", "amount", "nothing"),
    amountDelta: fc.integer({ min: -3000, max: 3000 }),
    exact: fc.boolean(),
    day: fc.integer({ min: 1, max: 10 }),
  });
  return fc.array(lineArb, { minLength: 1, maxLength: 25 }).map((ls) =>
    ls.map((l, i) => {
      const amount = Math.max(1, l.exact ? l.of.amountMinor : l.of.amountMinor + l.amountDelta);
      const k = l.of.customer.slice(1);
      const extra: Partial<StatementLine> = l.how === "reference" ? { reference: l.of.paymentReference ?? "" }
        : l.how === "invoice" ? { text: `Faktura ${l.of.invoice ?? ""}` }
        : l.how === "account" ? { account: `SE00${k}11112222` }
        : l.how === "name" ? { counterparty: `Company ${"ABCDEF"[Number(k)] ?? ""} Holding` }
        : {};
      return line(`L${i + 1}`, amount, l.of.currency, { date: `2025-12-${String(l.day).padStart(2, "0")}`, ...extra });
    }),
  );
}

const settingsArb = fc.record({ maxOverUnder: fc.constantFrom(0, 0.5, 10), maxPennyDifference: fc.constantFrom(0, 0.05), partialDiscount: fc.boolean() });

function run(lines: readonly StatementLine[], items: readonly MatchItem[], settlement: object): LineResult[] {
  const r = matchStatement(lines, items, customers, { settlement });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe("the matcher never over-settles", () => {
  it("no item beyond its open amount, no line beyond its amount, every settlement positive", () => {
    fc.assert(
      fc.property(ledgerArb.chain((items) => fc.tuple(fc.constant(items), statementArb(items), settingsArb)), ([items, lines, settings]) => {
        const results = run(lines, items, settings);
        expect(results.map((m) => m.line.lineId)).toEqual(lines.map((l) => l.lineId));
        const settled = new Map<string, number>();
        for (const m of results) {
          let cash = 0;
          for (const s of m.settlements) {
            expect(s.amountToSettleMinor).toBeGreaterThan(0);
            expect(s.paidMinor).toBeLessThanOrEqual(s.amountToSettleMinor);
            settled.set(s.voucher, (settled.get(s.voucher) ?? 0) + s.amountToSettleMinor);
            cash += s.paidMinor;
          }
          expect(cash + m.onAccountMinor).toBeLessThanOrEqual(m.line.amountMinor);
          if (m.confidence === "None") expect([m.customer, m.settlements.length, m.onAccountMinor]).toEqual(["", 0, 0]);
          else expect(m.customer).not.toBe("");
          // High means the items are paid: nothing left on account beyond a tolerance, nothing partial.
          if (m.confidence === "High") for (const s of m.settlements) expect(items.find((it) => it.voucher === s.voucher)?.customer).toBe(m.customer);
        }
        for (const it of items) expect(settled.get(it.voucher) ?? 0).toBeLessThanOrEqual(Math.max(0, it.amountMinor));
      }),
      { numRuns: 300 },
    );
  });
});

describe("statement order does not change the result of lines that do not compete", () => {
  it("lines that each identify a different customer give the same result in any order", () => {
    const arb = ledgerArb.chain((items) => {
      const owners = [...new Set(items.map((i) => i.customer))];
      return fc.tuple(
        fc.constant(items),
        fc.tuple(...owners.map((c) => fc.record({
          customer: fc.constant(c),
          byRef: fc.boolean(),
          of: fc.constantFrom(...items.filter((i) => i.customer === c)),
          amount: fc.integer({ min: 1, max: 300000 }),
        }))),
        settingsArb,
        fc.nat(),
      );
    });
    fc.assert(
      fc.property(arb, ([items, picks, settings, seed]) => {
        const lines = picks.map((p, i) => {
          const k = p.customer.slice(1);
          const byRef = p.byRef && p.of.paymentReference !== undefined;
          return line(`L${i + 1}`, p.amount, p.of.currency, byRef ? { reference: p.of.paymentReference ?? "" } : { account: `SE00${k}11112222` });
        });
        const shuffled = [...lines].sort((a, b) => ((a.row * 7919 + seed) % 101) - ((b.row * 7919 + seed) % 101) || a.row - b.row);
        const key = (rs: LineResult[]): Map<string, unknown> => new Map(rs.map((m) => [m.line.lineId, [m.customer, m.confidence, m.rule, m.settlements, m.onAccountMinor]]));
        expect(key(run(shuffled, items, settings))).toEqual(key(run(lines, items, settings)));
        expect(key(run([...lines].reverse(), items, settings))).toEqual(key(run(lines, items, settings)));
      }),
      { numRuns: 300 },
    );
  });
});
