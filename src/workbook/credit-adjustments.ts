/**
 * Credit-limit adjustment lines on a sheet: `Target | Account | Type | NewLimit | Currency | From |
 * To | Expiry | Reason`. The generator's proposal is written with `adjustmentLinesTable`, reviewed
 * by a person, and read back with `readAdjustments` before `adjustmentJournal` and `postAdjustments`.
 */
import type { CreditLimitAdjustmentLine } from "../domain/credit/adjustments/types";
import { isoFromSerial } from "../domain/dates";
import { type Result } from "../domain/errors";
import { exponentOf, minorToNumber } from "../domain/money";
import { readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";
import { dropUndefined } from "./transactions";

export const ADJUSTMENT_HEADER = ["Target", "Account", "Type", "NewLimit", "Currency", "From", "To", "Expiry", "Reason"] as const;

const ADJUSTMENT_COLUMNS: readonly ColumnSpec[] = [
  { key: "target", header: "Target", aliases: ["Level"] },
  { key: "account", header: "Account", aliases: ["Customer", "CreditGroup"], required: true },
  { key: "type", header: "Type", aliases: ["LimitType"] },
  { key: "newLimit", header: "NewLimit", aliases: ["CreditLimit", "Limit", "NewCreditLimit"], required: true },
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy"] },
  { key: "from", header: "From", aliases: ["FromDate", "ValidFrom"] },
  { key: "to", header: "To", aliases: ["ToDate", "ValidTo"] },
  { key: "expiry", header: "Expiry", aliases: ["CreditLimitExpiry", "ExpiryDate"] },
  { key: "reason", header: "Reason", aliases: ["ReasonCode"], required: true },
];

/**
 * Blank Target = Customer, blank Type = Normal; a Reason is required on every line.
 * @example readAdjustments([["Account", "NewLimit", "Currency", "Reason"], ["C1", 5000, "USD", "Review"]]).value[0].newLimitMinor // 500000
 */
export function readAdjustments(range: unknown, options: ReadOptions & { name?: string } = {}): Result<CreditLimitAdjustmentLine[]> {
  const matched = matchTable(range, ADJUSTMENT_COLUMNS, options.name ?? "adjustments");
  if (!matched.ok) return matched;
  return readEachRow<CreditLimitAdjustmentLine>(matched.value, options, (r, out) => {
    const { code: currency, exponent: exp } = r.currency();
    const type = r.choice("type", ["Normal", "Temporary"] as const) ?? "Normal";
    const rec = {
      target: r.choice("target", ["Customer", "Group"] as const, { CreditGroup: "Group" }) ?? "Customer",
      account: r.text("account", true),
      type,
      newLimitMinor: r.money("newLimit", exp ?? 2, true),
      currency,
      fromSerial: r.date("from", type === "Temporary"),
      toSerial: r.date("to", type === "Temporary"),
      expirySerial: r.date("expiry"),
      reason: r.text("reason", true),
    };
    out.push(dropUndefined(rec) as unknown as CreditLimitAdjustmentLine);
  });
}

/** Lines as rows under `ADJUSTMENT_HEADER`, dates as ISO text. */
export function adjustmentLinesTable(lines: readonly CreditLimitAdjustmentLine[]): (string | number)[][] {
  const date = (s: number | undefined): string => (s === undefined ? "" : isoFromSerial(s));
  return [
    [...ADJUSTMENT_HEADER],
    ...lines.map((l) => [l.target, l.account, l.type, minorToNumber(l.newLimitMinor, exponentOf(l.currency)), l.currency, date(l.fromSerial), date(l.toSerial), date(l.expirySerial), l.reason]),
  ];
}
