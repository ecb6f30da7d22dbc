/**
 * All or nothing, proved by breaking every step: for every posting operation, on a workbook with
 * no journals and on one with journals already posted, the k-th write or sync fails (k = 1, 2, …
 * until the operation completes without reaching the fault), in three ways (a failed write; a
 * sync whose writes were lost; a sync whose writes were applied but whose answer was lost). After
 * each fault the workbook must hold the posting fully or not at all (or a complete pending plan);
 * a read through the gateway must then see it fully or not at all; and clicking Post again must
 * leave exactly the workbook a faultless post leaves: one journal, the ledger changed once.
 */
import { createGateway } from "../../src/taskpane/office/gateway";
import { loadLedger } from "../../src/taskpane/settlement/ledger";
import { type FaultKind, FaultyWorkbook } from "./_lib/faults";
import { BASES, hasPending, OPERATIONS, state } from "./_lib/postings";

const KINDS: readonly FaultKind[] = ["write", "sync-lost", "sync-applied"];
const figures: string[] = [];

afterAll(() => {
  // The figures quoted in docs/reliability.md.
  console.log(`fault injection:\n${figures.join("\n")}`);
});

describe.each(BASES)("faults while posting on a workbook with $name", (base) => {
  it.each(OPERATIONS)("$name: every write and every sync failing in turn leaves both or neither, and a retry completes", async (op) => {
    const clean = await base.make();
    const cleanGw = createGateway(clean.run);
    const post = await op.prepare(cleanGw);
    const before = state(clean, false);
    const done = await post();
    expect(done.ok).toBe(true);
    const after = state(clean, false);
    const afterWithLog = state(clean, true);
    expect(after).not.toBe(before);

    const inconsistent: string[] = [];
    const points: Record<FaultKind, number> = { write: 0, "sync-lost": 0, "sync-applied": 0 };
    for (const kind of KINDS) {
      for (let k = 1; k < 500; k++) {
        const book = await base.make();
        const faulty = new FaultyWorkbook(book);
        const gw = createGateway(faulty.run);
        const click = await op.prepare(gw);
        faulty.arm(kind, k);
        await click().catch(() => undefined);
        const fired = faulty.fired;
        faulty.disarm();
        if (!fired) {
          if (state(book, true) !== afterWithLog) inconsistent.push(`${kind} ${k}: a faultless post differs`);
          break;
        }
        points[kind]++;
        const raw = state(book, false);
        if (raw !== before && raw !== after && !hasPending(book)) inconsistent.push(`${kind} ${k}: half a posting and no pending plan`);
        if (k % 2 === 0) {
          // Half of the time a read comes first: it must see all or nothing.
          await loadLedger(gw, "Transactions");
          const seen = state(book, false);
          if (seen !== before && seen !== after) inconsistent.push(`${kind} ${k}: a read saw half a posting`);
        }
        const retry = await click();
        if (!retry.ok && retry.errors[0]?.code !== "journal_must_not_be_posted_twice") inconsistent.push(`${kind} ${k}: retry refused: ${retry.errors[0]?.message ?? ""}`);
        if (state(book, true) !== afterWithLog) inconsistent.push(`${kind} ${k}: after the retry the workbook is not the one a faultless post leaves`);
        if (hasPending(book)) inconsistent.push(`${kind} ${k}: a plan is still pending after the retry`);
      }
    }
    figures.push(`${base.name} | ${op.name} | ${points.write} writes | ${points["sync-lost"]} syncs (lost) | ${points["sync-applied"]} syncs (applied) | ${inconsistent.length} inconsistent`);
    expect(inconsistent).toEqual([]);
    expect(points.write).toBeGreaterThan(5);
    expect(points["sync-lost"]).toBeGreaterThan(5);
  });
});
