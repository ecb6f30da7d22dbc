import * as React from "react";
import type { WriteOffProposal } from "../../domain/collections/writeoff";
import type { CcError } from "../../domain/errors";
import { type Ledger, loadLedger } from "../settlement/ledger";
import { postWriteOff, proposal } from "../writeoff/writeoff";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

/** State and actions of the write-off screen. */
export function useWriteOff(todaySerial: number) {
  const gateway = useGateway();
  const task = useTask();
  const [table, setTable] = React.useState("Transactions");
  const [ledger, setLedger] = React.useState<Ledger | undefined>(undefined);
  const [customer, setCustomerState] = React.useState("");
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = React.useState("");
  const [separateSalesTax, setSeparateSalesTax] = React.useState(false);
  const [dateSerial, setDateSerial] = React.useState<number | undefined>(todaySerial);
  const [preview, setPreview] = React.useState<WriteOffProposal | undefined>(undefined);
  const [errors, setErrors] = React.useState<readonly CcError[]>([]);

  const load = async (): Promise<void> => {
    const l = await task.run("Reading the ledger", (control) => loadLedger(gateway, table, control));
    if (l !== undefined) setLedger(l);
  };
  const setCustomer = (c: string): void => {
    setCustomerState(c);
    setSelected(new Set([...(ledger?.byVoucher.get(c)?.values() ?? [])].filter((t) => t.amountMinor !== 0).map((t) => t.voucher)));
    setPreview(undefined);
  };
  const toggle = (voucher: string, on: boolean): void => {
    const next = new Set(selected);
    if (on) next.add(voucher);
    else next.delete(voucher);
    setSelected(next);
    setPreview(undefined);
  };
  const makePreview = (): void => {
    if (ledger === undefined || dateSerial === undefined) return;
    const r = proposal(ledger, { customer, vouchers: [...selected], reason, dateSerial, separateSalesTax });
    if (r.ok) {
      setPreview(r.value);
      setErrors([]);
    } else {
      setPreview(undefined);
      setErrors(r.errors);
    }
  };
  const post = async (): Promise<void> => {
    if (ledger === undefined || preview === undefined) return;
    const done = await task.run("Posting the write-off", (control) => postWriteOff(gateway, ledger, preview, control));
    if (done === undefined) return;
    const id = preview.journalId;
    // Start over: the items just written off are closed, so the old choice no longer applies.
    setPreview(undefined);
    setCustomerState("");
    setSelected(new Set());
    setReason("");
    setErrors([]);
    const l = await loadLedger(gateway, table);
    if (l.ok) setLedger(l.value);
    task.succeed(`Posted write-off ${id}: ${done.lines} lines in ${done.sheet}; the items are closed.`);
  };
  return { task, table, setTable, ledger, load, customer, setCustomer, selected, toggle, reason, setReason, separateSalesTax, setSeparateSalesTax, dateSerial, setDateSerial, preview, errors, makePreview, post };
}
