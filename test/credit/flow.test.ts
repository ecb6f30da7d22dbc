import { shouldCheck, validateCheckpoints } from "../../src/domain/credit/checkpoints";
import { forceHold } from "../../src/domain/credit/holds/force-hold";
import { holdFromCheck } from "../../src/domain/credit/holds/hold";
import { reevaluateHold } from "../../src/domain/credit/holds/reevaluate";
import { rejectHold } from "../../src/domain/credit/holds/reject";
import { releaseHold } from "../../src/domain/credit/holds/release";
import { orderValueChanged } from "../../src/domain/credit/holds/value-change";
import type { HoldRecord } from "../../src/domain/credit/holds/types";
import { checkCredit } from "../../src/domain/credit/check";
import type { Checkpoint } from "../../src/domain/credit/types";
import { unwrap } from "../../src/domain/errors";
import { book, customer, invoice, rule } from "./fixtures";

const cp = (step: Checkpoint["step"], graceDays?: number, posting = true, proForma = false): Checkpoint => ({ step, posting, proForma, ...(graceDays !== undefined ? { graceDays } : {}), row: 2 });

const check = (...args: Parameters<typeof shouldCheck>): boolean => unwrap(shouldCheck(...args));

describe("W7 checkpoints and grace days", () => {
  const cps = [cp("Confirmation", 2), cp("PackingSlip", 0), cp("Invoice", 0)];
  const after = { step: "Confirmation" as const, daySerial: 1 };
  it.each([
    ["PackingSlip", 2, false],
    ["PackingSlip", 3, false],
    ["Invoice", 4, true],
  ] as const)("confirmed on day 1 with 2 grace days: %s on day %i checks = %s", (step, day, expected) => {
    expect(check(cps, { step, mode: "Posting", daySerial: day, lastPass: after, rulesConfigured: true })).toBe(expected);
  });
  it("then the next checkpoint's grace days apply", () => {
    const cps2 = [cp("Confirmation", 2), cp("PackingSlip", 5), cp("Invoice", 0)];
    const last = { step: "PackingSlip" as const, daySerial: 4 };
    expect(check(cps2, { step: "Invoice", mode: "Posting", daySerial: 9, lastPass: last, rulesConfigured: true })).toBe(false);
    expect(check(cps2, { step: "Invoice", mode: "Posting", daySerial: 10, lastPass: last, rulesConfigured: true })).toBe(true);
  });
  it("without grace days every enabled step checks; disabled steps and modes never do", () => {
    const plain = [cp("Confirmation"), cp("PackingSlip", undefined, false, true)];
    // Issue #11: a blank grace is no grace, not 0: a second posting on the same day checks again.
    expect(check(plain, { step: "Confirmation", mode: "Posting", daySerial: 1, lastPass: { step: "Confirmation", daySerial: 1 }, rulesConfigured: true })).toBe(true);
    expect(check(plain, { step: "Confirmation", mode: "Posting", daySerial: 2, lastPass: { step: "Confirmation", daySerial: 1 }, rulesConfigured: true })).toBe(true);
    expect(check(plain, { step: "PackingSlip", mode: "Posting", daySerial: 5, rulesConfigured: true })).toBe(false);
    expect(check(plain, { step: "PackingSlip", mode: "ProForma", daySerial: 5, rulesConfigured: true })).toBe(true);
    expect(check(plain, { step: "Invoice", mode: "Posting", daySerial: 5, rulesConfigured: true })).toBe(false);
  });
  it("with 0 grace days a step is not checked again on the same day, but the next day it is", () => {
    const zero = [cp("Confirmation", 0), cp("Invoice", 0)];
    const last = { step: "Confirmation" as const, daySerial: 5 };
    expect(check(zero, { step: "Confirmation", mode: "Posting", daySerial: 5, lastPass: last, rulesConfigured: true })).toBe(false);
    expect(check(zero, { step: "Confirmation", mode: "Posting", daySerial: 6, lastPass: last, rulesConfigured: true })).toBe(true);
  });
  it("a posting day before the last pass is an error, not FALSE", () => {
    const r = shouldCheck(cps, { step: "Invoice", mode: "Posting", daySerial: 0, lastPass: after, rulesConfigured: true });
    expect(r).toMatchObject({ ok: false, errors: [{ code: "day_must_not_be_before_the_last_pass", column: "day" }] });
  });
  it("in the order flow checks run only when rules and checkpoints are both set up", () => {
    expect(check(cps, { step: "Invoice", mode: "Posting", daySerial: 9, rulesConfigured: false })).toBe(false);
    expect(check([], { step: "Invoice", mode: "Posting", daySerial: 9, rulesConfigured: true })).toBe(false);
  });
});

describe("checkpoint validation (invalid input)", () => {
  it("refuses grace days on one posting checkpoint only", () => {
    const r = validateCheckpoints([cp("Confirmation", 2), cp("Invoice")]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(["grace_days_must_be_on_all_posting_checkpoints"]);
  });
  it("refuses grace days without posting and a step listed twice", () => {
    const r = validateCheckpoints([cp("Confirmation", 2, false, true), cp("Confirmation")]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(["grace_days_need_posting", "checkpoint_must_appear_once"]);
  });
  it("accepts all or none", () => {
    expect(validateCheckpoints([cp("Confirmation", 2), cp("Invoice", 0)]).ok).toBe(true);
    expect(validateCheckpoints([cp("Confirmation"), cp("Invoice")]).ok).toBe(true);
  });
});

describe("hold list actions", () => {
  const b = book({ customers: [customer({ customer: "C", creditLimitMinor: 100_000 })], transactions: [invoice("C", 900, 75)] });
  const rules = [rule({ ruleType: "DaysOverdue", value: "60" })];
  const held = unwrap(checkCredit(b, { customer: "C", amountMinor: 20_000 }, rules));
  const start = unwrap(holdFromCheck({ order: "SO1", customer: "C", amountMinor: 20_000, currency: "USD", step: "PackingSlip" }, held, 100));
  const hold = start?.hold as HoldRecord;

  it("a held check becomes a hold with its reasons and a log entry", () => {
    expect(hold).toMatchObject({ status: "Hold", reasons: ["CreditLimit", "DaysOverdue"], forced: false });
    expect(start?.log).toEqual({ order: "SO1", customer: "C", action: "Hold", reason: "Credit check", status: "Hold", dateSerial: 100, reasons: "CreditLimit; DaysOverdue" });
  });
  it("release with posting re-runs the held step; without posting it does not", () => {
    const withPosting = unwrap(releaseHold(hold, { reason: "Paid", withPosting: true, dateSerial: 101 }));
    expect(withPosting).toMatchObject({ repostStep: "PackingSlip", hold: { status: "Released", releasedAmountMinor: 20_000 }, log: { action: "ReleaseWithPosting", reason: "Paid" } });
    const without = unwrap(releaseHold(hold, { reason: "Paid", withPosting: false, dateSerial: 101 }));
    expect(without.repostStep).toBeUndefined();
    expect(without.log.action).toBe("Release");
  });
  it("reject needs a reason and cannot follow a release", () => {
    expect(unwrap(rejectHold(hold, { reason: "Insolvent", dateSerial: 101 })).hold.status).toBe("Rejected");
    const blank = rejectHold(hold, { reason: " ", dateSerial: 101 });
    expect(blank.ok ? "" : blank.errors[0]?.code).toBe("reason_must_not_be_blank");
    const released = unwrap(releaseHold(hold, { reason: "ok", withPosting: false, dateSerial: 101 })).hold;
    const again = rejectHold(released, { reason: "x", dateSerial: 102 });
    expect(again.ok ? "" : again.errors[0]?.code).toBe("hold_status_must_allow_action");
  });
  it("re-evaluate clears reasons that no longer hold; all cleared = ready to release", () => {
    const paidDown = book({ customers: [customer({ customer: "C", creditLimitMinor: 100_000 })], transactions: [invoice("C", 100, 75)] });
    const fresh = unwrap(checkCredit(paidDown, { customer: "C", amountMinor: 20_000 }, rules));
    expect(unwrap(reevaluateHold(hold, fresh, 102)).hold).toMatchObject({ status: "Hold", reasons: ["DaysOverdue"] });
    const clean = unwrap(checkCredit(paidDown, { customer: "C", amountMinor: 20_000 }, []));
    expect(unwrap(reevaluateHold(hold, clean, 102)).hold).toMatchObject({ status: "ReadyToRelease", reasons: [] });
  });
  it("a forced hold is never cleared by re-evaluation", () => {
    const forced = unwrap(forceHold(hold, { reason: "Dispute", dateSerial: 102 })).hold;
    const clean = unwrap(checkCredit(book({ customers: [customer({ customer: "C", creditLimitMinor: 100_000 })] }), { customer: "C", amountMinor: 1 }, []));
    expect(unwrap(reevaluateHold(forced, clean, 103)).hold).toMatchObject({ status: "Hold", reasons: ["Manual"], forced: true });
  });
  it("a released order whose value increases is checked again unless edits after release are allowed", () => {
    const released = unwrap(releaseHold(hold, { reason: "ok", withPosting: false, dateSerial: 101 })).hold;
    let calls = 0;
    const check = (amountMinor: number) => {
      calls++;
      return checkCredit(b, { customer: "C", amountMinor }, []);
    };
    expect(unwrap(orderValueChanged(released, { newAmountMinor: 30_000, allowEditAfterRelease: false, check, dateSerial: 104 })).hold).toMatchObject({ status: "Hold", reasons: ["CreditLimit"], amountMinor: 30_000 });
    expect(unwrap(orderValueChanged(released, { newAmountMinor: 30_000, allowEditAfterRelease: true, check, dateSerial: 104 })).hold.status).toBe("Released");
    expect(unwrap(orderValueChanged(released, { newAmountMinor: 10_000, allowEditAfterRelease: false, check, dateSerial: 104 })).hold.status).toBe("Released");
    expect(calls).toBe(1);
  });
});
