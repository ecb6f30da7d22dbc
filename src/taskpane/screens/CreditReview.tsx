import {
  Button, Caption1, createTableColumn, DataGrid, DataGridBody, DataGridCell, DataGridHeader, DataGridHeaderCell, DataGridRow, Field, Input, Select, type TableColumnDefinition,
} from "@fluentui/react-components";
import * as React from "react";
import { SortControls } from "./SortControls";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { compareHolds, HOLD_SORT_KEYS, type HoldRow, type HoldSortKey, reasonsOf } from "../credit/review-grid";
import { ReasonDialog } from "../components/ReasonDialog";
import { TaskStatus } from "../components/TaskStatus";
import { useCreditReview } from "../hooks/use-credit-review";
import { useDataWords } from "../i18n/data-words";
import { useAmounts, useT } from "../i18n/I18nProvider";
import { useCollectionsStyles } from "./collections-styles";

const GRID_COLUMNS = ["order", "available", "reasons"] as const;

/** Credit review: check the Orders table, then release or reject the selected held orders with a reason, or force a hold. */
export function CreditReview({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const c = useCreditReview(todaySerial);
  const s = useCollectionsStyles();
  const t = useT();
  const { format } = useAmounts();
  const { reason: reasonText } = useDataWords();
  const [asOf, setAsOf] = React.useState(inputFromSerial(todaySerial));
  const [forceOrder, setForceOrder] = React.useState("");
  const busy = c.task.state.running;
  const reasons = React.useMemo(() => reasonsOf(c.rows), [c.rows]);
  const selected = c.rows.filter((r) => c.grid.selected.has(r.order)).map((r) => r.hold);
  const columns: TableColumnDefinition<HoldRow>[] = React.useMemo(() => [
    createTableColumn<HoldRow>({
      columnId: "order",
      compare: (a, b) => compareHolds(a, b, "order", "ascending"),
      renderHeaderCell: () => t("credit.review.columnOrder"),
      renderCell: (r) => (
        <span className={s.cellText}>
          <strong>{r.order}</strong>
          <span>{r.customer}</span>
          <span className={s.amount}>{format(r.amountMinor, r.currency)}</span>
        </span>
      ),
    }),
    createTableColumn<HoldRow>({
      columnId: "available",
      compare: (a, b) => compareHolds(a, b, "available", "ascending"),
      renderHeaderCell: () => t("credit.review.columnCredit"),
      renderCell: (r) => (
        <Caption1 className={s.cellText}>
          <span>{t("credit.review.limitLabel")} <span className={s.amount}>{r.limitMinor === null ? t("credit.review.noLimit") : format(r.limitMinor, r.limitCurrency)}</span></span>
          <span>{t("credit.review.exposureLabel")} <span className={s.amount}>{r.exposureMinor === undefined ? "—" : format(r.exposureMinor, r.limitCurrency)}</span></span>
          <span>{t("credit.review.availableLabel")} <span className={s.amount}>{r.availableMinor === null ? t("credit.review.noLimit") : format(r.availableMinor, r.limitCurrency)}</span></span>
        </Caption1>
      ),
    }),
    createTableColumn<HoldRow>({
      columnId: "reasons",
      compare: (a, b) => compareHolds(a, b, "reasons", "ascending"),
      renderHeaderCell: () => t("credit.review.columnReasons"),
      renderCell: (r) => <span className={s.cellText}>{r.reasons.map(reasonText).join(", ")}{r.forced ? ` ${t("credit.review.manual")}` : ""}</span>,
    }),
  ], [s, t, format]);
  const v = c.visible;
  const sortColumn = (GRID_COLUMNS as readonly string[]).includes(c.grid.sort) ? c.grid.sort : undefined;
  return (
    <div className={`cc-screen ${s.stack}`}>
      <form noValidate className={s.stack} aria-label={t("credit.review.form")} onSubmit={(e) => { e.preventDefault(); if (!busy && c.asOfSerial !== undefined) void c.run(); }}>
        <Field label={t("credit.asOf")} validationMessage={c.asOfSerial === undefined ? t("credit.enterDate") : null}>
          <Input type="date" value={asOf} onChange={(_, d) => { setAsOf(d.value); c.setAsOfSerial(serialFromInput(d.value)); }} />
        </Field>
        <Field label={t("credit.review.accountingCurrency")}>
          <Input value={c.accountingCurrency} placeholder={t("common.fromLedger")} onChange={(_, d) => c.setAccountingCurrency(d.value.toUpperCase())} />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy || c.asOfSerial === undefined}>{t("credit.review.run")}</Button>
      </form>
      <TaskStatus state={c.task.state} onCancel={c.task.cancel} />
      {c.review !== undefined && (
        <section aria-label={t("credit.review.heldRegion")} className={s.stack}>
          <h3 className={s.heading}>{t("credit.review.held", { count: c.rows.length })}</h3>
          <div className={s.row}>
            <Field label={t("credit.review.search")} hint={t("credit.review.searchHint")} className={s.grow}>
              <Input type="search" value={c.grid.search} onChange={(_, d) => c.dispatch({ type: "search", search: d.value })} />
            </Field>
            <Field label={t("credit.review.reason")} className={s.grow}>
              <Select className={s.select} value={c.grid.reason} onChange={(_, d) => c.dispatch({ type: "reason", reason: d.value })}>
                <option value="">{t("credit.review.allReasons")}</option>
                {reasons.map((r) => <option key={r} value={r}>{reasonText(r)}</option>)}
              </Select>
            </Field>
          </div>
          <SortControls keys={HOLD_SORT_KEYS} sort={c.grid.sort} direction={c.grid.direction} labelOf={(k) => t(`credit.review.sort.${k}`)} onChange={(sort, direction) => c.dispatch({ type: "sort", sort, direction })} />
          <div className={s.row}>
            <ReasonDialog label={t("credit.review.release")} title={t("credit.review.releaseTitle", { count: selected.length })} body={t("credit.review.releaseBody")} reasonLabel={t("credit.review.reasonForAction")} cancelLabel={t("credit.cancel")} disabled={busy || selected.length === 0} appearance="primary" onSubmit={(reason) => c.performMany(selected, "Release", reason)} />
            <ReasonDialog label={t("credit.review.releasePost")} title={t("credit.review.releaseTitle", { count: selected.length })} body={t("credit.review.releasePostBody")} reasonLabel={t("credit.review.reasonForAction")} cancelLabel={t("credit.cancel")} disabled={busy || selected.length === 0} onSubmit={(reason) => c.performMany(selected, "ReleaseWithPosting", reason)} />
            <ReasonDialog label={t("credit.review.reject")} title={t("credit.review.rejectTitle", { count: selected.length })} body={t("credit.review.rejectBody")} reasonLabel={t("credit.review.reasonForAction")} cancelLabel={t("credit.cancel")} disabled={busy || selected.length === 0} onSubmit={(reason) => c.performMany(selected, "Reject", reason)} />
          </div>
          <Caption1 aria-live="polite">{t("credit.review.count", { total: v.total, page: v.page + 1, pages: v.pages, selected: selected.length })}</Caption1>
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
            aria-label={t("credit.review.heldRegion")}
            className={s.grid}
            size="small"
          >
            <DataGridHeader>
              <DataGridRow selectionCell={{ checkboxIndicator: { "aria-label": t("credit.review.selectAll") } }}>
                {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<HoldRow>>
              {({ item, rowId }) => (
                <DataGridRow<HoldRow> key={rowId} selectionCell={{ checkboxIndicator: { "aria-label": t("credit.review.selectOrder", { order: item.order }) } }}>
                  {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          <div className={s.row}>
            <Button disabled={v.page === 0} onClick={() => c.dispatch({ type: "page", page: v.page - 1 })}>{t("credit.previous")}</Button>
            <Button disabled={v.page >= v.pages - 1} onClick={() => c.dispatch({ type: "page", page: v.page + 1 })}>{t("credit.next")}</Button>
          </div>
          <Field label={t("credit.review.forceLabel")}>
            <Select className={s.select} value={forceOrder} onChange={(_, d) => setForceOrder(d.value)}>
              <option value="">{t("credit.review.chooseOrder")}</option>
              {c.review.passed.map((p) => <option key={p.order} value={p.order}>{`${p.order} · ${p.customer} · ${format(p.amountMinor, p.currency)}`}</option>)}
            </Select>
          </Field>
          <ReasonDialog
            label={t("credit.review.force")}
            title={t("credit.review.forceTitle")}
            body={t("credit.review.forceBody")}
            reasonLabel={t("credit.review.reasonForAction")}
            cancelLabel={t("credit.cancel")}
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
