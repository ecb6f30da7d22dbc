import fc from "fast-check";
import { chargecorrection, interestjournal } from "../../src/functions/charges";
import { nsf, nsfjournal } from "../../src/functions/nsf";
import { worklist } from "../../src/functions/worklist";
import { FunctionError } from "../../src/functions/_lib/adapter";

/** Arbitrary cells as Excel passes them: numbers (dates among them), text, booleans, blanks. */
const cell = fc.oneof(fc.double(), fc.integer({ min: -100, max: 50_000 }), fc.string({ maxLength: 6 }), fc.constantFrom("", null, true, false, "USD", "Invoice", "Waive", "2024-01-31"));
const headers = fc.shuffledSubarray(["Customer", "Voucher", "Type", "Date", "DueDate", "Amount", "Currency", "Status", "PromiseDate", "JournalId", "Line", "LineType", "Debit", "Credit", "AccountingAmount", "AccountingCurrency", "AccountRole", "LinkId", "Name", "Pool", "Agent", "Nope"], { minLength: 1, maxLength: 10 });
const range = headers.chain((h) => fc.array(fc.array(cell, { minLength: h.length, maxLength: h.length }), { maxLength: 5 }).map((rows) => [h as unknown[], ...rows]));

/** A spilled table (every cell a finite number or text) or a named #VALUE!, never another throw. */
function tableOrValueError(f: () => unknown[][]): boolean {
  try {
    const out = f();
    return Array.isArray(out) && out.every((r) => Array.isArray(r) && r.every((v) => (typeof v === "number" && Number.isFinite(v)) || typeof v === "string" || typeof v === "boolean"));
  } catch (e) {
    return e instanceof FunctionError && !e.message.startsWith("internal error") && e.message.length > 0;
  }
}

describe("the issue-12 functions on arbitrary cells", () => {
  it("return a table or a named #VALUE!, never a crash", () => {
    fc.assert(
      fc.property(range, range, cell, cell, cell, cell, (a, b, x, y, z, w) =>
        [
          () => interestjournal(a as never, x, [["FromMonth", "PercentPerMonth"], [0, 1.5]]),
          () => chargecorrection(a as never, y, x, z, [[w]], b as never),
          () => nsf(a as never, b as never, x, y, z, w),
          () => nsfjournal(a as never, b as never, x, y, z, w, [["FeePct", 1]]),
          () => worklist(a as never, x, b as never),
        ].every(tableOrValueError),
      ),
      { numRuns: 300 },
    );
  });
});
