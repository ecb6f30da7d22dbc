/**
 * The Orders table (open sales orders) -> `Order` records (docs/domain.md §2).
 */
import { ORDER_STATUSES, type Order, type OrderStatus } from "../domain/credit/types";
import { type Result } from "../domain/errors";
import { readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";
import { dropUndefined } from "./transactions";

export const ORDER_COLUMNS: readonly ColumnSpec[] = [
  { key: "order", header: "Order", aliases: ["SalesOrder", "OrderNo", "OrderNumber", "OrderId", "Order#", "Order", "Ordre", "Ordernummer"], required: true },
  { key: "customer", header: "Customer", aliases: ["Cust", "Account", "CustomerAccount", "CustomerId", "Kund", "Kunde"], required: true },
  { key: "amount", header: "Amount", aliases: ["OrderAmount", "OpenAmount", "Belopp", "Belob"], required: true },
  { key: "currency", header: "Currency", aliases: ["Cur", "Ccy", "Valuta"] },
  { key: "paymentTerms", header: "PaymentTerms", aliases: ["Terms", "TermsOfPayment"] },
  { key: "cashDiscount", header: "CashDiscount", aliases: ["CashDiscountCode", "DiscountCode"] },
  { key: "packingSlip", header: "PackingSlipAmount", aliases: ["PackingSlip", "Delivered", "DeliveredNotInvoiced", "ShippedNotInvoiced"] },
  { key: "status", header: "Status", aliases: ["OrderStatus"] },
];

const STATUS_ALIASES: Readonly<Record<string, OrderStatus>> = {
  Backorder: "Open", Confirmed: "Open", OnHold: "Hold", Held: "Hold", Delivered: "Open", Canceled: "Cancelled", Rejected: "Cancelled", Closed: "Invoiced",
};

/**
 * Read an Orders range. Blank Status is Open; blank PackingSlipAmount is 0. An order number
 * listed twice is an error.
 * @example readOrders([["Order", "Customer", "Amount"], ["SO1", "C1", 250]]).value[0].amountMinor // 25000
 */
export function readOrders(range: unknown, options: ReadOptions & { name?: string } = {}): Result<Order[]> {
  const name = options.name ?? "orders";
  const matched = matchTable(range, ORDER_COLUMNS, name);
  if (!matched.ok) return matched;
  const seen = new Map<string, number>();
  return readEachRow<Order>(matched.value, options, (r, out) => {
    const order = r.text("order", true);
    if (order !== undefined) {
      const first = seen.get(order);
      if (first !== undefined) r.error("order", "order_must_appear_once", { order, first });
      else seen.set(order, r.rowNumber);
    }
    const customer = r.text("customer", true);
    const { code: currency, exponent: exponent } = r.currency();
    const exp = exponent ?? 2;
    const amountMinor = r.money("amount", exp, true);
    const packingSlipMinor = r.money("packingSlip", exp) ?? 0;
    const rec: Record<string, unknown> = {
      order,
      customer,
      amountMinor,
      currency,
      paymentTerms: r.text("paymentTerms"),
      cashDiscount: r.text("cashDiscount"),
      packingSlipMinor,
      status: r.choice("status", ORDER_STATUSES, STATUS_ALIASES) ?? "Open",
      row: r.rowNumber,
    };
    out.push(dropUndefined(rec) as unknown as Order);
  });
}
