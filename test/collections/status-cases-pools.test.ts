import { addActivity, changeStatus, closeCase, customersForAgent, inPool, markBrokenPromises, openCase, STATUS_TRANSITIONS } from "../../src/domain/collections";
import { COLLECTION_STATUSES, type CollectionStatus } from "../../src/domain/types";
import { d, tx } from "./_fixtures";

const day = d("2024-04-01");
const inv = tx({ customer: "C", voucher: "I1", dueSerial: day - 10, amountMinor: 10000 });

describe("collection status", () => {
  it.each(COLLECTION_STATUSES.flatMap((from) => COLLECTION_STATUSES.map((to) => [from, to] as [CollectionStatus, CollectionStatus])))("%s -> %s follows the transition table", (from, to) => {
    const r = changeStatus({ ...inv, status: from }, to === "PromiseToPay" ? { to, promiseSerial: day + 5, promiseAmountMinor: 5000 } : { to });
    expect(r.ok).toBe(STATUS_TRANSITIONS[from].includes(to));
    if (r.ok) expect(r.value.status).toBe(to);
  });

  it("records a promise's date and amount, and drops them when the status moves on", () => {
    const p = changeStatus(inv, { to: "PromiseToPay", promiseSerial: day + 5, promiseAmountMinor: 10000 });
    expect(p.ok && [p.value.status, p.value.promiseSerial, p.value.promiseAmountMinor]).toEqual(["PromiseToPay", day + 5, 10000]);
    const resolved = p.ok ? changeStatus(p.value, { to: "Resolved" }) : p;
    expect(resolved.ok && "promiseSerial" in resolved.value).toBe(false);
  });

  it("breaks promises dated before the as-of date, and only those", () => {
    const items = [
      { ...inv, status: "PromiseToPay" as const, promiseSerial: day - 1 },
      { ...inv, voucher: "I2", status: "PromiseToPay" as const, promiseSerial: day },
      { ...inv, voucher: "I3", status: "Disputed" as const },
    ];
    expect(markBrokenPromises(items, day).map((t) => t.status)).toEqual(["PromiseToPayBroken", "PromiseToPay", "Disputed"]);
  });

  describe("invalid input", () => {
    it("refuses a promise without a date or with an amount above the open amount, and a dispute on a payment", () => {
      const r = changeStatus(inv, { to: "PromiseToPay", promiseAmountMinor: 10001 });
      expect(!r.ok && r.errors.map((e) => [e.code, e.column, e.row])).toEqual([
        ["promise_date_must_not_be_blank", "PromiseDate", inv.row],
        ["promise_amount_must_be_within_open_amount", "PromiseAmount", inv.row],
      ]);
      expect(changeStatus(tx({ customer: "C", voucher: "P", amountMinor: -5 }), { to: "Disputed" })).toMatchObject({ ok: false, errors: [{ code: "status_must_be_on_a_debit_item" }] });
      expect(changeStatus(inv, { to: "PromiseToPayBroken" })).toMatchObject({ ok: false, errors: [{ code: "status_transition_must_be_allowed" }] });
    });
  });
});

describe("cases and activities", () => {
  it("groups one customer's transactions and keeps activities in date order until closed", () => {
    const c = openCase("C", [inv, { ...inv, voucher: "I2" }], day);
    if (!c.ok) throw new Error("open failed");
    expect(c.value.vouchers).toEqual(["I1", "I2"]);
    const a = addActivity(c.value, { kind: "Call", dateSerial: day + 3, agent: "ana", outcome: "Promised" });
    const b = a.ok ? addActivity(a.value, { kind: "Email", dateSerial: day + 1, agent: "ana", outcome: "Sent" }) : a;
    expect(b.ok && b.value.activities.map((x) => x.kind)).toEqual(["Email", "Call"]);
    const closed = b.ok ? closeCase(b.value, day + 10) : b;
    expect(closed.ok && [closed.value.status, closed.value.closedSerial]).toEqual(["Closed", day + 10]);
    expect(closed.ok && addActivity(closed.value, { kind: "Note", dateSerial: day + 11, agent: "ana", outcome: "" })).toMatchObject({ ok: false, errors: [{ code: "case_must_be_open" }] });
  });

  describe("invalid input", () => {
    it("refuses another customer's transaction, a duplicate voucher, an activity before the case and an unknown kind", () => {
      const r = openCase("C", [inv, inv, { ...inv, customer: "D", voucher: "X" }], day);
      expect(!r.ok && r.errors.map((e) => e.code)).toEqual(["voucher_must_be_unique", "case_must_have_one_customer"]);
      const c = openCase("C", [inv], day);
      if (!c.ok) throw new Error("open failed");
      expect(addActivity(c.value, { kind: "Call", dateSerial: day - 1, agent: "a", outcome: "" })).toMatchObject({ ok: false, errors: [{ code: "activity_must_not_precede_case" }] });
      expect(addActivity(c.value, { kind: "Fax" as "Call", dateSerial: day, agent: "a", outcome: "" })).toMatchObject({ ok: false, errors: [{ code: "activity_kind_must_be_known" }] });
      expect(closeCase(c.value, day - 1)).toMatchObject({ ok: false, errors: [{ code: "close_date_must_not_precede_case" }] });
    });
  });
});

describe("pools and agents", () => {
  const customers = [
    { customer: "1", customerGroup: "Retail", currency: "USD", balanceMinor: 500000 },
    { customer: "2", customerGroup: "Retail", currency: "EUR", balanceMinor: 10000 },
    { customer: "3", customerGroup: "Wholesale", currency: "USD", balanceMinor: 900000, agent: "bo" },
  ];
  it("filters by every criterion the pool sets", () => {
    expect(customers.filter((c) => inPool(c, { pool: "Big USD", currencies: ["usd"], minBalanceMinor: 100000 })).map((c) => c.customer)).toEqual(["1", "3"]);
    expect(customers.filter((c) => inPool(c, { pool: "Retail", customerGroups: ["Retail"], maxBalanceMinor: 100000 })).map((c) => c.customer)).toEqual(["2"]);
    expect(customers.filter((c) => inPool(c, { pool: "All" })).length).toBe(3);
  });
  it("shows an agent only the customers of their pools and those assigned to them", () => {
    const pools = [{ pool: "R", agent: "ana", customerGroups: ["Retail"] }, { pool: "W", agent: "bo", customers: ["9"] }];
    expect(customersForAgent("ANA", pools, customers).map((c) => c.customer)).toEqual(["1", "2"]);
    expect(customersForAgent("bo", pools, customers).map((c) => c.customer)).toEqual(["3"]);
    expect(customersForAgent("cy", pools, customers)).toEqual([]);
  });
});
