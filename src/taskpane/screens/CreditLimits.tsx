import {
  Button, Caption1, Checkbox, createTableColumn, DataGrid, DataGridBody, DataGridCell, DataGridHeader, DataGridHeaderCell, DataGridRow, Field, Input, makeStyles, MessageBar, MessageBarBody, Select,
  type TableColumnDefinition, tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { SortControls } from "./SortControls";
import type { CcError } from "../../domain/errors";
import type { LimitRow } from "../../domain/credit/risk/review";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { compareLimits, LIMIT_SORT_KEYS, type LimitSortKey } from "../credit/limits-grid";
import { ConfirmButton } from "../components/ConfirmButton";
import { TaskStatus } from "../components/TaskStatus";
import { useCreditLimits } from "../hooks/use-credit-limits";
import { useAmounts, useT } from "../i18n/I18nProvider";
import { useCollectionsStyles } from "./collections-styles";

const GRID_COLUMNS: Readonly<Record<string, LimitSortKey>> = { customer: "customer", limit: "change" };

const useStyles = makeStyles({
  preview: { maxHeight: "320px", overflowY: "auto", minWidth: 0 },
  up: { color: tokens.colorPaletteGreenForeground1, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  down: { color: tokens.colorPaletteRedForeground1, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

/**
 * Credit limits (controllers): score every customer, propose the automatic limits as a
 * credit-limit adjustment journal, preview it and post it once (as `cc risk` proposes it).
 */
export function CreditLimits({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const c = useCreditLimits(todaySerial);
  const s = useCollectionsStyles();
  const l = useStyles();
  const t = useT();
  const { format, date, decimal } = useAmounts();
  const [asOf, setAsOf] = React.useState(inputFromSerial(todaySerial));
  const [reason, setReason] = React.useState("");
  const [months, setMonths] = React.useState("");
  const [showPreview, setShowPreview] = React.useState(false);
  /** "auto": the automatic limits of the risk scores; Fixed or Percent: the generator's change of every limit. */
  const [proposal, setProposal] = React.useState<"auto" | "Fixed" | "Percent">("auto");
  const [change, setChange] = React.useState("");
  const [rounding, setRounding] = React.useState("");
  const [direction, setDirection] = React.useState<"Up" | "Down" | "Nearest">("Nearest");
  const busy = c.task.state.running;
  const monthsValid = /^\s*\d*\s*$/.test(months);
  const expiryMonths = months.trim() === "" ? undefined : Number(months.trim());
  const generating = proposal !== "auto";
  // The change and the rounding step are read in the pane's number convention ("1 000,5" in sv,
  // "1,000.5" in en), as exact decimals; an ambiguous "1,500" is refused beside its field.
  const changeRead = decimal(change, { maxDecimals: 2, percent: proposal === "Percent" });
  const roundingRead = rounding.trim() === "" ? undefined : decimal(rounding, { maxDecimals: 2 });
  const numberMessage = (error: CcError, text: string): string => {
    if (error.code === "amount_is_ambiguous") return t("credit.limits.number.ambiguous", { text: text.trim() });
    if (error.code === "amount_has_too_many_decimals") return t("credit.limits.number.tooManyDecimals", { text: text.trim() });
    if (error.code === "amount_is_too_large") return t("credit.limits.number.tooLarge", { text: text.trim() });
    return t("credit.limits.number.notANumber", { text: text.trim() });
  };
  const changeMessage = !generating || changeRead.ok ? null : changeRead.error.code === "amount_is_blank" ? t("credit.limits.changeInvalid") : numberMessage(changeRead.error, change);
  const roundingMessage = !generating || roundingRead === undefined ? null : !roundingRead.ok ? numberMessage(roundingRead.error, rounding) : roundingRead.value.startsWith("-") ? t("credit.limits.roundingInvalid") : null;
  const reasonValid = !generating || reason.trim() !== "";
  const formValid = monthsValid && changeMessage === null && roundingMessage === null && reasonValid;
  const generator = generating && changeRead.ok
    ? { method: proposal, value: changeRead.value, direction, ...(roundingRead?.ok === true ? { roundingValue: roundingRead.value } : {}) }
    : undefined;
  const journal = c.review?.journal;
  const limitText = (minor: number | null, currency: string): string => (minor === null ? t("credit.limits.unlimited") : format(minor, currency));
  const columns: TableColumnDefinition<LimitRow>[] = React.useMemo(() => [
    createTableColumn<LimitRow>({
      columnId: "customer",
      compare: (a, b) => compareLimits(a, b, "customer", "ascending"),
      renderHeaderCell: () => t("credit.limits.columnCustomer"),
      renderCell: (r) => (
        <span className={s.cellText}>
          <strong>{r.customer}</strong>
          <span>{r.name}</span>
          <Caption1>{r.riskGroup === "" ? t("credit.limits.noGroup", { score: r.score }) : t("credit.limits.risk", { group: r.riskGroup, score: r.score })}</Caption1>
          <Caption1>{r.points.length === 0 ? t("credit.limits.noPoints") : r.points.map((p) => t("credit.limits.points", { group: p.group, points: p.points })).join("; ")}</Caption1>
        </span>
      ),
    }),
    createTableColumn<LimitRow>({
      columnId: "limit",
      compare: (a, b) => compareLimits(a, b, "change", "ascending"),
      renderHeaderCell: () => t("credit.limits.columnLimit"),
      renderCell: (r) => (
        <span className={s.cellText}>
          <span>{t("credit.limits.currentLabel")} <span className={s.amount}>{limitText(r.limitMinor, r.currency)}</span></span>
          {r.line === undefined ? (
            <Caption1>{t("credit.limits.unchanged")}</Caption1>
          ) : (
            <>
              <span>{t("credit.limits.proposedLabel")} <span className={s.amount}>{format(r.line.newLimitMinor, r.currency)}</span></span>
              <span>{t("credit.limits.changeLabel")} <span className={r.changeMinor >= 0 ? l.up : l.down}>{`${r.changeMinor > 0 ? "+" : ""}${format(r.changeMinor, r.currency)}`}</span></span>
            </>
          )}
        </span>
      ),
    }),
  ], [s, l, t, format]);
  const v = c.visible;
  const sortColumn = Object.entries(GRID_COLUMNS).find(([, k]) => k === c.grid.sort)?.[0];
  return (
    <div className={`cc-screen ${s.stack}`}>
      <form
        noValidate
        className={s.stack}
        aria-label={t("credit.limits.form")}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && c.asOfSerial !== undefined && formValid) {
            setShowPreview(false);
            void c.run(reason, expiryMonths, generator);
          }
        }}
      >
        <Field label={t("credit.asOf")} validationMessage={c.asOfSerial === undefined ? t("credit.enterDate") : null}>
          <Input type="date" value={asOf} onChange={(_, d) => { setAsOf(d.value); c.setAsOfSerial(serialFromInput(d.value)); }} />
        </Field>
        <Field label={t("credit.limits.proposal")}>
          <Select className={s.select} value={proposal} onChange={(_, d) => setProposal(d.value as "auto" | "Fixed" | "Percent")}>
            <option value="auto">{t("credit.limits.proposal.auto")}</option>
            <option value="Fixed">{t("credit.limits.proposal.Fixed")}</option>
            <option value="Percent">{t("credit.limits.proposal.Percent")}</option>
          </Select>
        </Field>
        {generating && (
          <div className={s.row}>
            <Field label={proposal === "Fixed" ? t("credit.limits.changeAmount") : t("credit.limits.changePercent")} required validationMessage={changeMessage} className={s.grow}>
              <Input inputMode="decimal" value={change} onChange={(_, d) => setChange(d.value)} />
            </Field>
            <Field label={t("credit.limits.rounding")} hint={t("credit.limits.roundingHint")} validationMessage={roundingMessage} className={s.grow}>
              <Input inputMode="decimal" value={rounding} onChange={(_, d) => setRounding(d.value)} />
            </Field>
            <Field label={t("credit.limits.direction")} className={s.grow}>
              <Select className={s.select} value={direction} onChange={(_, d) => setDirection(d.value as "Up" | "Down" | "Nearest")}>
                <option value="Nearest">{t("credit.limits.direction.Nearest")}</option>
                <option value="Up">{t("credit.limits.direction.Up")}</option>
                <option value="Down">{t("credit.limits.direction.Down")}</option>
              </Select>
            </Field>
          </div>
        )}
        <div className={s.row}>
          <Field label={t("credit.limits.reasonCode")} hint={generating ? null : t("credit.limits.reasonHint")} required={generating} validationMessage={reasonValid ? null : t("credit.limits.reasonRequired")} className={s.grow}>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Field label={t("credit.limits.expiryMonths")} hint={t("credit.limits.expiryHint")} validationMessage={monthsValid ? null : t("credit.limits.expiryInvalid")} className={s.grow}>
            <Input inputMode="numeric" value={months} onChange={(_, d) => setMonths(d.value)} />
          </Field>
        </div>
        <Button type="submit" appearance="primary" disabled={busy || c.asOfSerial === undefined || !formValid}>{t("credit.limits.run")}</Button>
      </form>
      <TaskStatus state={c.task.state} onCancel={c.task.cancel} />
      {c.review !== undefined && (
        <section aria-label={t("credit.limits.region")} className={s.stack}>
          <h3 className={s.heading}>{t("credit.limits.customers", { count: c.rows.length })}</h3>
          <div className={s.row}>
            <Field label={t("credit.limits.search")} hint={t("credit.limits.searchHint")} className={s.grow}>
              <Input type="search" value={c.grid.search} onChange={(_, d) => c.dispatch({ type: "search", search: d.value })} />
            </Field>
          </div>
          <Checkbox label={t("credit.limits.changesOnly")} checked={c.grid.changesOnly} onChange={(_, d) => c.dispatch({ type: "changesOnly", changesOnly: d.checked === true })} />
          <SortControls keys={LIMIT_SORT_KEYS} sort={c.grid.sort} direction={c.grid.direction} labelOf={(k) => t(`credit.limits.sort.${k}`)} onChange={(sort, direction) => c.dispatch({ type: "sort", sort, direction })} />
          <Caption1 aria-live="polite">{t("credit.limits.count", { total: v.total, page: v.page + 1, pages: v.pages })}</Caption1>
          <DataGrid
            items={v.rows}
            columns={columns}
            sortable
            sortState={{ sortColumn, sortDirection: c.grid.direction }}
            onSortChange={(_, d) => c.dispatch({ type: "sort", sort: GRID_COLUMNS[String(d.sortColumn)] ?? "score", direction: d.sortDirection })}
            getRowId={(r: LimitRow) => r.customer}
            aria-label={t("credit.limits.region")}
            className={s.grid}
            size="small"
          >
            <DataGridHeader>
              <DataGridRow>{({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}</DataGridRow>
            </DataGridHeader>
            <DataGridBody<LimitRow>>
              {({ item, rowId }) => (
                <DataGridRow<LimitRow> key={rowId}>{({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}</DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          <div className={s.row}>
            <Button disabled={v.page === 0} onClick={() => c.dispatch({ type: "page", page: v.page - 1 })}>{t("credit.previous")}</Button>
            <Button disabled={v.page >= v.pages - 1} onClick={() => c.dispatch({ type: "page", page: v.page + 1 })}>{t("credit.next")}</Button>
          </div>
          {journal !== undefined && (
            <section aria-label={t("credit.limits.journal")} className={s.stack}>
              <h3 className={s.heading}>{t("credit.limits.journal")}</h3>
              <Caption1>{t("credit.limits.journalSummary", { id: journal.journalId, date: date(journal.dateSerial), count: journal.lines.length })}</Caption1>
              {c.review.cleared !== undefined && (
                <Caption1>{t("credit.limits.holdsCleared", { count: c.review.cleared.length, orders: c.review.cleared.map((h) => h.order).join(", ") })}</Caption1>
              )}
              {c.review.posted && (
                <MessageBar intent="info"><MessageBarBody>{t("credit.limits.alreadyPosted", { id: journal.journalId })}</MessageBarBody></MessageBar>
              )}
              {journal.lines.length === 0 ? (
                <Caption1>{t("credit.limits.noChanges")}</Caption1>
              ) : (
                <div className={s.row}>
                  <Button onClick={() => setShowPreview(!showPreview)} aria-expanded={showPreview}>{showPreview ? t("credit.limits.hidePreview") : t("credit.limits.preview")}</Button>
                  <ConfirmButton
                    label={t("credit.limits.post")}
                    title={t("credit.limits.postTitle", { id: journal.journalId })}
                    body={t("credit.limits.postBody", { count: journal.lines.length })}
                    cancelLabel={t("credit.cancel")}
                    disabled={busy || c.review.posted}
                    onConfirm={() => void c.post()}
                  />
                </div>
              )}
              {showPreview && journal.lines.length > 0 && (
                <div className={l.preview} role="region" aria-label={t("credit.limits.previewRegion")} tabIndex={0}>
                  <ul className={s.list}>
                    {journal.lines.map((line) => (
                      <li key={`${line.target}:${line.account}:${line.type}`} className={s.listItem}>
                        <strong>{line.account}</strong>
                        {" · "}
                        <span className={s.amount}>{t("credit.limits.lineNewLimit")} {format(line.newLimitMinor, line.currency)}</span>
                        {" · "}
                        {t("credit.limits.lineExpiry")} {line.expirySerial === undefined ? t("credit.limits.never") : date(line.expirySerial)}
                        {" · "}
                        {t("credit.limits.lineReason")} {line.reason}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>
          )}
        </section>
      )}
    </div>
  );
}
