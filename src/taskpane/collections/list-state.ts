/**
 * The customer list's view state as a pure reducer: pool, agent, search, sort and the customer
 * whose detail is open. `visibleRows` applies it to the rows (filter, search, sort); the list
 * shows them in a virtualized grid (src/taskpane/collections/virtual-window.ts), not in pages.
 */
import type { Pool } from "../../domain/collections";
import { rowsFor, type CustomerRow } from "./worklist";

export const SORT_KEYS = ["overdue", "balance", "oldest", "customer", "status", "promise", "lastActivity", "exposure"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "ascending" | "descending";

export interface ListState {
  readonly pool: string;
  readonly agent: string;
  readonly search: string;
  readonly sort: SortKey;
  readonly direction: SortDirection;
  /** The customer whose detail is open, "" for the list. */
  readonly selected: string;
}

export const INITIAL_LIST: ListState = { pool: "", agent: "", search: "", sort: "overdue", direction: "descending", selected: "" };

export type ListAction =
  | { readonly type: "pool"; readonly pool: string }
  | { readonly type: "agent"; readonly agent: string }
  | { readonly type: "search"; readonly search: string }
  | { readonly type: "sort"; readonly sort: SortKey; readonly direction?: SortDirection }
  | { readonly type: "open"; readonly customer: string }
  | { readonly type: "close" }
  | { readonly type: "reset" };

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case "pool":
      return { ...state, pool: action.pool };
    case "agent":
      return { ...state, agent: action.agent };
    case "search":
      return { ...state, search: action.search };
    case "sort": {
      // Choosing the column already sorted on flips the direction; a new column starts descending (largest first).
      const direction = action.direction ?? (action.sort === state.sort ? (state.direction === "ascending" ? "descending" : "ascending") : action.sort === "customer" ? "ascending" : "descending");
      return { ...state, sort: action.sort, direction };
    }
    case "open":
      return { ...state, selected: action.customer };
    case "close":
      return { ...state, selected: "" };
    case "reset":
      return INITIAL_LIST;
  }
}

const STATUS_ORDER: Readonly<Record<string, number>> = { PromiseToPayBroken: 4, Disputed: 3, PromiseToPay: 2, Resolved: 1, None: 0 };

/** A sort value per key; missing figures sort last whatever the direction. */
function sortValue(r: CustomerRow, key: SortKey): number | string | undefined {
  switch (key) {
    case "overdue":
      return r.overdueMinor;
    case "balance":
      return r.balanceMinor;
    case "oldest":
      return r.oldestPeriodIndex < 0 ? undefined : r.oldestPeriodIndex * 100000 + r.daysOverdue;
    case "customer":
      return r.customer;
    case "status":
      return STATUS_ORDER[r.status];
    case "promise":
      return r.promise?.dateSerial;
    case "lastActivity":
      return r.lastActivitySerial;
    case "exposure":
      return r.exposureMinor;
  }
}

export function compareRows(a: CustomerRow, b: CustomerRow, key: SortKey, direction: SortDirection): number {
  const x = sortValue(a, key);
  const y = sortValue(b, key);
  if (x === undefined || y === undefined) return x === y ? a.customer.localeCompare(b.customer) : x === undefined ? 1 : -1;
  const c = typeof x === "string" || typeof y === "string" ? String(x).localeCompare(String(y), "en", { numeric: true }) : x - y;
  const d = direction === "ascending" ? c : -c;
  return d !== 0 ? d : a.customer.localeCompare(b.customer, "en", { numeric: true });
}

export interface Visible {
  /** Rows after filter and search, sorted. */
  readonly rows: readonly CustomerRow[];
  readonly total: number;
}

/** Filter by pool and agent, search customer number and name, sort. */
export function visibleRows(all: readonly CustomerRow[], pools: readonly Pool[], state: ListState): Visible {
  const needle = state.search.trim().toLowerCase();
  const filtered = rowsFor(all, pools, state.pool, state.agent).filter((r) => needle === "" || r.customer.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle));
  filtered.sort((a, b) => compareRows(a, b, state.sort, state.direction));
  return { rows: filtered, total: filtered.length };
}
