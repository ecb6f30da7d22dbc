import * as React from "react";
import { type CcError, ok } from "../../domain/errors";
import type { HoldLogEntry, HoldRecord } from "../../domain/credit/holds/types";
import type { CheckpointStep } from "../../domain/credit/types";
import { useT } from "../i18n/I18nProvider";
import { act, appendLog, type HoldCommand, type Review, runReview } from "../credit/review";
import { gridReducer, holdRows, INITIAL_GRID, visibleHolds } from "../credit/review-grid";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

/** State and actions of the credit review; every action (one order or many) is logged in one batch. */
export function useCreditReview(todaySerial: number) {
  const gateway = useGateway();
  const task = useTask();
  const t = useT();
  const [review, setReview] = React.useState<Review | undefined>(undefined);
  const [asOfSerial, setAsOfSerial] = React.useState<number | undefined>(todaySerial);
  const [accountingCurrency, setAccountingCurrency] = React.useState("");
  const [grid, dispatch] = React.useReducer(gridReducer, INITIAL_GRID);
  const rows = React.useMemo(() => (review === undefined ? [] : holdRows(review)), [review]);
  const visible = React.useMemo(() => visibleHolds(rows, grid), [rows, grid]);

  const run = async (): Promise<void> => {
    if (asOfSerial === undefined) return;
    const r = await task.run(t("credit.review.running"), (control) => runReview(gateway, { asOfSerial, ...(accountingCurrency.trim() !== "" ? { accountingCurrency: accountingCurrency.trim().toUpperCase() } : {}) }, control));
    if (r !== undefined) {
      setReview(r);
      dispatch({ type: "select", selected: new Set() });
      task.succeed(t("credit.review.checked", { count: r.checks.length, held: r.holds.length }));
    }
  };

  /**
   * Act on several orders with one reason. The engine checks each action first (a blank reason is
   * returned for the dialog to show beside its field); then all log entries go in one batch.
   */
  const performMany = async (holds: readonly HoldRecord[], command: HoldCommand, reason: string): Promise<readonly CcError[]> => {
    const date = asOfSerial ?? todaySerial;
    const results = holds.map((h) => act(h, command, reason, date));
    const errors = results.flatMap((r) => (r.ok ? [] : r.errors));
    if (errors.length > 0) return [...new Map(errors.map((e) => [e.code, e])).values()];
    const done = results.flatMap((r) => (r.ok ? [r.value] : []));
    const logged = await task.run(t("credit.review.logging", { count: done.length }), async (control) => {
      const entries: HoldLogEntry[] = done.map((d) => d.log);
      const amounts = new Map(done.map((d) => [d.hold.order, { amountMinor: d.hold.amountMinor, currency: d.hold.currency }]));
      const r = await appendLog(gateway, entries, control, amounts);
      return r.ok ? ok(r.value) : r;
    });
    if (logged === undefined || review === undefined) return [];
    const acted = new Set(holds.map((h) => h.order));
    const stillHeld = done.filter((d) => d.hold.status === "Hold").map((d) => d.hold);
    setReview({ ...review, holds: [...review.holds.filter((h) => !acted.has(h.order)), ...stillHeld], passed: review.passed.filter((p) => !acted.has(p.order)) });
    dispatch({ type: "done", orders: [...acted] });
    const steps = [...new Set(done.map((d) => d.repostStep).filter((s): s is CheckpointStep => s !== undefined))];
    const orders = holds.length <= 3 ? holds.map((h) => h.order).join(", ") : t("credit.review.nOrders", { count: holds.length });
    const what = t(`credit.review.done.${command}`, { orders });
    task.succeed(t("credit.review.logged", { done: steps.length > 0 ? t("credit.review.repost", { done: what, steps: steps.join(", ") }) : what }));
    return [];
  };

  return { task, review, asOfSerial, setAsOfSerial, accountingCurrency, setAccountingCurrency, run, performMany, grid, dispatch, rows, visible };
}
