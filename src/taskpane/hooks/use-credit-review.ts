import * as React from "react";
import { ok } from "../../domain/errors";
import type { HoldRecord } from "../../domain/credit/holds/types";
import { act, appendLog, type HoldCommand, type Review, runReview } from "../credit/review";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

const DONE: Record<HoldCommand, string> = { Release: "Released", ReleaseWithPosting: "Released with posting", Reject: "Rejected", ForceHold: "Force-held" };

/** State and actions of the credit review; every action is logged through the gateway. */
export function useCreditReview(todaySerial: number) {
  const gateway = useGateway();
  const task = useTask();
  const [review, setReview] = React.useState<Review | undefined>(undefined);
  const [asOfSerial, setAsOfSerial] = React.useState<number | undefined>(todaySerial);
  const [accountingCurrency, setAccountingCurrency] = React.useState("USD");
  const [reason, setReason] = React.useState("");

  const run = async (): Promise<void> => {
    if (asOfSerial === undefined) return;
    const r = await task.run("Running the credit check", (control) => runReview(gateway, { asOfSerial, accountingCurrency }, control));
    if (r !== undefined) {
      setReview(r);
      task.succeed(`${r.checks.length} orders checked: ${r.holds.length} on hold.`);
    }
  };

  const perform = async (hold: HoldRecord, command: HoldCommand): Promise<void> => {
    const date = asOfSerial ?? todaySerial;
    const done = await task.run("Logging the action", async (control) => {
      const r = act(hold, command, reason, date);
      if (!r.ok) return r;
      const logged = await appendLog(gateway, [r.value.log], control);
      return logged.ok ? ok(r.value) : logged;
    });
    if (done === undefined || review === undefined) return;
    const others = review.holds.filter((h) => h.order !== hold.order);
    const holds = done.hold.status === "Hold" ? [...others, done.hold] : others;
    setReview({ ...review, holds, passed: review.passed.filter((p) => p.order !== hold.order) });
    task.succeed(`${DONE[command]} ${hold.order}${done.repostStep !== undefined ? `; post ${done.repostStep} again` : ""}. Logged in Credit hold log.`);
  };

  return { task, review, asOfSerial, setAsOfSerial, accountingCurrency, setAccountingCurrency, reason, setReason, run, perform };
}
