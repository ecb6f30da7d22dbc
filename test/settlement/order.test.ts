/**
 * The settlement order's tie-breaks (docs/domain.md §4.2), one row per rule, beside the order in
 * src/domain/settlement/_lib/order.ts. A payment of one minor unit settles exactly the item the
 * order visits first, so each row names the winner of one tie-break.
 */
import { proposeSettlement, type SettlementMethod } from "../../src/domain/settlement";
import type { SettlementItem } from "../../src/domain/settlement";
import { item, payment } from "./helpers";

const SETTLE_ON = "2015-10-25";
const DUE_DATE: SettlementMethod = { kind: "duedate" };
const INTEREST_FIRST: SettlementMethod = { kind: "priority", types: ["InterestNote", "Invoice"] };

function first(items: SettlementItem[], method: SettlementMethod): string | undefined {
  const r = proposeSettlement({ credit: payment(1, SETTLE_ON), items, dateSerial: payment(1, SETTLE_ON).dateSerial as number, method });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const settled = r.value.lines.filter((l) => l.amountToSettleMinor > 0).map((l) => l.item.voucher);
  expect(settled).toHaveLength(1);
  return settled[0];
}

describe("the settlement order's tie-breaks", () => {
  it.each<[string, SettlementMethod, SettlementItem[], string]>([
    ["due date first, before an earlier transaction date", DUE_DATE, [item("B", 10000, { date: "2015-09-01", due: "2015-10-02" }), item("A", 10000, { date: "2015-09-20", due: "2015-10-01" })], "A"],
    ["on one due date, the better discount still available", DUE_DATE, [item("A", 10000, { date: "2015-09-01", due: "2015-10-01" }), item("B", 10000, { date: "2015-09-20", due: "2015-10-01", discDate: "2015-10-30", cashDiscountPct: 2 })], "B"],
    ["on one due date, an expired discount counts as none", DUE_DATE, [item("B", 10000, { date: "2015-09-20", due: "2015-10-01", discDate: "2015-10-01", cashDiscountPct: 2 }), item("A", 10000, { date: "2015-09-01", due: "2015-10-01" })], "A"],
    ["on one due date and discount, the earlier transaction date", DUE_DATE, [item("B", 10000, { date: "2015-09-20", due: "2015-10-01" }), item("A", 10000, { date: "2015-09-01", due: "2015-10-01" })], "A"],
    ["all else equal, the voucher in code-unit order (INV-10 before INV-9)", DUE_DATE, [item("INV-9", 10000, { date: "2015-09-01", due: "2015-10-01" }), item("INV-10", 10000, { date: "2015-09-01", due: "2015-10-01" })], "INV-10"],
    ["all else equal, upper case before lower case (not the locale's order)", DUE_DATE, [item("a", 10000, { date: "2015-09-01", due: "2015-10-01" }), item("B", 10000, { date: "2015-09-01", due: "2015-10-01" })], "B"],
    ["without a due date, the transaction date stands in", DUE_DATE, [item("B", 10000, { date: "2015-09-30", due: "2015-10-01" }), item("A", 10000, { date: "2015-09-29" })], "A"],
    ["priority: the listed type first, whatever its due date", INTEREST_FIRST, [item("A", 10000, { date: "2015-09-01", due: "2015-10-01" }), item("B", 10000, { type: "InterestNote", date: "2015-10-15", due: "2015-11-14" })], "B"],
    ["priority: an unlisted type after every listed one", INTEREST_FIRST, [item("A", 10000, { type: "Fee", date: "2015-09-01", due: "2015-09-01" }), item("B", 10000, { date: "2015-10-15", due: "2015-11-14" })], "B"],
    ["priority: in one rank, the earlier transaction date", INTEREST_FIRST, [item("B", 10000, { date: "2015-09-20", due: "2015-10-01" }), item("A", 10000, { date: "2015-09-01", due: "2015-11-01" })], "A"],
    ["priority: in one rank and date, the voucher", INTEREST_FIRST, [item("B", 10000, { date: "2015-09-01", due: "2015-10-01" }), item("A", 10000, { date: "2015-09-01", due: "2015-10-01" })], "A"],
  ])("%s", (_rule, method, items, winner) => {
    expect(first(items, method)).toBe(winner);
    // Row order never decides: the same items reversed give the same winner.
    expect(first([...items].reverse(), method)).toBe(winner);
  });

  describe("invalid input", () => {
    it("refuses an item with neither a due date nor a date, naming its row", () => {
      const r = proposeSettlement({ credit: payment(1, SETTLE_ON), items: [item("A", 10000)], dateSerial: payment(1, SETTLE_ON).dateSerial as number, method: DUE_DATE });
      expect(!r.ok && r.errors.map((e) => [e.code, e.column])).toEqual([["due_date_must_not_be_blank", "DueDate"]]);
    });
  });
});
