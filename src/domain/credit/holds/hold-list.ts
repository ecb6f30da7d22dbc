/**
 * The hold list after a credit-check run (docs/domain.md §5.5), given what the hold log says happened to
 * each order last: a forced hold stays on the list (never released automatically); an order that was
 * released or rejected stays off it, unless a released order's value has since increased: then it
 * is checked again (`orderValueChanged`, edits after release not allowed) and a check that holds
 * puts it back on the list; every other order is held when its check holds it, else it passed (and
 * can be force-held).
 */
import { ok, type Result } from "../../errors";
import type { OrderCheck } from "../batch";
import { Decimal } from "../../_lib/decimal";
import { exponentOf, HALF_AWAY_FROM_ZERO, pow10, roundMinor } from "../../money";
import { holdFromCheck } from "./hold";
import { orderValueChanged } from "./value-change";
import type { HoldRecord, HoldStatus } from "./types";

/** The latest log entry of one order. */
export interface LatestAction {
  readonly action: string;
  readonly status: HoldStatus;
  readonly reasons: string;
  /** The order's amount when the action was logged (major units of the order's currency), when the log has it. */
  readonly amount?: number;
}

export interface HoldList {
  /** Orders on the hold list: held by this run, or forced earlier. */
  readonly holds: readonly HoldRecord[];
  /** Orders that passed and can be force-held. */
  readonly passed: readonly HoldRecord[];
}

/**
 * In creditBatch SO1 passes and SO2 is held. Released, SO2 is on neither list even though this run
 * would hold it; force-held, SO1 is on the hold list even though it passes.
 * @example holdList(creditBatch.checked, new Map(), asOfSerial).value.holds.map((h) => [h.order, h.reasons]) // [["SO2", ["CreditLimit"]]]
 * @example
 * const released = new Map([["SO2", { action: "Release", status: "Released", reasons: "" }]]);
 * holdList(creditBatch.checked, released, asOfSerial).value // { holds: [], passed: [{ order: "SO1", customer: "C1", amountMinor: 50000, currency: "USD", status: "Released", reasons: [], forced: false }] }
 * @example
 * const forced = new Map([["SO1", { action: "ForceHold", status: "Hold", reasons: "Manual" }]]);
 * holdList(creditBatch.checked, forced, asOfSerial).value.holds.map((h) => [h.order, h.reasons]) // [["SO1", ["Manual"]], ["SO2", ["CreditLimit"]]]
 */
export function holdList(checked: readonly OrderCheck[], latest: ReadonlyMap<string, LatestAction>, asOfSerial: number): Result<HoldList> {
  const holds: HoldRecord[] = [];
  const passed: HoldRecord[] = [];
  for (const c of checked) {
    const base = { order: c.order.order, customer: c.order.customer, amountMinor: c.order.amountMinor, currency: c.order.currency };
    const last = latest.get(c.order.order);
    if (last !== undefined && last.action === "ForceHold" && last.status === "Hold") {
      holds.push({ ...base, status: "Hold", reasons: [...c.result.reasons, "Manual"], forced: true });
      continue;
    }
    if (last !== undefined && last.status === "Released" && last.amount !== undefined) {
      const releasedAmountMinor = roundMinor(new Decimal(String(last.amount)).mul(pow10(exponentOf(c.order.currency))), HALF_AWAY_FROM_ZERO);
      const released: HoldRecord = { ...base, status: "Released", reasons: [], forced: false, releasedAmountMinor };
      const changed = orderValueChanged(released, { newAmountMinor: c.order.amountMinor, allowEditAfterRelease: false, check: () => ok(c.result), dateSerial: asOfSerial });
      if (!changed.ok) return changed;
      if (changed.value.hold.status === "Hold") holds.push(changed.value.hold);
      continue;
    }
    if (last !== undefined && (last.status === "Released" || last.status === "Rejected")) continue;
    const held = holdFromCheck(base, c.result, asOfSerial);
    if (!held.ok) return held;
    if (held.value !== undefined) holds.push(held.value.hold);
    else passed.push({ ...base, status: "Released", reasons: [], forced: false });
  }
  return ok({ holds, passed });
}
