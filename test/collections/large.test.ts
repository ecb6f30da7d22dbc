import { interestNotes, lettersDue, proposeWriteOff } from "../../src/domain/collections";
import type { Transaction } from "../../src/domain/types";

describe("a full sheet of 1,048,576 rows", () => {
  it("writes off, charges interest and proposes letters in one pass each (no per-item scans)", () => {
    const n = 1_048_576;
    const items: Transaction[] = new Array<Transaction>(n);
    let balance = 0;
    for (let i = 0; i < n; i++) {
      const amountMinor = i % 7 === 0 ? -5000 : 10000 + (i % 97);
      if (i % 100 === 1) balance += amountMinor;
      items[i] = { customer: i % 100 === 1 ? "BIG" : `C${i % 1000}`, voucher: `V${i}`, type: amountMinor < 0 ? "Payment" : "Invoice", amountMinor, currency: "USD", dueSerial: 45000 + (i % 200), status: "None", row: i + 2 };
    }
    const w = proposeWriteOff(items, { customer: "BIG", dateSerial: 45400, reason: "R" });
    expect(w.ok && w.value.lines.map((l) => l.amountMinor)).toEqual([-balance, balance]);
    const notes = interestNotes(items, 45300, { kind: "tiered", tiers: [{ fromMonth: 0, percentPerMonth: 1.5 }] });
    expect(notes.ok && notes.value.reduce((a, x) => a + x.lines.length, 0)).toBe(items.filter((t) => t.amountMinor > 0 && (t.dueSerial ?? 0) < 45300).length);
    const letters = lettersDue(items, 45300, [{ code: "L1", fee: 5, minOverdue: 10, graceDays: 5, block: false }], []);
    expect(letters.ok && letters.value.length).toBe(new Set(items.map((t) => t.customer)).size); // 990 C-customers and BIG
  });
});
