import { checkOrders } from "../../src/domain/credit/batch";
import { holdList, type LatestAction } from "../../src/domain/credit/holds/hold-list";
import { unwrap } from "../../src/domain/errors";
import { readLatestHoldActions } from "../../src/workbook/credit-holds";
import { AS_OF, book, customer, invoice, order } from "./fixtures";

describe("the hold list after a run, given the hold log", () => {
  // A owes 900 of a 1,000 limit: SO1 (300) is held; C has room: SO2 (50) passes; B has no credit: SO3 is held.
  const b = book({
    customers: [customer({ customer: "A", creditLimitMinor: 100_000 }), customer({ customer: "B", creditLimitMinor: 0 }), customer({ customer: "C", creditLimitMinor: 100_000 })],
    transactions: [invoice("A", 900)],
    orders: [order("SO1", "A", 300), order("SO2", "C", 50), order("SO3", "B", 10)],
  });
  const checked = unwrap(checkOrders(b, [])).checked;
  const list = (latest: [string, LatestAction][]) => unwrap(holdList(checked, new Map(latest), AS_OF));

  it.each([
    ["no log: held orders are listed, passed ones can be force-held", [], ["SO1", "SO3"], ["SO2"]],
    ["a released order stays off the list", [["SO1", { action: "Release", status: "Released", reasons: "" }]], ["SO3"], ["SO2"]],
    ["a rejected order stays off the list", [["SO3", { action: "Reject", status: "Rejected", reasons: "" }]], ["SO1"], ["SO2"]],
    ["a forced hold stays on the list though the order passes", [["SO2", { action: "ForceHold", status: "Hold", reasons: "Manual" }]], ["SO1", "SO2", "SO3"], []],
    ["a plain earlier hold does not keep an order off a fresh check", [["SO2", { action: "Hold", status: "Hold", reasons: "CreditLimit" }]], ["SO1", "SO3"], ["SO2"]],
  ] as [string, [string, LatestAction][], string[], string[]][])("%s", (_name, latest, holds, passed) => {
    const l = list(latest);
    expect(l.holds.map((h) => h.order)).toEqual(holds);
    expect(l.passed.map((h) => h.order)).toEqual(passed);
  });

  it("checks a released order again when its value has increased since the release, and lists it when the check holds it", () => {
    // SO1 (300 now) was released at 200: checked again, A's limit still holds it.
    const up = list([["SO1", { action: "Release", status: "Released", reasons: "", amount: 200 }]]);
    expect(up.holds.find((h) => h.order === "SO1")).toMatchObject({ status: "Hold", reasons: ["CreditLimit"], amountMinor: 30_000, releasedAmountMinor: 20_000 });
    // Released at its amount now: stays off the list.
    expect(list([["SO1", { action: "Release", status: "Released", reasons: "", amount: 300 }]]).holds.map((h) => h.order)).toEqual(["SO3"]);
    // SO2 (50 now) was released at 10: checked again, C has room, so it stays released.
    const passes = list([["SO2", { action: "Release", status: "Released", reasons: "", amount: 10 }]]);
    expect([passes.holds.map((h) => h.order), passes.passed.map((h) => h.order)]).toEqual([["SO1", "SO3"], []]);
    // A rejected order is never re-checked.
    expect(list([["SO1", { action: "Reject", status: "Rejected", reasons: "", amount: 200 }]]).holds.map((h) => h.order)).toEqual(["SO3"]);
  });

  it("reads the amount each action was logged at", () => {
    const r = readLatestHoldActions([["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons", "Amount"], ["SO1", "C", "Release", "y", "Released", 2, "", 199.5]]);
    expect(r.ok && r.value.get("SO1")).toEqual({ action: "Release", status: "Released", reasons: "", amount: 199.5 });
  });

  it("marks a forced hold as manual and forced", () => {
    const l = list([["SO2", { action: "ForceHold", status: "Hold", reasons: "Manual" }]]);
    expect(l.holds.find((h) => h.order === "SO2")).toMatchObject({ forced: true, reasons: ["Manual"] });
  });

  describe("invalid input", () => {
    it("refuses a log whose Status is not a hold status, naming the row", () => {
      const r = readLatestHoldActions([["Order", "Action", "Status"], ["SO1", "Hold", "Maybe"]]);
      expect(!r.ok && r.errors[0]).toMatchObject({ row: 2, column: "Status" });
    });

    it("refuses a log without an Action column", () => {
      expect(readLatestHoldActions([["Order", "Status"], ["SO1", "Hold"]]).ok).toBe(false);
    });
  });
});
