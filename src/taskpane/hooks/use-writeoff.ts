import * as React from "react";
import { loadLedger } from "../settlement/ledger";
import { postWriteOff, proposal } from "../writeoff/writeoff";
import { canPreview, initialWriteOff, writeOffDate, writeOffReducer } from "../writeoff/writeoff-reducer";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

/** The write-off screen's workbook work over its pure reducer (writeoff/writeoff-reducer.ts). */
export function useWriteOff(todaySerial: number) {
  const gateway = useGateway();
  const task = useTask();
  const [state, dispatch] = React.useReducer(writeOffReducer, todaySerial, (today: number) => initialWriteOff(today));
  const [values, setValues] = React.useState<Record<string, string | number> | undefined>(undefined);

  const load = async (): Promise<void> => {
    const l = await task.run("writeoff.phase.reading", (control) => loadLedger(gateway, state.table, control));
    if (l !== undefined) dispatch({ type: "ledgerLoaded", ledger: l });
  };
  const makePreview = (): void => {
    const dateSerial = writeOffDate(state);
    if (state.ledger === undefined || dateSerial === undefined || !canPreview(state)) return;
    dispatch({ type: "previewed", result: proposal(state.ledger, { customer: state.customer, vouchers: [...state.selected], reason: state.reason, dateSerial, separateSalesTax: state.separateSalesTax }) });
  };
  const post = async (): Promise<void> => {
    const { ledger, preview } = state;
    if (ledger === undefined || preview === undefined) return;
    const done = await task.run("writeoff.phase.posting", (control) => postWriteOff(gateway, ledger, preview, control));
    if (done === undefined) return;
    const l = await loadLedger(gateway, state.table);
    dispatch({ type: "posted", ledger: l.ok ? l.value : undefined });
    setValues({ journal: preview.journalId, lines: done.lines, sheet: done.sheet });
    task.succeed("writeoff.done.posted");
  };
  return { state, dispatch, task, values, load, makePreview, post };
}

export type WriteOff = ReturnType<typeof useWriteOff>;
