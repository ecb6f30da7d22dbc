/**
 * The write-off screen's state as a pure reducer: the ledger, the customer and their chosen
 * items, the reason and date, the previewed journal. The hook (hooks/use-writeoff.ts) does the
 * workbook work; test/taskpane/writeoff-reducer.test.ts covers every transition.
 */
import type { WriteOffProposal } from "../../domain/collections/writeoff";
import { isoFromSerial } from "../../domain/dates";
import type { CcError, Result } from "../../domain/errors";
import type { Transaction } from "../../domain/types";
import { serialFromInput } from "../_lib/dates";
import type { Ledger } from "../settlement/ledger";

export interface WriteOffState {
  readonly table: string;
  readonly ledger: Ledger | undefined;
  readonly customer: string;
  readonly selected: ReadonlySet<string>;
  readonly reason: string;
  readonly dateText: string;
  readonly separateSalesTax: boolean;
  readonly preview: WriteOffProposal | undefined;
  readonly errors: readonly CcError[];
}

export type WriteOffAction =
  | { type: "tableChosen"; table: string }
  | { type: "ledgerLoaded"; ledger: Ledger }
  | { type: "customerChosen"; customer: string }
  | { type: "itemToggled"; voucher: string; on: boolean }
  | { type: "reasonTyped"; reason: string }
  | { type: "dateTyped"; text: string }
  | { type: "salesTaxChosen"; on: boolean }
  | { type: "previewed"; result: Result<WriteOffProposal> }
  | { type: "posted"; ledger: Ledger | undefined };

export function initialWriteOff(todaySerial: number, table = "Transactions"): WriteOffState {
  return { table, ledger: undefined, customer: "", selected: new Set(), reason: "", dateText: isoFromSerial(todaySerial), separateSalesTax: false, preview: undefined, errors: [] };
}

/** The customer's open items (open amount not 0), in ledger order. */
export function openItemsOf(ledger: Ledger | undefined, customer: string): Transaction[] {
  if (ledger === undefined || customer === "") return [];
  return [...(ledger.byVoucher.get(customer)?.values() ?? [])].filter((t) => t.amountMinor !== 0);
}

const NO_PREVIEW = { preview: undefined, errors: [] } as const;

export function writeOffReducer(s: WriteOffState, a: WriteOffAction): WriteOffState {
  switch (a.type) {
    case "tableChosen":
      return { ...s, ...NO_PREVIEW, table: a.table };
    case "ledgerLoaded": {
      // A reload keeps the customer and those chosen items that are still open.
      const open = new Set(openItemsOf(a.ledger, s.customer).map((t) => t.voucher));
      const customer = open.size > 0 ? s.customer : "";
      return { ...s, ...NO_PREVIEW, ledger: a.ledger, customer, selected: new Set([...s.selected].filter((v) => open.has(v))) };
    }
    case "customerChosen":
      // Every open item is chosen at first: writing a customer off is the usual case.
      return { ...s, ...NO_PREVIEW, customer: a.customer, selected: new Set(openItemsOf(s.ledger, a.customer).map((t) => t.voucher)) };
    case "itemToggled": {
      const selected = new Set(s.selected);
      if (a.on) selected.add(a.voucher);
      else selected.delete(a.voucher);
      return { ...s, ...NO_PREVIEW, selected };
    }
    case "reasonTyped":
      return { ...s, ...NO_PREVIEW, reason: a.reason };
    case "dateTyped":
      return { ...s, ...NO_PREVIEW, dateText: a.text };
    case "salesTaxChosen":
      return { ...s, ...NO_PREVIEW, separateSalesTax: a.on };
    case "previewed":
      return a.result.ok ? { ...s, preview: a.result.value, errors: [] } : { ...s, preview: undefined, errors: a.result.errors };
    case "posted":
      // Start over: the items just written off are closed, so the old choice no longer applies.
      return { ...s, ...NO_PREVIEW, ledger: a.ledger ?? s.ledger, customer: "", selected: new Set(), reason: "" };
  }
}

/** The write-off date, or undefined while the field holds no date. */
export function writeOffDate(s: WriteOffState): number | undefined {
  return serialFromInput(s.dateText);
}

/** Whether Preview can be asked: items chosen and a date. */
export function canPreview(s: WriteOffState): boolean {
  return s.ledger !== undefined && s.selected.size > 0 && writeOffDate(s) !== undefined;
}
