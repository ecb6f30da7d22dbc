/**
 * The batch credit check: every open order of the book against the ledger, for the CLI and the
 * task pane's Credit review. Exposure is aggregated once per customer and group (the book's Maps),
 * so the cost is one pass over the ledger plus one constant-time check per order.
 */
import { ok, type Result } from "../errors";
import type { CreditBook } from "./book";
import type { CreditCheckOptions } from "./check";
import { batchCache, checkBookOrder } from "./_lib/check-order";
import { compileRules } from "./_lib/measure";
import { type BlockingRule, type CreditCheckResult, OPEN_ORDER_STATUSES, type Order } from "./types";

export interface OrderCheck {
  readonly order: Order;
  readonly result: CreditCheckResult;
}

export interface BatchCheck {
  /**
   * One result per open order (Open, Hold, Released), in the orders' row order. Results are
   * read-only: orders of one customer and currency whose result cannot differ (no rule reads the
   * order, no rank check) share one result object.
   */
  readonly checked: readonly OrderCheck[];
  /** Orders not checked because they are Invoiced or Cancelled. */
  readonly skipped: readonly Order[];
}

/**
 * Check every open order of `book.orders`. Each order is already part of its customer's exposure,
 * so the exposure of all orders of one customer is the same: the balance plus all open orders.
 * SO1 (C1, exposure 9,500.00 of 10,000.00) passes; SO2 (C2, no credit) is held; SO3 is invoiced:
 * @example
 * checkOrders(creditBookC1C2, []).value.checked.map((c) => [c.order.order, c.result.status]) // [["SO1", "OK"], ["SO2", "HOLD"]]
 * checkOrders(creditBookC1C2, []).value.skipped.map((o) => o.order) // ["SO3"]
 */
export function checkOrders(book: CreditBook, rules: readonly BlockingRule[], options: CreditCheckOptions = {}): Result<BatchCheck> {
  // Sized once (most orders are open) instead of grown by doubling; trimmed at the end.
  const checked = new Array<OrderCheck>(book.orders.length);
  let n = 0;
  const skipped: Order[] = [];
  const compiled = compileRules(rules);
  const cache = batchCache(compiled, options);
  for (const order of book.orders) {
    if (!OPEN_ORDER_STATUSES.has(order.status)) {
      skipped.push(order);
      continue;
    }
    const result = checkBookOrder(book, order, compiled, options, cache);
    if (!result.ok) {
      return { ok: false, errors: result.errors.map((e) => (e.row === undefined ? { ...e, table: "orders", row: order.row } : e)) };
    }
    checked[n++] = { order, result: result.value };
  }
  checked.length = n;
  return ok({ checked, skipped });
}
