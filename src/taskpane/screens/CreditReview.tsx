import {
  Button, Caption1, createTableColumn, DataGrid, DataGridBody, DataGridCell, DataGridHeader, DataGridHeaderCell, DataGridRow, Field, Input, Select, type TableColumnDefinition,
} from "@fluentui/react-components";
import * as React from "react";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { money } from "../_lib/format";
import { CM } from "../credit/messages";
import { compareHolds, HOLD_SORT_KEYS, type HoldRow, type HoldSortKey, reasonsOf } from "../credit/review-grid";
import { ReasonDialog } from "../components/ReasonDialog";
import { TaskStatus } from "../components/TaskStatus";
import { useCreditReview } from "../hooks/use-credit-review";
import { useCollectionsStyles } from "./collections-styles";

const GRID_COLUMNS = ["order", "available", "reasons"] as const;

/** Credit review: check the Orders table, then release or reject the selected held orders with a reason, or force a hold. */
export function CreditReview({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const c = useCreditReview(todaySerial);
  const s = useCollectionsStyles();
  const [asOf, setAsOf] = React.useState(inputFromSerial(todaySerial));
  const [forceOrder, setForceOrder] = React.useState("");
  const busy = c.task.state.running;
  const reasons = React.useMemo(() => reasonsOf(c.rows), [c.rows]);
  const selected = c.rows.filter((r) => c.grid.selected.has(r.order)).map((r) => r.hold);
  const columns: TableColumnDefinition<HoldRow>[] = React.useMemo(() => [
    createTableColumn<HoldRow>({
      columnId: "order",
      compare: (a, b) => compareHolds(a, b, "order", "ascending"),
      renderHeaderCell: () => CM.columnOrder,
      renderCell: (r) => (
        <span className={s.cellText}>
          <strong>{r.order}</strong>
          <span>{r.customer}</span>
          <span className={s.amount}>{money(r.amountMinor, r.currency)}</span>
        </span>
      ),
    }),
    createTableColumn<HoldRow>({
      columnId: "available",
      compare: (a, b) => compareHolds(a, b, "available", "ascending"),
      renderHeaderCell: () => CM.columnCredit,
      renderCell: (r) => (
        <Caption1 className={s.cellText}>
          {CM.credit(
            r.limitMinor === null ? CM.noLimit : money(r.limitMinor, r.limitCurrency),
            r.exposureMinor === undefined ? "—" : money(r.exposureMinor, r.limitCurrency),
            r.availableMinor === null ? CM.noLimit : money(r.availableMinor, r.limitCurrency),
          )}
        </Caption1>
      ),
    }),
    createTableColumn<HoldRow>({
      columnId: "reasons",
      compare: (a, b) => compareHolds(a, b, "reasons", "ascending"),
      renderHeaderCell: () => CM.columnReasons,
      renderCell: (r) => <span className={s.cellText}>{r.reasons.join(", ")}{r.forced ? ` ${CM.manual}` : ""}</span>,
    }),
  ], [s]);
  const v = c.visible;
  const sortColumn = (GRID_COLUMNS as readonly string[]).includes(c.grid.sort) ? c.grid.sort : undefined;
  return (
    <div className={`cc-screen ${s.stack}`}>
      <form noValidate className={s.stack} aria-label="Credit check" onSubmit={(e) => { e.preventDefault(); if (!busy && c.asOfSerial !== undefined) void c.run(); }}>
        <Field label={CM.asOf} validationMessage={c.asOfSerial === undefined ? CM.enterDate : null}>
          <Input type="date" value={asOf} onChange={(_, d) => { setAsOf(d.value); c.setAsOfSerial(serialFromInput(d.value)); }} />
        </Field>
        <Field label={CM.accountingCurrency}>
          <Input value={c.accountingCurrency} onChange={(_, d) => c.setAccountingCurrency(d.value.toUpperCase())} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || c.asOfSerial === undefined}>{CM.run}</Button>
      </form>
      <TaskStatus state={c.task.state} onCancel={c.task.cancel} />
      {c.review !== undefined && (
        <section aria-label={CM.heldRegion} className={s.stack}>
          <h3 className={s.heading}>{CM.held(c.rows.length)}</h3>
          <div className={s.row}>
            <Field label={CM.search} hint={CM.searchHint} className={s.grow}>
              <Input type="search" value={c.grid.search} onChange={(_, d) => c.dispatch({ type: "search", search: d.value })} />
            </Field>
            <Field label={CM.reason} className={s.grow}>
              <Select className={s.select} value={c.grid.reason} onChange={(_, d) => c.dispatch({ type: "reason", reason: d.value })}>
                <option value="">{CM.allReasons}</option>
                {reasons.map((r) => <option key={r} value={r}>{r}</option>)}
              </Select>
            </Field>
          </div>
          <div className={s.row}>
            <Field label={CM.sortBy} className={s.grow}>
              <Select className={s.select} value={c.grid.sort} onChange={(_, d) => c.dispatch({ type: "sort", sort: d.value as HoldSortKey, direction: c.grid.direction })}>
                {HOLD_SORT_KEYS.map((k) => <option key={k} value={k}>{CM.sortLabels[k]}</option>)}
              </Select>
            </Field>
            <Button onClick={() => c.dispatch({ type: "sort", sort: c.grid.sort, direction: c.grid.direction === "ascending" ? "descending" : "ascending" })}>
              {c.grid.direction === "ascending" ? CM.ascending : CM.descending}
            </Button>
          </div>
          <div className={s.row}>
            <ReasonDialog label={CM.release} title={CM.releaseTitle(selected.length)} body={CM.releaseBody} reasonLabel={CM.reasonForAction} disabled={busy || selected.length === 0} appearance="primary" onSubmit={(reason) => c.performMany(selected, "Release", reason)} />
            <ReasonDialog label={CM.releasePost} title={CM.releaseTitle(selected.length)} body={CM.releasePostBody} reasonLabel={CM.reasonForAction} disabled={busy || selected.length === 0} onSubmit={(reason) => c.performMany(selected, "ReleaseWithPosting", reason)} />
            <ReasonDialog label={CM.reject} title={CM.rejectTitle(selected.length)} body={CM.rejectBody} reasonLabel={CM.reasonForAction} disabled={busy || selected.length === 0} onSubmit={(reason) => c.performMany(selected, "Reject", reason)} />
          </div>
          <Caption1 aria-live="polite">{CM.count(v.total, v.page, v.pages, selected.length)}</Caption1>
          <DataGrid
            items={v.rows}
            columns={columns}
            sortable
            sortState={{ sortColumn, sortDirection: c.grid.direction }}
            onSortChange={(_, d) => c.dispatch({ type: "sort", sort: d.sortColumn as HoldSortKey, direction: d.sortDirection })}
            selectionMode="multiselect"
            selectedItems={c.grid.selected}
            onSelectionChange={(_, d) => {
              // The header checkbox selects this page; selections on other pages are kept.
              const onPage = new Set(v.rows.map((r) => r.order));
              const kept = [...c.grid.selected].filter((o) => !onPage.has(o));
              c.dispatch({ type: "select", selected: new Set([...kept, ...[...d.selectedItems].map(String)]) });
            }}
            getRowId={(r: HoldRow) => r.order}
            aria-label={CM.heldRegion}
            className={s.grid}
            size="small"
          >
            <DataGridHeader>
              <DataGridRow selectionCell={{ checkboxIndicator: { "aria-label": "Select all orders on this page" } }}>
                {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<HoldRow>>
              {({ item, rowId }) => (
                <DataGridRow<HoldRow> key={rowId} selectionCell={{ checkboxIndicator: { "aria-label": `Select ${item.order}` } }}>
                  {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          <div className={s.row}>
            <Button disabled={v.page === 0} onClick={() => c.dispatch({ type: "page", page: v.page - 1 })}>{CM.previous}</Button>
            <Button disabled={v.page >= v.pages - 1} onClick={() => c.dispatch({ type: "page", page: v.page + 1 })}>{CM.next}</Button>
          </div>
          <Field label={CM.forceLabel}>
            <Select className={s.select} value={forceOrder} onChange={(_, d) => setForceOrder(d.value)}>
              <option value="">{CM.chooseOrder}</option>
              {c.review.passed.map((p) => <option key={p.order} value={p.order}>{`${p.order} · ${p.customer} · ${money(p.amountMinor, p.currency)}`}</option>)}
            </Select>
          </Field>
          <ReasonDialog
            label={CM.force}
            title={CM.forceTitle}
            body={CM.forceBody}
            reasonLabel={CM.reasonForAction}
            disabled={busy || forceOrder === ""}
            onSubmit={async (reason) => {
              const p = c.review?.passed.find((x) => x.order === forceOrder);
              if (p === undefined) return [];
              const errors = await c.performMany([p], "ForceHold", reason);
              if (errors.length === 0) setForceOrder("");
              return errors;
            }}
          />
        </section>
      )}
    </div>
  );
}
