import {
  Button, Caption1, createTableColumn, DataGrid, DataGridBody, DataGridCell, DataGridHeader, DataGridHeaderCell, DataGridRow, Field, Input, Select, type TableColumnDefinition,
} from "@fluentui/react-components";
import * as React from "react";
import { inputFromSerial } from "../_lib/dates";
import { money } from "../_lib/format";
import { compareRows, SORT_KEYS, type SortKey } from "../collections/list-state";
import { M } from "../collections/messages";
import type { CustomerRow } from "../collections/worklist";
import type { Collections } from "../hooks/use-collections";
import { useCollectionsStyles } from "./collections-styles";

const amount = (minor: number | undefined, currency: string): string => (minor === undefined ? "—" : money(minor, currency));

/** The customer list: pool, agent, search and sort, then a page of a sortable DataGrid. */
export function CustomerList({ c }: { c: Collections }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const ws = c.workspace;
  const v = c.visible;
  const agents = React.useMemo(() => {
    const names = new Set<string>();
    for (const r of ws?.worklist.rows ?? []) if (r.agent !== "") names.add(r.agent);
    for (const p of ws?.pools ?? []) if (p.agent !== undefined && p.agent !== "") names.add(p.agent);
    return [...names].sort((a, b) => a.localeCompare(b));
  }, [ws]);
  const columns: TableColumnDefinition<CustomerRow>[] = React.useMemo(() => [
    createTableColumn<CustomerRow>({
      columnId: "customer",
      compare: (a, b) => compareRows(a, b, "customer", "ascending"),
      renderHeaderCell: () => M.columnCustomer,
      renderCell: (r) => (
        <Button appearance="transparent" className={s.customerCell} onClick={() => c.dispatch({ type: "open", customer: r.customer })}>
          {M.open(r.customer, r.name)}
        </Button>
      ),
    }),
    createTableColumn<CustomerRow>({
      columnId: "overdue",
      compare: (a, b) => compareRows(a, b, "overdue", "ascending"),
      renderHeaderCell: () => M.columnOverdue,
      renderCell: (r) => (
        <span className={s.cellText}>
          <span className={s.amount}>{amount(r.overdueMinor, r.currency)}</span>
          <Caption1>{M.oldest(r.oldestPeriod, r.daysOverdue)}</Caption1>
        </span>
      ),
    }),
    createTableColumn<CustomerRow>({
      columnId: "status",
      compare: (a, b) => compareRows(a, b, "status", "ascending"),
      renderHeaderCell: () => M.columnStatus,
      renderCell: (r) => (
        <span className={s.cellText}>
          <span className={r.status === "PromiseToPayBroken" ? s.broken : undefined}>{M.statusLabels[r.status] ?? r.status}</span>
          {r.promise !== undefined && <Caption1 className={r.promise.broken ? s.broken : undefined}>{M.promise(inputFromSerial(r.promise.dateSerial), money(r.promise.amountMinor, r.currency), r.promise.broken)}</Caption1>}
        </span>
      ),
    }),
  ], [c, s]);
  if (ws === undefined || v === undefined) return null;
  const sortColumn = ["customer", "overdue", "status"].includes(c.list.sort) ? c.list.sort : undefined;
  return (
    <section aria-label={M.customers} className={s.stack}>
      <div className={s.row}>
        <Field label={M.pool} className={s.grow}>
          <Select className={s.select} value={c.list.pool} onChange={(_, d) => c.dispatch({ type: "pool", pool: d.value })}>
            <option value="">{M.allPools}</option>
            {ws.pools.map((p) => <option key={p.pool} value={p.pool}>{p.pool}</option>)}
          </Select>
        </Field>
        <Field label={M.agent} className={s.grow}>
          <Select className={s.select} value={c.list.agent} onChange={(_, d) => c.dispatch({ type: "agent", agent: d.value })}>
            <option value="">{M.allAgents}</option>
            {agents.map((a) => <option key={a} value={a}>{a}</option>)}
          </Select>
        </Field>
      </div>
      <Field label={M.search} hint={M.searchHint}>
        <Input type="search" value={c.list.search} onChange={(_, d) => c.dispatch({ type: "search", search: d.value })} />
      </Field>
      <div className={s.row}>
        <Field label={M.sortBy} className={s.grow}>
          <Select className={s.select} value={c.list.sort} onChange={(_, d) => c.dispatch({ type: "sort", sort: d.value as SortKey, direction: c.list.direction })}>
            {SORT_KEYS.map((k) => <option key={k} value={k}>{M.sortLabels[k]}</option>)}
          </Select>
        </Field>
        <Button onClick={() => c.dispatch({ type: "sort", sort: c.list.sort, direction: c.list.direction === "ascending" ? "descending" : "ascending" })}>
          {c.list.direction === "ascending" ? M.ascending : M.descending}
        </Button>
      </div>
      <Caption1 aria-live="polite">{M.count(v.rows.length, v.total, v.page, v.pages)}</Caption1>
      <DataGrid
        items={[...v.rows]}
        columns={columns}
        sortable
        sortState={{ sortColumn, sortDirection: c.list.direction }}
        onSortChange={(_, d) => c.dispatch({ type: "sort", sort: d.sortColumn as SortKey, direction: d.sortDirection })}
        getRowId={(r: CustomerRow) => r.customer}
        aria-label={M.customers}
        className={s.grid}
        size="small"
      >
        <DataGridHeader>
          <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
        </DataGridHeader>
        <DataGridBody<CustomerRow>>
          {({ item, rowId }) => (
            <DataGridRow<CustomerRow> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
      <div className={s.row}>
        <Button disabled={v.page === 0} onClick={() => c.dispatch({ type: "page", page: v.page - 1 })}>{M.previous}</Button>
        <Button disabled={v.page >= v.pages - 1} onClick={() => c.dispatch({ type: "page", page: v.page + 1 })}>{M.next}</Button>
      </div>
    </section>
  );
}
