import type { JournalLine } from "../../src/domain/journal";
import { autoSettleLedger, postSettlement, proposeSettlement, type SettlementItem, unapplySettlement, unapplyVoucher, DEFAULT_PRIORITY } from "../../src/domain/settlement";
import { journalTable, readJournalLines } from "../../src/workbook/settlement-journal";
import { d, item } from "./helpers";

function must<T>(r: { ok: true; value: T } | { ok: false; errors: readonly unknown[] }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
function errs(r: { ok: boolean; errors?: readonly { code: string; message: string }[] }): string[] {
  expect(r.ok).toBe(false);
  return (r.errors ?? []).map((e) => `${e.code}: ${e.message}`);
}

/** INV (100.00) is settled 60.00 by P1, then 40.00 by P2. */
function twoSettlements(): { history: JournalLine[]; link1: string; link2: string } {
  const inv = item("INV", 10000, { date: "2020-01-01", due: "2020-02-01" });
  const p1 = must(proposeSettlement({ credit: item("P1", -6000, { date: "2020-01-10" }), items: [inv], dateSerial: d("2020-01-10"), method: { kind: "duedate" } }));
  const j1 = must(postSettlement(p1, { accountingCurrency: "USD" })).journal;
  const p2 = must(proposeSettlement({ credit: item("P2", -4000, { date: "2020-01-20" }), items: [{ ...inv, amountMinor: 4000 }], dateSerial: d("2020-01-20"), method: { kind: "duedate" } }));
  const j2 = must(postSettlement(p2, { accountingCurrency: "USD" })).journal;
  return { history: [...j1.lines, ...j2.lines], link1: j1.lines[0]?.linkId ?? "", link2: j2.lines[0]?.linkId ?? "" };
}

describe("unapply", () => {
  it("reverses every line with the opposite sign, links to the original journal, and reopens the amounts", () => {
    const { history, link2 } = twoSettlements();
    const u = must(unapplySettlement(history, { linkId: link2 }, d("2020-01-25")));
    const originals = history.filter((l) => l.linkId === link2);
    expect(u.journal.lines.map((l) => [l.voucher, l.amountMinor, l.correctsJournalId, l.dateSerial])).toEqual(
      originals.map((l) => [l.voucher, -l.amountMinor, l.journalId, d("2020-01-25")]),
    );
    expect(u.changes.map((c) => [c.voucher, c.deltaMinor])).toEqual([["INV", 4000], ["P2", -4000]]);
  });

  it("refuses an older settlement first, naming the later one, and allows it once the later one is unapplied", () => {
    const { history, link1, link2 } = twoSettlements();
    const refused = errs(unapplySettlement(history, { linkId: link1 }));
    expect(refused[0]).toMatch(new RegExp(`^unapply_must_be_latest_first: voucher INV was settled again later \\(link ${link2}`));
    const u2 = must(unapplySettlement(history, { linkId: link2 }));
    const after = [...history, ...u2.journal.lines];
    expect(must(unapplySettlement(after, { linkId: link1 })).changes.map((c) => [c.voucher, c.deltaMinor])).toEqual([["INV", 6000], ["P1", -6000]]);
    expect(errs(unapplySettlement(after, { linkId: link2 }))[0]).toMatch(/^settlement_must_not_be_unapplied_twice/);
    expect(errs(unapplySettlement(after, { linkId: "LNK-NOPE" }))[0]).toMatch(/^settlement_must_exist/);
  });

  it("unapplies every settlement of a bounced payment, latest first", () => {
    const invs = [item("A", 10000, { date: "2020-01-01", due: "2020-02-01" }), item("B", 10000, { date: "2020-01-02", due: "2020-02-02" })];
    const history: JournalLine[] = [];
    // P1 pays 50.00 on A, then 150.00 more of P1 is settled later (A's rest and all of B).
    const pa = must(proposeSettlement({ credit: item("P1", -5000, { date: "2020-01-10" }), items: invs, dateSerial: d("2020-01-10"), method: { kind: "duedate" } }));
    history.push(...must(postSettlement(pa, { accountingCurrency: "USD" })).journal.lines);
    const pb = must(proposeSettlement({ credit: item("P1", -15000, { date: "2020-01-10" }), items: [{ ...invs[0], amountMinor: 5000 } as SettlementItem, invs[1] as SettlementItem], dateSerial: d("2020-01-12"), method: { kind: "duedate" } }));
    history.push(...must(postSettlement(pb, { accountingCurrency: "USD" })).journal.lines);
    const all = must(unapplyVoucher(history, "2050", "P1", d("2020-02-01")));
    expect(all).toHaveLength(2);
    const reopened = new Map<string, number>();
    for (const u of all) for (const c of u.changes) reopened.set(c.voucher, (reopened.get(c.voucher) ?? 0) + c.deltaMinor);
    expect(Object.fromEntries(reopened)).toEqual({ A: 10000, B: 10000, P1: -20000 });
    expect(all[0]?.journal.lines[0]?.correctsJournalId).toBe(pbJournal(history));
  });

  it("round-trips the journal through the Settlement journal sheet table", () => {
    const { history, link2 } = twoSettlements();
    const table = journalTable(history);
    expect(table[0]).toEqual(["JournalId", "Line", "Date", "Customer", "Voucher", "OffsetVoucher", "Amount", "Currency", "AccountingAmount", "AccountingCurrency", "AccountType", "AccountRole", "Reason", "LinkId", "CorrectsJournalId"]);
    expect(table[1]?.slice(4, 9)).toEqual(["INV", "P1", -60, "USD", -60]);
    const back = must(readJournalLines(table));
    expect(back).toEqual(history);
    const u = must(unapplySettlement(back, { linkId: link2 }));
    expect(must(readJournalLines(journalTable(u.journal.lines)))).toEqual(u.journal.lines);
    expect(errs(readJournalLines([[...(table[0] ?? [])], ["J", 1, "x", "C", "V", "O", "ten", "USD", 1, "USD", "Customer", "Customer", "", "L", ""]])).join()).toMatch(/Date_must_be_a_date|date_must_be_a_date/i);
  });
});

function pbJournal(history: readonly JournalLine[]): string {
  return history[history.length - 1]?.journalId ?? "";
}

describe("ledger batch", () => {
  it("settles several payments of a customer in date order and leaves other customers and credit notes alone", () => {
    const ledger: SettlementItem[] = [
      item("I1", 10000, { date: "2020-01-01", due: "2020-01-31" }),
      item("I2", 20000, { date: "2020-01-05", due: "2020-02-04" }),
      item("P2", -25000, { date: "2020-02-10" }),
      item("P1", -5000, { date: "2020-02-01" }),
      item("CN", -1000, { type: "CreditNote", date: "2020-01-02" }),
      item("X1", 999, { customer: "other", date: "2020-01-01", due: "2020-01-31" }),
    ];
    const r = must(autoSettleLedger(ledger, { accountingCurrency: "USD" }));
    expect(r.openMinor).toEqual([0, 0, 0, 0, -1000, 999]);
    expect(r.journals.map((j) => j.lines.filter((l) => l.accountType === "Customer").map((l) => [l.voucher, l.amountMinor]))).toEqual([
      [["I1", -5000], ["P1", 5000]],
      [["I1", -5000], ["P2", 5000], ["I2", -20000], ["P2", 20000]],
    ]);
    expect(new Set(r.journals.map((j) => j.journalId)).size).toBe(2);
  });

  it("follows a priority list", () => {
    const ledger = [item("I1", 10000, { date: "2020-01-01", due: "2020-01-31" }), item("F1", 500, { type: "Fee", date: "2020-01-20", due: "2020-02-20" }), item("P", -1000, { date: "2020-02-01" })];
    expect(must(autoSettleLedger(ledger, { accountingCurrency: "USD", method: { kind: "priority", types: DEFAULT_PRIORITY } })).openMinor).toEqual([9500, 0, 0]);
  });

  it("refuses duplicate vouchers of a customer and a payment without a date", () => {
    expect(errs(autoSettleLedger([item("I1", 100, { due: "2020-01-01" }), item("I1", 200, { due: "2020-01-01" })], { accountingCurrency: "USD" }))[0]).toMatch(/^voucher_must_appear_once/);
    expect(errs(autoSettleLedger([item("I1", 100, { due: "2020-01-01" }), item("P", -200)], { accountingCurrency: "USD" }))[0]).toMatch(/^date_must_not_be_blank/);
  });

  it("settles a 1,048,576-row ledger and conserves every amount (speed is measured by npm run bench)", () => {
    const n = 1 << 20;
    const ledger: SettlementItem[] = new Array<SettlementItem>(n);
    const base = d("2020-01-01");
    for (let i = 0; i < n; i++) {
      const customer = `C${i % 49999}`;
      const isPayment = i % 4 === 3;
      ledger[i] = {
        customer, voucher: `V${i}`, type: isPayment ? "Payment" : "Invoice", amountMinor: isPayment ? -15000 : 10000 + (i % 7),
        currency: "USD", dateSerial: base + (i % 300), dueSerial: base + (i % 300) + 30, status: "None", row: i + 2,
      };
    }
    const r = must(autoSettleLedger(ledger, { accountingCurrency: "USD" }));
    const debitsBefore = ledger.reduce((a, it) => a + Math.max(0, it.amountMinor), 0);
    const creditsBefore = ledger.reduce((a, it) => a + Math.min(0, it.amountMinor), 0);
    const net = r.openMinor.reduce((a, m) => a + m, 0);
    expect(net).toBe(debitsBefore + creditsBefore);
    expect(r.journals.length).toBeGreaterThan(200000);
  });
});
