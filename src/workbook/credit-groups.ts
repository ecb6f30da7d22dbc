/**
 * The CreditGroups and TemporaryLimits tables (docs/domain.md §2).
 */
import type { CreditGroup, TemporaryLimit } from "../domain/credit/types";
import { type Result } from "../domain/errors";
import { exponentOf, NO_CURRENCY } from "../domain/money";
import { readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";
import { dropUndefined } from "./transactions";

export const CREDIT_GROUP_COLUMNS: readonly ColumnSpec[] = [
  { key: "creditGroup", header: "CreditGroup", aliases: ["Group", "CreditLimitGroup"], required: true },
  { key: "creditLimit", header: "CreditLimit", aliases: ["Limit"], required: true },
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy", "Valuta"] },
  { key: "creditLimitExpiry", header: "CreditLimitExpiry", aliases: ["Expiry", "ExpiryDate"] },
];

/**
 * Read a CreditGroups range.
 * @example readCreditGroups([["CreditGroup", "CreditLimit", "Currency"], ["G", 15000, "USD"]]).value[0].creditLimitMinor // 1500000
 */
export function readCreditGroups(range: unknown, options: ReadOptions & { name?: string } = {}): Result<CreditGroup[]> {
  const name = options.name ?? "groups";
  const matched = matchTable(range, CREDIT_GROUP_COLUMNS, name);
  if (!matched.ok) return matched;
  const seen = new Map<string, number>();
  return readEachRow<CreditGroup>(matched.value, options, (r, out) => {
    const creditGroup = r.text("creditGroup", true);
    if (creditGroup !== undefined) {
      const first = seen.get(creditGroup);
      if (first !== undefined) r.error("creditGroup", "credit_group_must_appear_once", { group: creditGroup, first });
      else seen.set(creditGroup, r.rowNumber);
    }
    const { code: currency, exponent: exponent } = r.currency();
    const creditLimitMinor = r.money("creditLimit", exponent ?? 2, true);
    if (creditLimitMinor !== undefined && creditLimitMinor < 0) r.error("creditLimit", "credit_limit_must_not_be_negative", {});
    const rec = { creditGroup, creditLimitMinor, currency, creditLimitExpirySerial: r.date("creditLimitExpiry"), row: r.rowNumber };
    out.push(dropUndefined(rec) as unknown as CreditGroup);
  });
}

export const TEMPORARY_LIMIT_COLUMNS: readonly ColumnSpec[] = [
  { key: "customer", header: "Customer", aliases: ["Cust", "Account", "CustomerAccount"] },
  { key: "creditGroup", header: "CreditGroup", aliases: ["Group"] },
  { key: "creditLimit", header: "CreditLimit", aliases: ["Limit", "TemporaryLimit"], required: true },
  { key: "from", header: "From", aliases: ["FromDate", "ValidFrom", "Start"], required: true },
  { key: "to", header: "To", aliases: ["ToDate", "ValidTo", "End", "Expiry"], required: true },
];

export interface ReadTemporaryLimitsOptions extends ReadOptions {
  readonly name?: string;
  /** The currency of a customer's or group's limit (for the amount's decimals); default 2 decimals. */
  readonly currencyOf?: (owner: "Customer" | "Group", account: string) => string | undefined;
}

/**
 * Read a TemporaryLimits range: each row names a Customer or a CreditGroup (not both). The limit
 * is in the owner's currency.
 * @example readTemporaryLimits([["Customer", "CreditLimit", "From", "To"], ["C1", 500, "2024-01-01", "2024-01-31"]]).value[0].creditLimitMinor // 50000
 */
export function readTemporaryLimits(range: unknown, options: ReadTemporaryLimitsOptions = {}): Result<TemporaryLimit[]> {
  const name = options.name ?? "temporaryLimits";
  const matched = matchTable(range, TEMPORARY_LIMIT_COLUMNS, name);
  if (!matched.ok) return matched;
  // Two limits of one owner covering the same day would make the limit depend on row order.
  const periods = new Map<string, { fromSerial: number; toSerial: number; row: number }[]>();
  return readEachRow<TemporaryLimit>(matched.value, options, (r, out) => {
    const customer = r.text("customer");
    const group = r.text("creditGroup");
    if ((customer === undefined) === (group === undefined)) {
      r.error("customer", "temporary_limit_needs_one_owner", {});
      return;
    }
    const owner = customer !== undefined ? "Customer" : "Group";
    const account = customer ?? group ?? "";
    const exponent = exponentOf(options.currencyOf?.(owner, account) ?? NO_CURRENCY);
    const creditLimitMinor = r.money("creditLimit", exponent, true);
    const fromSerial = r.date("from", true);
    const toSerial = r.date("to", true);
    if (fromSerial !== undefined && toSerial !== undefined && toSerial < fromSerial) r.error("to", "to_must_not_be_before_from", {});
    if (creditLimitMinor !== undefined && creditLimitMinor < 0) r.error("creditLimit", "credit_limit_must_not_be_negative", {});
    if (fromSerial !== undefined && toSerial !== undefined && toSerial >= fromSerial) {
      const key = `${owner}\u0000${account}`;
      const list = periods.get(key) ?? [];
      const clash = list.find((p) => p.fromSerial <= toSerial && fromSerial <= p.toSerial);
      if (clash !== undefined) {
        r.error("from", "temporary_limits_must_not_overlap", { owner, account, row: clash.row });
      }
      list.push({ fromSerial, toSerial, row: r.rowNumber });
      periods.set(key, list);
    }
    if (creditLimitMinor === undefined || fromSerial === undefined || toSerial === undefined) return;
    out.push({ owner, account, creditLimitMinor, fromSerial, toSerial, row: r.rowNumber });
  });
}
