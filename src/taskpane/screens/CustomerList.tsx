import {
  Button, Caption1, createTableColumn, DataGrid, DataGridBody, DataGridCell, DataGridHeader, DataGridHeaderCell, DataGridRow, Field, Input, mergeClasses, Select, type TableColumnDefinition,
} from "@fluentui/react-components";
import * as React from "react";
import { SORT_KEYS, type SortKey } from "../collections/list-state";
import { useCollectText } from "../collections/text";
import { virtualWindow } from "../collections/virtual-window";
import type { CustomerRow } from "../collections/worklist";
import { useDateText } from "../components/date-text";
import type { Collections } from "../hooks/use-collections";
import { useDataWords } from "../i18n/data-words";
import { CUSTOMER_ROW_PX, useCollectionsStyles } from "./collections-styles";

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 6;

/**
 * The customer list: pool, agent, search and sort over every customer, in a DataGrid that renders
 * only the rows in view (10,000 customers stay a screenful of DOM rows). The grid's row count and
 * each row's index are announced (aria-rowcount, aria-rowindex), so a screen reader still hears
 * "row 5,001 of 10,001".
 */
export function CustomerList({ c }: { c: Collections }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const words = useDataWords();
  const dates = useDateText();
  const { t } = x;
  const ws = c.workspace;
  const v = c.visible;
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewport, setViewport] = React.useState(0);
  const scroller = React.useRef<HTMLDivElement>(null);
  const agents = React.useMemo(() => {
    const names = new Set<string>();
    for (const r of ws?.worklist.rows ?? []) if (r.agent !== "") names.add(r.agent);
    for (const p of ws?.pools ?? []) if (p.agent !== undefined && p.agent !== "") names.add(p.agent);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [ws]);
  // A new filter, search or sort starts at the top of the list.
  React.useEffect(() => {
    setScrollTop(0);
    if (scroller.current !== null) scroller.current.scrollTop = 0;
  }, [c.list.pool, c.list.agent, c.list.search, c.list.sort, c.list.direction]);
  React.useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return undefined;
    setViewport(el.clientHeight);
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ws]);
  const columns: TableColumnDefinition<CustomerRow>[] = React.useMemo(() => [
    createTableColumn<CustomerRow>({
      columnId: "customer",
      // The list is sorted as a whole by the reducer; the grid keeps the order it is given.
      compare: () => 0,
      renderHeaderCell: () => t("collect.column.customer"),
      renderCell: (r) => (
        <Button appearance="transparent" className={s.customerCell} onClick={() => c.dispatch({ type: "open", customer: r.customer })}>
          {x.customer(r.customer, r.name)}
        </Button>
      ),
    }),
    createTableColumn<CustomerRow>({
      columnId: "overdue",
      compare: () => 0,
      renderHeaderCell: () => t("collect.column.overdue"),
      renderCell: (r) => (
        <span className={s.cellText}>
          <span className={s.amount}>{r.overdueMinor === undefined ? "—" : x.money(r.overdueMinor, r.currency)}</span>
          <Caption1>{x.oldest(words.period(r.oldestPeriod), r.daysOverdue)}</Caption1>
        </span>
      ),
    }),
    createTableColumn<CustomerRow>({
      columnId: "status",
      compare: () => 0,
      renderHeaderCell: () => t("collect.column.status"),
      renderCell: (r) => (
        <span className={s.cellText}>
          <span className={mergeClasses(r.status === "PromiseToPayBroken" && s.broken, s.status)}>{x.statusCell(r.status)}</span>
          {r.promise !== undefined && (
            // The status above already says promise or broken promise: here the amount, on a line
            // of its own that never wraps or is cut, then the date (never split at its hyphens); the
            // whole sentence as a tooltip.
            <Caption1 className={mergeClasses(s.promiseLines, r.promise.broken && s.broken)} title={x.promise(r.promise, r.currency)}>
              <span className={s.amount}>{x.money(r.promise.amountMinor, r.currency)}</span>
              <span>{dates.message("collect.promiseBy", r.promise.dateSerial)}</span>
            </Caption1>
          )}
        </span>
      ),
    }),
  ], [c, s, t, x, words, dates]);
  if (ws === undefined || v === undefined) return null;
  const sortColumn = ["customer", "overdue", "status"].includes(c.list.sort) ? c.list.sort : undefined;
  const w = virtualWindow({ count: v.rows.length, rowHeight: CUSTOMER_ROW_PX, scrollTop, viewport, overscan: OVERSCAN });
  const shown = v.rows.slice(w.start, w.end);
  const indexOf = new Map(shown.map((r, i) => [r.customer, w.start + i]));
  return (
    <section aria-label={t("collect.customers")} className={s.stack}>
      <div className={s.row}>
        <Field label={t("collect.pool")} className={s.grow}>
          <Select className={s.select} value={c.list.pool} onChange={(_, d) => c.dispatch({ type: "pool", pool: d.value })}>
            <option value="">{t("collect.allPools")}</option>
            {ws.pools.map((p) => <option key={p.pool} value={p.pool}>{p.pool}</option>)}
          </Select>
        </Field>
        <Field label={t("collect.agent")} className={s.grow}>
          <Select className={s.select} value={c.list.agent} onChange={(_, d) => c.dispatch({ type: "agent", agent: d.value })}>
            <option value="">{t("collect.allAgents")}</option>
            {agents.map((a) => <option key={a} value={a}>{a}</option>)}
          </Select>
        </Field>
      </div>
      <Field label={t("collect.search")} hint={t("collect.searchHint")}>
        <Input type="search" value={c.list.search} onChange={(_, d) => c.dispatch({ type: "search", search: d.value })} />
      </Field>
      <div className={s.row}>
        <Field label={t("collect.sortBy")} className={s.grow}>
          <Select className={s.select} value={c.list.sort} onChange={(_, d) => c.dispatch({ type: "sort", sort: d.value as SortKey, direction: c.list.direction })}>
            {SORT_KEYS.map((k) => <option key={k} value={k}>{t(`collect.sort.${k}`)}</option>)}
          </Select>
        </Field>
        <Button onClick={() => c.dispatch({ type: "sort", sort: c.list.sort, direction: c.list.direction === "ascending" ? "descending" : "ascending" })}>
          {c.list.direction === "ascending" ? t("collect.ascending") : t("collect.descending")}
        </Button>
      </div>
      <Caption1 aria-live="polite">{t("collect.count", { total: v.total })}</Caption1>
      <DataGrid
        ref={scroller as never}
        items={shown}
        columns={columns}
        sortable
        sortState={{ sortColumn, sortDirection: c.list.direction }}
        onSortChange={(_, d) => c.dispatch({ type: "sort", sort: d.sortColumn as SortKey, direction: d.sortDirection })}
        getRowId={(r: CustomerRow) => r.customer}
        aria-label={t("collect.customers")}
        aria-rowcount={v.total + 1}
        className={s.grid}
        size="small"
        onScroll={(e: React.UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <DataGridHeader className={s.gridHeader}>
          <DataGridRow aria-rowindex={1}>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
        </DataGridHeader>
        {/* The rows above and below the window are space only: their height is known, not static, so it is set here. */}
        <DataGridBody<CustomerRow> style={{ paddingTop: w.before, paddingBottom: w.after }}>
          {({ item, rowId }) => (
            <DataGridRow<CustomerRow> key={rowId} className={s.customerRow} aria-rowindex={(indexOf.get(item.customer) ?? 0) + 2}>
              {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    </section>
  );
}
