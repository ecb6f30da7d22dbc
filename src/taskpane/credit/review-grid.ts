/**
 * The credit review's held orders as grid rows (limit, exposure and available from the credit
 * check of each order) and the grid's view state as a pure reducer: search, reason filter, sort,
 * page and the selected orders for bulk release or reject.
 */
import type { HoldRecord } from "../../domain/credit/holds/types";
import type { Review } from "./review";

export interface HoldRow {
  readonly hold: HoldRecord;
  readonly order: string;
  readonly customer: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly reasons: readonly string[];
  readonly forced: boolean;
  /** The binding limit check's figures, in `limitCurrency`; null limit = no limit applies. */
  readonly limitMinor: number | null;
  readonly exposureMinor: number | undefined;
  readonly availableMinor: number | null;
  readonly limitCurrency: string;
}

export function holdRows(review: Review): HoldRow[] {
  const byOrder = new Map(review.checks.map((c) => [c.order.order, c.result]));
  return review.holds.map((h) => {
    const r = byOrder.get(h.order);
    return {
      hold: h, order: h.order, customer: h.customer, amountMinor: h.amountMinor, currency: h.currency, reasons: h.reasons, forced: h.forced,
      limitMinor: r?.limitMinor ?? null, exposureMinor: r?.exposureMinor, availableMinor: r?.availableMinor ?? null, limitCurrency: r?.currency ?? h.currency,
    };
  });
}

export const HOLD_SORT_KEYS = ["order", "customer", "amount", "available", "reasons"] as const;
export type HoldSortKey = (typeof HOLD_SORT_KEYS)[number];

export interface GridState {
  readonly search: string;
  /** Show only orders held for this reason ("" = all). */
  readonly reason: string;
  readonly sort: HoldSortKey;
  readonly direction: "ascending" | "descending";
  readonly page: number;
  readonly selected: ReadonlySet<string>;
}

export const INITIAL_GRID: GridState = { search: "", reason: "", sort: "available", direction: "ascending", page: 0, selected: new Set() };
export const GRID_PAGE_SIZE = 25;

export type GridAction =
  | { readonly type: "search"; readonly search: string }
  | { readonly type: "reason"; readonly reason: string }
  | { readonly type: "sort"; readonly sort: HoldSortKey; readonly direction: "ascending" | "descending" }
  | { readonly type: "page"; readonly page: number }
  | { readonly type: "select"; readonly selected: ReadonlySet<string> }
  | { readonly type: "done"; readonly orders: readonly string[] };

export function gridReducer(state: GridState, action: GridAction): GridState {
  switch (action.type) {
    case "search":
      return { ...state, search: action.search, page: 0 };
    case "reason":
      return { ...state, reason: action.reason, page: 0 };
    case "sort":
      return { ...state, sort: action.sort, direction: action.direction, page: 0 };
    case "page":
      return { ...state, page: Math.max(0, action.page) };
    case "select":
      return { ...state, selected: new Set(action.selected) };
    case "done": {
      // Orders acted on leave the list: they leave the selection too.
      const selected = new Set(state.selected);
      for (const o of action.orders) selected.delete(o);
      return { ...state, selected };
    }
  }
}

function value(r: HoldRow, key: HoldSortKey): number | string {
  switch (key) {
    case "order":
      return r.order;
    case "customer":
      return r.customer;
    case "amount":
      return r.amountMinor;
    case "available":
      // No limit (unlimited or none checked) sorts after every limited order.
      return r.availableMinor ?? Number.MAX_SAFE_INTEGER;
    case "reasons":
      return r.reasons.join(", ");
  }
}

export function compareHolds(a: HoldRow, b: HoldRow, key: HoldSortKey, direction: "ascending" | "descending"): number {
  const x = value(a, key);
  const y = value(b, key);
  const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en", { numeric: true });
  const d = direction === "ascending" ? c : -c;
  return d !== 0 ? d : a.order.localeCompare(b.order, "en", { numeric: true });
}

export function visibleHolds(rows: readonly HoldRow[], state: GridState): { rows: HoldRow[]; total: number; page: number; pages: number } {
  const needle = state.search.trim().toLowerCase();
  const filtered = rows.filter((r) => (state.reason === "" || r.reasons.includes(state.reason)) && (needle === "" || r.order.toLowerCase().includes(needle) || r.customer.toLowerCase().includes(needle)));
  filtered.sort((a, b) => compareHolds(a, b, state.sort, state.direction));
  const pages = Math.max(1, Math.ceil(filtered.length / GRID_PAGE_SIZE));
  const page = Math.min(state.page, pages - 1);
  return { rows: filtered.slice(page * GRID_PAGE_SIZE, (page + 1) * GRID_PAGE_SIZE), total: filtered.length, page, pages };
}

/** The reasons present among the rows, for the filter. */
export function reasonsOf(rows: readonly HoldRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.reasons))].sort();
}
