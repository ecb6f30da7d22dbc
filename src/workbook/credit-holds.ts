/**
 * The hold list on a sheet: `Order | Customer | Amount | Currency | Status | Reasons | Forced | Step |
 * ReleasedAmount` rows <-> `HoldRecord`s, and hold-log entries -> rows of a `Credit hold log` sheet.
 */
import type { LatestAction } from "../domain/credit/holds/hold-list";
import { HOLD_LOG_HEADER, type HoldLogEntry, type HoldReason, type HoldRecord, type HoldStatus } from "../domain/credit/holds/types";
import { CHECKPOINT_STEPS, REASON_CODES } from "../domain/credit/types";
import { isoFromSerial } from "../domain/dates";
import { ok, type Result } from "../domain/errors";
import { exponentOf, minorToNumber } from "../domain/money";
import { matchChoice, readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";
import { dropUndefined } from "./transactions";

export const HOLD_LIST_HEADER = ["Order", "Customer", "Amount", "Currency", "Status", "Reasons", "Forced", "Step", "ReleasedAmount"] as const;

const HOLD_COLUMNS: readonly ColumnSpec[] = [
  { key: "order", header: "Order", aliases: ["SalesOrder", "OrderNo"], required: true },
  { key: "customer", header: "Customer", aliases: ["Account"], required: true },
  { key: "amount", header: "Amount", required: true },
  { key: "currency", header: "Currency" },
  { key: "status", header: "Status", required: true },
  { key: "reasons", header: "Reasons", aliases: ["Reason", "HoldReasons"] },
  { key: "forced", header: "Forced", aliases: ["Manual", "ForcedHold"] },
  { key: "step", header: "Step", aliases: ["Checkpoint"] },
  { key: "releasedAmount", header: "ReleasedAmount" },
];

const STATUSES: readonly HoldStatus[] = ["Hold", "ReadyToRelease", "Released", "Rejected"];
const REASONS: readonly HoldReason[] = [...REASON_CODES, "Manual"];

/**
 * Read a hold list written by `holdListTable` (or typed by hand).
 * @example readHolds([[...HOLD_LIST_HEADER], ["SO1", "C", 100, "USD", "Hold", "CreditLimit; DaysOverdue", false, "PackingSlip", null]]).value[0].reasons // ["CreditLimit", "DaysOverdue"]
 */
export function readHolds(range: unknown, options: ReadOptions & { name?: string } = {}): Result<HoldRecord[]> {
  const matched = matchTable(range, HOLD_COLUMNS, options.name ?? "holds");
  if (!matched.ok) return matched;
  return readEachRow<HoldRecord>(matched.value, options, (r, out) => {
    const { code: currency, exponent: exp } = r.currency();
    const reasons: HoldReason[] = [];
    for (const part of (r.text("reasons") ?? "").split(/[;,]/).map((p) => p.trim()).filter((p) => p !== "")) {
      const found = matchChoice(part, REASONS);
      if (found === undefined) r.error("reasons", "reasons_must_be_known", { reason: part, reasons: REASONS.join(", ") });
      else reasons.push(found);
    }
    const status = r.choice("status", STATUSES, { Held: "Hold", OnHold: "Hold", Ready: "ReadyToRelease", Cancelled: "Rejected" });
    if (status === undefined && r.blank("status")) r.error("status", "status_must_not_be_blank", {});
    const rec = {
      order: r.text("order", true),
      customer: r.text("customer", true),
      amountMinor: r.money("amount", exp ?? 2, true),
      currency,
      status,
      reasons,
      forced: r.bool("forced"),
      step: r.choice("step", CHECKPOINT_STEPS),
      releasedAmountMinor: r.money("releasedAmount", exp ?? 2),
    };
    out.push(dropUndefined(rec) as unknown as HoldRecord);
  });
}

/** Hold records as rows under `HOLD_LIST_HEADER`. */
export function holdListTable(holds: readonly HoldRecord[]): (string | number | boolean)[][] {
  const money = (minor: number | undefined, currency: string): string | number => (minor === undefined ? "" : minorToNumber(minor, exponentOf(currency)));
  return [
    [...HOLD_LIST_HEADER],
    ...holds.map((h) => [h.order, h.customer, money(h.amountMinor, h.currency), h.currency, h.status, h.reasons.join("; "), h.forced, h.step ?? "", money(h.releasedAmountMinor, h.currency)]),
  ];
}

/**
 * @example holdLogTable([entry]) // [["Order", "Customer", "Action", "Reason", "Status", "Date", "Reasons"], ["SO1", "C", "Release", "Paid", "Released", "2024-06-30", ""]]
 */
export function holdLogTable(entries: readonly HoldLogEntry[], dates: "iso" | "serial" = "iso"): (string | number)[][] {
  return [
    [...HOLD_LOG_HEADER],
    ...entries.map((e) => [e.order, e.customer, e.action, e.reason, e.status, dates === "iso" ? isoFromSerial(e.dateSerial) : e.dateSerial, e.reasons]),
  ];
}

const LOG_COLUMNS: readonly ColumnSpec[] = [
  { key: "order", header: "Order", aliases: ["SalesOrder", "OrderNo"], required: true },
  { key: "action", header: "Action", required: true },
  { key: "status", header: "Status", required: true },
  { key: "reasons", header: "Reasons" },
  { key: "amount", header: "Amount" },
];

/**
 * The latest action of each order in a `Credit hold log` range (its rows are in posting order), by
 * header, for `holdList`. An absent or empty log gives an empty map.
 * @example readLatestHoldActions([[...HOLD_LOG_HEADER], ["SO1", "C", "Hold", "x", "Hold", 1, "A"], ["SO1", "C", "Release", "y", "Released", 2, ""]]).value.get("SO1") // { action: "Release", status: "Released", reasons: "" }
 */
export function readLatestHoldActions(range: unknown, options: ReadOptions & { name?: string } = {}): Result<Map<string, LatestAction>> {
  const out = new Map<string, LatestAction>();
  if (!Array.isArray(range) || range.length === 0) return ok(out);
  const matched = matchTable(range, LOG_COLUMNS, options.name ?? "holdLog");
  if (!matched.ok) return matched;
  const rows = readEachRow<true>(matched.value, options, (r) => {
    const order = r.text("order");
    if (order === undefined) return;
    const status = r.choice("status", STATUSES);
    if (status === undefined) return;
    const amount = r.number("amount");
    out.set(order, { action: r.text("action", true) ?? "", status, reasons: r.text("reasons") ?? "", ...(amount !== undefined ? { amount } : {}) });
  });
  return rows.ok ? ok(out) : rows;
}
