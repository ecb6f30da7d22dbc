/**
 * The Credit limits screen's workbook side: scoring and automatic limits read through the gateway
 * (a worked example), the adjustment journal posted exactly once, and all or nothing under every
 * fault of the fault harness (test/taskpane/gateway-faults.test.ts): after each fault the workbook
 * holds the journal fully or not at all (or a complete pending plan), the Customers table is never
 * changed (as with `cc risk`, posting records the journal), and Post again leaves exactly what a
 * faultless post leaves.
 */
import { seedWorkbook, type SampleJson } from "../../preview/seed";
import type { Workbook } from "../../preview/workbook";
import type { CreditLimitAdjustmentJournal } from "../../src/domain/credit/adjustments/types";
import { ADJUSTMENT_TARGET, postLimits, runLimits } from "../../src/taskpane/credit/limits";
import { createGateway } from "../../src/taskpane/office/gateway";
import { type FaultKind, FaultyWorkbook } from "./_lib/faults";
import { LIMIT_TABLES } from "./_lib/limit-tables";
import { hasPending, state } from "./_lib/postings";

const AS_OF = 46022; // 2025-12-31

const book = (extra: SampleJson = {}): Workbook => seedWorkbook({ ...LIMIT_TABLES, ...extra });
const customers = (b: Workbook): string => JSON.stringify(b.usedValues(b.sheet("Customers") as never));

async function proposal(b: Workbook, reason = ""): Promise<CreditLimitAdjustmentJournal> {
  const r = await runLimits(createGateway(b.run), { asOfSerial: AS_OF, reason });
  if (!r.ok || r.value.journal === undefined) throw new Error(JSON.stringify(r.ok ? "no journal" : r.errors));
  return r.value.journal;
}

function journalRows(b: Workbook): unknown[][] {
  const t = b.table(ADJUSTMENT_TARGET.table);
  if (t === undefined) return [];
  return b.usedValues(t.sheet).slice(t.rowIndex, t.rowIndex + t.rowCount).map((r) => r.slice(t.columnIndex, t.columnIndex + t.columnCount));
}

describe("credit limits through the gateway", () => {
  it("scores each customer and proposes the automatic limits as one journal (worked example)", async () => {
    const b = book();
    const r = await runLimits(createGateway(b.run), { asOfSerial: AS_OF, reason: "ANNUAL", expiryMonths: 12 });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.rows.map((x) => [x.customer, x.score, x.riskGroup, x.limitMinor, x.line?.newLimitMinor, x.changeMinor])).toEqual([
      ["C1", 30, "A", 1_000_000, 2_000_000, 1_000_000],
      ["C2", 10, "B", 250_000, 500_000, 250_000],
      ["C3", 10, "B", null, undefined, 0],
    ]);
    expect(r.value.rows[0]?.points).toEqual([{ group: "Tenure", points: 20 }, { group: "Status", points: 10 }]);
    // 12 months after 2025-12-31 = 2026-12-31 (serial 46387).
    expect(r.value.journal?.lines.map((l) => [l.account, l.type, l.newLimitMinor, l.expirySerial, l.reason])).toEqual([
      ["C1", "Normal", 2_000_000, 46387, "ANNUAL"],
      ["C2", "Normal", 500_000, 46387, "ANNUAL"],
    ]);
    expect(r.value.journal?.journalId).toMatch(/^CRE-/);
    expect(r.value.posted).toBe(false);
    // No Orders table: no hold list to re-evaluate.
    expect(r.value.cleared).toBeUndefined();
  });

  it("changes every limit by the generator instead (as cc adjust): 15 % rounded up to 1,000, Unlimited skipped", async () => {
    const b = book();
    const r = await runLimits(createGateway(b.run), { asOfSerial: AS_OF, reason: "ANNUAL", generator: { method: "Percent", value: "15", roundingValue: "1000", direction: "Up" } });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // C1 10,000 x 1.15 = 11,500 -> 12,000; C2 2,500 x 1.15 = 2,875 -> 3,000.
    expect(r.value.journal?.lines.map((l) => [l.account, l.newLimitMinor, l.reason])).toEqual([["C1", 1_200_000, "ANNUAL"], ["C2", 300_000, "ANNUAL"]]);
    expect(r.value.rows.map((x) => x.changeMinor)).toEqual([200_000, 50_000, 0]);
    const bad = await runLimits(createGateway(b.run), { asOfSerial: AS_OF, reason: "ANNUAL", generator: { method: "Fixed", value: "ten" } });
    expect(bad.ok ? "ok" : bad.errors[0]?.code).toBe("adjustment_value_must_be_a_number");
  });

  it("posts the journal as a table on its own sheet once: a second post and a second run see it", async () => {
    const b = book();
    const before = customers(b);
    const journal = await proposal(b);
    const gw = createGateway(b.run);
    const [first, second] = await Promise.all([postLimits(gw, journal), postLimits(gw, journal)]);
    expect(first.ok).toBe(true);
    expect(second.ok ? "posted twice" : second.errors[0]?.code).toBe("journal_must_not_be_posted_twice");
    expect(journalRows(b)).toEqual([
      ["JournalId", "Date", "Target", "Account", "Type", "NewLimit", "Currency", "From", "To", "Expiry", "Reason"],
      [journal.journalId, AS_OF, "Customer", "C1", "Normal", 20000, "USD", "", "", "", "RISK"],
      [journal.journalId, AS_OF, "Customer", "C2", "Normal", 5000, "USD", "", "", "", "RISK"],
    ]);
    expect(b.table(ADJUSTMENT_TARGET.table)?.sheet.name).toBe("Credit limit adjustments");
    expect(customers(b)).toBe(before);
    const again = await runLimits(gw, { asOfSerial: AS_OF, reason: "" });
    expect(again.ok && again.value.posted).toBe(true);
    // Another proposal (another reason code) is another journal, appended below the first.
    const other = await proposal(b, "ANNUAL");
    expect(other.journalId).not.toBe(journal.journalId);
    expect((await postLimits(gw, other)).ok).toBe(true);
    expect(journalRows(b)).toHaveLength(5);
  });

  it("recognises a journal `cc risk --in-place` already put on a Credit limit adjustments sheet", async () => {
    const b = book();
    const journal = await proposal(b);
    const cli = seedWorkbook({ ...LIMIT_TABLES });
    cli.seed("Credit limit adjustments", [["JournalId", "Date", "Target", "Account", "Type", "NewLimit", "Currency", "From", "To", "Expiry", "Reason"], [journal.journalId, AS_OF, "Customer", "C1", "Normal", 20000, "USD", "", "", "", "RISK"]]);
    const r = await runLimits(createGateway(cli.run), { asOfSerial: AS_OF, reason: "" });
    expect(r.ok && r.value.posted).toBe(true);
  });

  it("re-evaluates the held orders against the proposed limits: those whose every reason clears are ready to release", async () => {
    // C2: balance 300 + order SO1 3,000 = 3,300 over 2,500, under the proposed 5,000: cleared.
    // C1: 500 + SO2 25,000 = 25,500 over 10,000 and still over the proposed 20,000: held.
    const b = book({ Orders: [["Order", "Customer", "Amount", "Currency"], ["SO1", "C2", 3000, "USD"], ["SO2", "C1", 25000, "USD"]] });
    const r = await runLimits(createGateway(b.run), { asOfSerial: AS_OF, reason: "" });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.cleared?.map((h) => [h.order, h.status, h.reasons])).toEqual([["SO1", "ReadyToRelease", []]]);
    // A preview only: nothing is logged or written.
    expect(b.sheet("Credit hold log")).toBeUndefined();
  });

  const KINDS: readonly FaultKind[] = ["write", "sync-lost", "sync-applied"];
  const BASES: readonly { name: string; make: () => Promise<Workbook> }[] = [
    { name: "no adjustment journal yet", make: async () => book() },
    {
      name: "a journal already posted",
      make: async () => {
        const b = book();
        const r = await postLimits(createGateway(b.run), await proposal(b, "OLD"));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        return b;
      },
    },
  ];

  it.each(BASES)("with $name: every write and sync failing in turn leaves the journal all or nothing, the limits unchanged, and a retry completes", async (base) => {
    const journal = await proposal(book());
    const clean = await base.make();
    const limitsBefore = customers(clean);
    const before = state(clean, false);
    expect((await postLimits(createGateway(clean.run), journal)).ok).toBe(true);
    const after = state(clean, false);
    const afterWithLog = state(clean, true);
    expect(after).not.toBe(before);

    const inconsistent: string[] = [];
    const points: Record<FaultKind, number> = { write: 0, "sync-lost": 0, "sync-applied": 0 };
    for (const kind of KINDS) {
      for (let k = 1; k < 300; k++) {
        const b = await base.make();
        const faulty = new FaultyWorkbook(b);
        const gw = createGateway(faulty.run);
        faulty.arm(kind, k);
        await postLimits(gw, journal).catch(() => undefined);
        const fired = faulty.fired;
        faulty.disarm();
        if (!fired) {
          if (state(b, true) !== afterWithLog) inconsistent.push(`${kind} ${k}: a faultless post differs`);
          break;
        }
        points[kind]++;
        const raw = state(b, false);
        if (raw !== before && raw !== after && !hasPending(b)) inconsistent.push(`${kind} ${k}: half a journal and no pending plan`);
        if (customers(b) !== limitsBefore) inconsistent.push(`${kind} ${k}: the Customers table changed`);
        if (k % 2 === 0) {
          // A read first (the next Score customers): it completes or abandons the plan, never sees half.
          await runLimits(gw, { asOfSerial: AS_OF, reason: "" });
          const seen = state(b, false);
          if (seen !== before && seen !== after) inconsistent.push(`${kind} ${k}: a read saw half a journal`);
        }
        const retry = await postLimits(gw, journal);
        if (!retry.ok && retry.errors[0]?.code !== "journal_must_not_be_posted_twice") inconsistent.push(`${kind} ${k}: retry refused: ${retry.errors[0]?.message ?? ""}`);
        if (state(b, true) !== afterWithLog) inconsistent.push(`${kind} ${k}: after the retry the workbook is not the one a faultless post leaves`);
        if (customers(b) !== limitsBefore) inconsistent.push(`${kind} ${k}: the Customers table changed after the retry`);
      }
    }
    expect(inconsistent).toEqual([]);
    expect(points.write).toBeGreaterThan(3);
    expect(points["sync-lost"]).toBeGreaterThan(3);
  });

  describe("invalid input", () => {
    it("refuses a Scoring table with an inverted band, naming the table and row, and writes nothing", async () => {
      const b = book({ Scoring: [...(LIMIT_TABLES.Scoring ?? []), ["Tenure", "yearsAsCustomer", 9, 3, null, 1]] });
      const r = await runLimits(createGateway(b.run), { asOfSerial: AS_OF, reason: "" });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors[0]).toMatchObject({ code: "to_must_be_above_from", table: "Scoring", row: 5 });
      expect(b.table(ADJUSTMENT_TARGET.table)).toBeUndefined();
    });

    it("refuses overlapping risk groups and a workbook without a Scoring table", async () => {
      const overlap = book({ RiskGroups: [["RiskGroup", "FromScore", "ToScore"], ["A", 20, 100], ["B", 0, 24]] });
      const r = await runLimits(createGateway(overlap.run), { asOfSerial: AS_OF, reason: "" });
      expect(r.ok ? "ok" : r.errors[0]?.code).toBe("risk_groups_must_not_overlap");
      const { Scoring: _s, ...rest } = LIMIT_TABLES;
      const none = seedWorkbook(rest);
      const n = await runLimits(createGateway(none.run), { asOfSerial: AS_OF, reason: "" });
      expect(n.ok).toBe(false);
    });
  });
});
