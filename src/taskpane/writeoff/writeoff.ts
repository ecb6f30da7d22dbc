/**
 * Write-off: propose the journal for a customer's open items (all or some) with a reason code, and
 * post it to the `Write-off journal` table, closing the written-off rows in the same batch.
 */
import { proposeWriteOff, type WriteOffProposal } from "../../domain/collections/writeoff";
import { ok, type Result } from "../../domain/errors";
import { exponentOf } from "../../domain/money";
import type { RateTable } from "../../domain/rates";
import { WRITEOFF_JOURNAL_HEADER, writeOffJournalTable } from "../../workbook/writeoff";
import type { CellValue } from "../office/excel-subset";
import type { ColumnKind, OutputTable } from "../office/formats";
import type { Gateway } from "../office/gateway";
import type { PostResult } from "../office/post-journal";
import type { TaskControl } from "../office/task";
import type { Ledger } from "../settlement/ledger";
import { writeBackOf } from "../settlement/wizard";

export const WRITEOFF_TARGET = { sheet: "Write-off journal", table: "WriteOffJournal", idHeader: "JournalId" } as const;

export interface WriteOffInput {
  readonly customer: string;
  readonly vouchers: readonly string[];
  readonly reason: string;
  readonly dateSerial: number;
  readonly separateSalesTax: boolean;
  readonly accounting?: { readonly currency: string; readonly rates: RateTable };
}

export function proposal(ledger: Ledger, input: WriteOffInput): Result<WriteOffProposal> {
  return proposeWriteOff(ledger.transactions, {
    customer: input.customer, dateSerial: input.dateSerial, reason: input.reason, vouchers: input.vouchers, separateSalesTax: input.separateSalesTax,
    ...(input.accounting !== undefined ? { accounting: input.accounting } : {}),
  });
}

const KIND: Partial<Record<string, ColumnKind>> = { Line: "integer", Date: "date", Debit: "money", Credit: "money", AccountingAmount: "money" };

export function journalRows(p: WriteOffProposal): OutputTable {
  return {
    columns: WRITEOFF_JOURNAL_HEADER.map((h) => ({ header: h, kind: KIND[h] ?? "text", ...(h === "AccountingAmount" ? { exponent: exponentOf(p.lines[0]?.accountingCurrency ?? "") } : {}) })),
    rows: writeOffJournalTable(p.lines, false) as CellValue[][],
    exponents: p.lines.map((l) => exponentOf(l.currency)),
  };
}

/** Post: refused if the journal ID is already in the table or a written-off row changed. */
export async function postWriteOff(gateway: Gateway, ledger: Ledger, p: WriteOffProposal, control?: TaskControl): Promise<Result<PostResult>> {
  const changes = p.items.map((i) => ({ customer: p.customer, voucher: i.voucher, currency: i.currency, deltaMinor: -i.amountMinor }));
  const r = await gateway.postJournal({ target: WRITEOFF_TARGET, journalId: p.journalId, lines: journalRows(p) }, { source: ledger.location, ...writeBackOf(ledger, changes) }, control);
  return r.ok ? ok(r.value) : r;
}
