/**
 * The settlement engine's fast paths (docs/performance.md, round 4a) against the rules they stand
 * for: the packed sort against `compareOrder`, the streamed content hash against `hash53` of the
 * joined text, `proposeSettled` against `proposeSettlement`, `postSettlementTo` against
 * `postSettlement`. Fixed seeds: every run checks the same cases.
 */
import { Hash53, hash53 } from "../../src/domain/_lib/hash";
import { journalHasher, journalIdFor, journalIdOf, type JournalLine } from "../../src/domain/journal";
import { compareOrder, sortOrder } from "../../src/domain/settlement/_lib/order";
import { postSettlement, postSettlementTo, valueSettlement } from "../../src/domain/settlement/post";
import { proposeSettled, proposeSettlement } from "../../src/domain/settlement/propose";
import type { SettlementItem, SettlementMethod } from "../../src/domain/settlement/types";
import { Prng } from "../../src/cli/_lib/prng";
import { item, payment } from "./helpers";

/** Positions sorted by the comparator itself: the order sortOrder must give. */
function byComparator(primary: Float64Array, pct: Float64Array, date: Float64Array, vouchers: string[]): number[] {
  const p = Array.from({ length: primary.length }, (_, i) => i);
  return p.sort((a, b) => compareOrder(primary[a] as number, pct[a] as number, date[a] as number, vouchers[a] as string, primary[b] as number, pct[b] as number, date[b] as number, vouchers[b] as string));
}

describe("sortOrder", () => {
  it("gives compareOrder's order on packed keys, with many ties broken by voucher", () => {
    const rng = new Prng(11);
    for (let round = 0; round < 40; round++) {
      const n = rng.int(1, 400);
      const primary = new Float64Array(n);
      const pct = new Float64Array(n);
      const date = new Float64Array(n);
      const vouchers: string[] = [];
      for (let i = 0; i < n; i++) {
        primary[i] = 45000 + rng.int(0, 5);
        pct[i] = [0, 0, 1.5, 2][rng.int(0, 3)] as number;
        date[i] = 44990 + rng.int(0, 3);
        vouchers.push(`INV-${rng.int(0, 1e6)}-${i}`);
      }
      expect([...sortOrder(primary, pct, date, vouchers)]).toEqual(byComparator(primary, pct, date, vouchers));
    }
  });

  it("gives the same order when the keys do not pack (fractions, negative and huge spans)", () => {
    const rng = new Prng(12);
    for (const kind of ["fraction", "span"] as const) {
      const n = 300;
      const primary = new Float64Array(n);
      const pct = new Float64Array(n);
      const date = new Float64Array(n);
      const vouchers: string[] = [];
      for (let i = 0; i < n; i++) {
        primary[i] = kind === "fraction" ? rng.int(0, 3) + 0.5 : rng.int(0, 1) * 2 ** 40 - rng.int(0, 3);
        pct[i] = rng.int(0, 2);
        date[i] = kind === "fraction" ? rng.int(0, 2) : rng.int(-2, 2) * 2 ** 20;
        vouchers.push(`V${rng.int(0, 50)}-${i}`);
      }
      expect([...sortOrder(primary, pct, date, vouchers)]).toEqual(byComparator(primary, pct, date, vouchers));
    }
  });

  it("puts ties in code-unit voucher order whatever the units (NUL, prefixes, Latin-1, CJK, surrogates)", () => {
    const rng = new Prng(15);
    const units = ["A", "B", "Z", "a", "0", "9", "-", " ", "\u0000", "\u00e9", "\u00fe", "\u00ff", "\u0100", "\u4e00", "\ud83d"];
    for (let round = 0; round < 300; round++) {
      const seen = new Set<string>();
      const vouchers: string[] = [];
      const n = rng.int(1, 60);
      while (vouchers.length < n) {
        let t = "";
        for (let k = rng.int(0, 9); k > 0; k--) t += units[rng.int(0, units.length - 1)] as string;
        if (!seen.has(t)) vouchers.push(t);
        seen.add(t);
      }
      const same = new Float64Array(n).fill(45000);
      expect([...sortOrder(same, new Float64Array(n), same, vouchers)]).toEqual(byComparator(same, new Float64Array(n), same, vouchers));
    }
  });

  it("gives an empty order for no items", () => {
    expect([...sortOrder(new Float64Array(0), new Float64Array(0), new Float64Array(0), [])]).toEqual([]);
  });
});

describe("Hash53", () => {
  it("hashes pieces as hash53 hashes the joined text, whole numbers digit by digit", () => {
    const rng = new Prng(13);
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor((rng.next() - 0.5) * 2 ** (rng.next() * 54));
      expect(new Hash53().text("INV-1:").whole(n).text(":x").value()).toBe(hash53(`INV-1:${n}:x`));
    }
    expect(journalIdOf("Settlement", journalHasher("Settlement").text("a").text("\u0001").whole(-0))).toBe(journalIdFor("Settlement", "a\u00010"));
  });

  it("writes a number that is not a safe whole number as String() does", () => {
    for (const x of [Number.NaN, Infinity, -Infinity, 1.5, 2 ** 53, 1e21]) expect(new Hash53().whole(x).value()).toBe(hash53(String(x)));
  });
});

/** A customer's open items of random types, amounts, dates and discounts (some credit notes). */
function randomItems(rng: Prng, n: number): SettlementItem[] {
  const types = ["Invoice", "Invoice", "Fee", "InterestNote", "CollectionLetter"] as const;
  const out: SettlementItem[] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + rng.int(0, 27);
    const disc = rng.next() < 0.4;
    const credit = rng.next() < 0.1;
    out.push(item(`X${rng.int(0, 999)}-${i}`, (credit ? -1 : 1) * rng.int(1, 90000), {
      type: credit ? "CreditNote" : (types[rng.int(0, types.length - 1)] as (typeof types)[number]),
      date: `2015-09-${String(day).padStart(2, "0")}`,
      due: `2015-10-${String(1 + rng.int(0, 3) * 5).padStart(2, "0")}`,
      ...(disc ? { discDate: `2015-10-${String(20 + rng.int(0, 8)).padStart(2, "0")}`, cashDiscountPct: [1, 2, 2.5][rng.int(0, 2)] as number } : {}),
    }));
  }
  return out;
}

describe("proposeSettled and postSettlementTo", () => {
  const methods: SettlementMethod[] = [{ kind: "duedate" }, { kind: "priority", types: ["Fee", "InterestNote", "Invoice"] }];

  it("propose and post exactly what proposeSettlement and postSettlement do", () => {
    const rng = new Prng(14);
    for (let round = 0; round < 30; round++) {
      const items = randomItems(rng, rng.int(1, 120));
      const credit = payment(rng.int(1, 2000000), "2015-10-25");
      const options = rng.next() < 0.5 ? { partialDiscount: true, maxPennyDifferenceMinor: 5, maxOverUnderMinor: 300, discountAdministration: "Unspecific" as const } : {};
      const req = { credit, items, dateSerial: credit.dateSerial as number, method: methods[round % 2] as SettlementMethod, options };
      const full = proposeSettlement(req);
      const settled = proposeSettled({ ...req, vouchersDistinct: true });
      if (!full.ok || !settled.ok) throw new Error("a random proposal failed");
      const { proposal, untouched } = settled.value;
      // The full proposal is the reached lines, then an untouched line per other item, in order.
      expect(proposal.lines).toEqual(full.value.lines.slice(0, proposal.lines.length));
      expect(full.value.lines.slice(proposal.lines.length).map((l) => [l.item, l.amountToSettleMinor])).toEqual(untouched.map((i) => [i, 0]));
      expect({ ...proposal, lines: [] }).toEqual({ ...full.value, lines: [] });
      if (!proposal.lines.some((l) => l.amountToSettleMinor > 0)) continue;
      const posted = postSettlement(full.value, { accountingCurrency: "USD" });
      const lines: JournalLine[] = [];
      const id = postSettlementTo(proposal, { accountingCurrency: "USD" }, (l) => lines.push(l));
      if (!posted.ok || !id.ok) throw new Error("a random posting failed");
      expect(lines).toEqual(posted.value.journal.lines);
      expect(id.value).toBe(posted.value.journal.journalId);
      expect(valueSettlement(proposal, { accountingCurrency: "USD" })).toEqual({ ok: true, value: true });
    }
  });

  describe("invalid input", () => {
    it("refuses, as proposeSettlement does, an item repeating the credit's voucher even when the items are known distinct", () => {
      const credit = payment(100, "2015-10-25");
      const items = [item(credit.voucher, 500, { date: "2015-09-01", due: "2015-10-01" })];
      const req = { credit, items, dateSerial: credit.dateSerial as number, method: { kind: "duedate" } as const };
      const a = proposeSettlement(req);
      const b = proposeSettled({ ...req, vouchersDistinct: true });
      expect(a.ok ? [] : a.errors.map((e) => e.code)).toEqual(["voucher_must_appear_once"]);
      expect(b.ok ? [] : b.errors).toEqual(a.ok ? [] : a.errors);
    });

    it("values nothing it cannot: a missing rate is postSettlement's error, and no line is emitted", () => {
      const credit = payment(10000, "2015-10-25");
      const items = [item("INV1", 10000, { date: "2015-09-01", due: "2015-10-01" })];
      const p = proposeSettled({ credit, items, dateSerial: credit.dateSerial as number, method: { kind: "duedate" } });
      if (!p.ok) throw new Error("proposal failed");
      const lines: JournalLine[] = [];
      const r = postSettlementTo(p.value.proposal, { accountingCurrency: "EUR" }, (l) => lines.push(l));
      expect(r.ok ? "" : r.errors[0]?.code).toBe("exchange_rate_must_exist");
      expect(lines).toEqual([]);
      const v = valueSettlement(p.value.proposal, { accountingCurrency: "EUR" });
      expect(v.ok ? "" : v.errors[0]?.code).toBe("exchange_rate_must_exist");
    });
  });
});
