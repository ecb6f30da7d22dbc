import * as React from "react";
import { useT } from "../i18n/I18nProvider";
import { type LimitsInput, type LimitsReview, postLimits, runLimits } from "../credit/limits";
import { INITIAL_LIMIT_GRID, limitGridReducer, visibleLimits } from "../credit/limits-grid";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

/** State and actions of the Credit limits screen: score, preview the journal, post it once. */
export function useCreditLimits(todaySerial: number) {
  const gateway = useGateway();
  const task = useTask();
  const t = useT();
  const [review, setReview] = React.useState<LimitsReview | undefined>(undefined);
  const [asOfSerial, setAsOfSerial] = React.useState<number | undefined>(todaySerial);
  const [grid, dispatch] = React.useReducer(limitGridReducer, INITIAL_LIMIT_GRID);
  const rows = React.useMemo(() => review?.rows ?? [], [review]);
  const visible = React.useMemo(() => visibleLimits(rows, grid), [rows, grid]);

  const run = async (reason: string, expiryMonths: number | undefined, generator?: LimitsInput["generator"]): Promise<void> => {
    if (asOfSerial === undefined) return;
    const input: LimitsInput = { asOfSerial, reason, ...(expiryMonths !== undefined ? { expiryMonths } : {}), ...(generator !== undefined ? { generator } : {}) };
    const r = await task.run(t("credit.limits.running"), (control) => runLimits(gateway, input, control));
    if (r === undefined) return;
    setReview(r);
    dispatch({ type: "page", page: 0 });
    if (r.journal === undefined) task.succeed(t("credit.limits.scoredOnly", { count: r.rows.length }));
    else task.succeed(t("credit.limits.scored", { count: r.rows.length, changes: r.journal.lines.length }));
  };

  const post = async (): Promise<void> => {
    const journal = review?.journal;
    if (review === undefined || journal === undefined || review.posted) return;
    const r = await task.run(t("credit.limits.posting"), (control) => postLimits(gateway, journal, control));
    if (r === undefined) return;
    setReview({ ...review, posted: true });
    task.succeed(t("credit.limits.posted", { id: journal.journalId, count: r.lines, sheet: r.sheet }));
  };

  return { task, review, asOfSerial, setAsOfSerial, run, post, grid, dispatch, rows, visible };
}
