/**
 * Row windowing for the customer list: which rows of a long list to render for a scroll position,
 * so that 10,000 customers cost the DOM about a screenful of rows. Rows have one fixed height
 * (the grid's styles fix it); `overscan` rows above and below keep fast scrolling from showing
 * blanks. Pure, so it is tested without a browser.
 */
export interface VirtualWindow {
  /** First rendered row (0-based). */
  readonly start: number;
  /** One past the last rendered row. */
  readonly end: number;
  /** Height of the rows above the window, px. */
  readonly before: number;
  /** Height of the rows below the window, px. */
  readonly after: number;
}

/** The viewport height assumed when the browser gives none (jsdom, a hidden pane). */
export const FALLBACK_VIEWPORT_PX = 640;

/**
 * @example virtualWindow({ count: 10000, rowHeight: 64, scrollTop: 6400, viewport: 640, overscan: 5 })
 * // { start: 95, end: 115, before: 6080, after: 632640 }
 */
export function virtualWindow(p: { count: number; rowHeight: number; scrollTop: number; viewport: number; overscan: number }): VirtualWindow {
  const count = Math.max(0, Math.floor(p.count));
  const viewport = p.viewport > 0 ? p.viewport : FALLBACK_VIEWPORT_PX;
  const first = Math.floor(Math.max(0, p.scrollTop) / p.rowHeight);
  const visible = Math.ceil(viewport / p.rowHeight);
  const start = Math.min(count, Math.max(0, first - p.overscan));
  const end = Math.min(count, first + visible + p.overscan);
  return { start, end: Math.max(start, end), before: start * p.rowHeight, after: (count - Math.max(start, end)) * p.rowHeight };
}
