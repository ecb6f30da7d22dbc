/**
 * The Credit limits grid's view state as a pure reducer: search, "changes only", sort and page.
 */
import type { LimitRow } from "../../domain/credit/risk/review";

export const LIMIT_SORT_KEYS = ["customer", "score", "limit", "proposed", "change"] as const;
export type LimitSortKey = (typeof LIMIT_SORT_KEYS)[number];

export interface LimitGridState {
  readonly search: string;
  /** Show only customers with a proposed change. */
  readonly changesOnly: boolean;
  readonly sort: LimitSortKey;
  readonly direction: "ascending" | "descending";
  readonly page: number;
}

export const INITIAL_LIMIT_GRID: LimitGridState = { search: "", changesOnly: false, sort: "score", direction: "ascending", page: 0 };
export const LIMIT_PAGE_SIZE = 25;

export type LimitGridAction =
  | { readonly type: "search"; readonly search: string }
  | { readonly type: "changesOnly"; readonly changesOnly: boolean }
  | { readonly type: "sort"; readonly sort: LimitSortKey; readonly direction: "ascending" | "descending" }
  | { readonly type: "page"; readonly page: number };

export function limitGridReducer(state: LimitGridState, action: LimitGridAction): LimitGridState {
  switch (action.type) {
    case "search":
      return { ...state, search: action.search, page: 0 };
    case "changesOnly":
      return { ...state, changesOnly: action.changesOnly, page: 0 };
    case "sort":
      return { ...state, sort: action.sort, direction: action.direction, page: 0 };
    case "page":
      return { ...state, page: Math.max(0, action.page) };
  }
}

function value(r: LimitRow, key: LimitSortKey): number | string {
  switch (key) {
    case "customer":
      return r.customer;
    case "score":
      return r.score;
    case "limit":
      // Unlimited sorts after every limit.
      return r.limitMinor ?? Number.MAX_SAFE_INTEGER;
    case "proposed":
      return r.line?.newLimitMinor ?? r.limitMinor ?? Number.MAX_SAFE_INTEGER;
    case "change":
      return r.changeMinor;
  }
}

export function compareLimits(a: LimitRow, b: LimitRow, key: LimitSortKey, direction: "ascending" | "descending"): number {
  const x = value(a, key);
  const y = value(b, key);
  const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en", { numeric: true });
  const d = direction === "ascending" ? c : -c;
  return d !== 0 ? d : a.customer.localeCompare(b.customer, "en", { numeric: true });
}

/**
 * The rows the grid shows: searched by customer, name or risk group, filtered, sorted, one page.
 * @example visibleLimits(rows, { ...INITIAL_LIMIT_GRID, search: "C0001" }).total // 1
 */
export function visibleLimits(rows: readonly LimitRow[], state: LimitGridState): { rows: LimitRow[]; total: number; page: number; pages: number } {
  const needle = state.search.trim().toLowerCase();
  const filtered = rows.filter(
    (r) => (!state.changesOnly || r.line !== undefined) && (needle === "" || r.customer.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle) || r.riskGroup.toLowerCase() === needle),
  );
  filtered.sort((a, b) => compareLimits(a, b, state.sort, state.direction));
  const pages = Math.max(1, Math.ceil(filtered.length / LIMIT_PAGE_SIZE));
  const page = Math.min(state.page, pages - 1);
  return { rows: filtered.slice(page * LIMIT_PAGE_SIZE, (page + 1) * LIMIT_PAGE_SIZE), total: filtered.length, page, pages };
}
