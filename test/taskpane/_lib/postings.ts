/**
 * The task pane's posting operations, each prepared the way a user makes it (load the ledger,
 * propose, review) and returned as the click on Post, so a test can click it, break it, and click
 * it again. Bases: W1 alone, and W1 with journals already posted in every journal table.
 */
import type { Workbook } from "../../../preview/workbook";
import type { Result } from "../../../src/domain/errors";
import type { HoldLogEntry } from "../../../src/domain/credit/holds/types";
import { appendLog } from "../../../src/taskpane/credit/review";
import { createGateway, type Gateway } from "../../../src/taskpane/office/gateway";
import { loadLedger } from "../../../src/taskpane/settlement/ledger";
import { postProposal, propose, readHistory, unapply, unappliable, type WizardInput } from "../../../src/taskpane/settlement/wizard";
import { postWriteOff, proposal as writeOffProposal } from "../../../src/taskpane/writeoff/writeoff";
import { letterPreview, nsfPreview, postLetter, postNsf } from "../../../src/taskpane/collections/actions";
import { loadWorkspace } from "../../../src/taskpane/collections/workspace";
import { bookWithLedger } from "./ledger";

export type Post = () => Promise<Result<unknown>>;

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

async function settlement(gw: Gateway, input: WizardInput): Promise<Post> {
  const ledger = must(await loadLedger(gw, "Transactions"));
  const history = must(await readHistory(gw));
  const p = must(propose(ledger, input));
  return () => postProposal(gw, ledger, { proposal: p, accountingCurrency: "USD", history });
}

const row: WizardInput = { customer: "2050", payment: { kind: "row", voucher: "PAY-1" }, dateSerial: 42302, method: "duedate", options: {} };
const typed = (voucher: string, amount: string): WizardInput => ({ ...row, payment: { kind: "typed", voucher, amount, currency: "USD" } });

export const hold = (order: string, reason = "=cleared by phone"): HoldLogEntry => ({ order, customer: "2050", action: "Release", reason, status: "Released", dateSerial: 42302, reasons: "" });

async function writeOff(gw: Gateway, customer: string, vouchers: string[]): Promise<Post> {
  const ledger = must(await loadLedger(gw, "Transactions"));
  const p = must(writeOffProposal(ledger, { customer, vouchers, reason: "BADDEBT", dateSerial: 42302, separateSalesTax: false }));
  return () => postWriteOff(gw, ledger, p);
}

/** The bounced PAY-1 (after its settlement is posted), cancelled with a fixed NSF fee of 25.00. */
async function nsfWithFee(gw: Gateway): Promise<Post> {
  must(await (await settlement(gw, row))());
  const ws = must(await loadWorkspace(gw, { asOfSerial: 42307, accountingCurrency: "USD" }));
  const nsf = must(nsfPreview(ws, { customer: "2050", voucher: "PAY-1", dateSerial: 42307, reason: "NSF", charge: { kind: "fixed", amountMinor: 2500 } }));
  if (nsf.fee === undefined) throw new Error("the NSF has no fee");
  return () => postNsf(gw, ws, nsf);
}

/** Customer 2050's first collection letter on 2015-11-30 (W1's invoices overdue), with a 5.00 letter fee. */
async function letterWithFee(gw: Gateway): Promise<Post> {
  const ws = must(await loadWorkspace(gw, { asOfSerial: 42338, accountingCurrency: "USD" }));
  const due = must(letterPreview(ws, "2050", 42338))[0];
  if (due === undefined || due.feeMinor === 0) throw new Error("no letter with a fee is due");
  return () => postLetter(gw, ws, due, 42338);
}

export interface Operation {
  readonly name: string;
  /** Everything up to the click on Post (it may post what it needs first, e.g. what unapply reverses). */
  prepare(gw: Gateway): Promise<Post>;
}

export const OPERATIONS: readonly Operation[] = [
  { name: "settle an open payment", prepare: (gw) => settlement(gw, row) },
  { name: "settle a typed payment", prepare: (gw) => settlement(gw, typed("BANK-7", "150")) },
  {
    name: "unapply a settlement",
    prepare: async (gw) => {
      must(await (await settlement(gw, row))());
      const ledger = must(await loadLedger(gw, "Transactions"));
      const history = must(await readHistory(gw));
      const id = unappliable(history, "2050")[0]?.journalId ?? "";
      return () => unapply(gw, ledger, history, id, 42310);
    },
  },
  { name: "write off an item", prepare: (gw) => writeOff(gw, "2050", ["INT-1"]) },
  { name: "log a credit-hold action", prepare: async (gw) => () => appendLog(gw, [hold("SO-1")]) },
  { name: "cancel a bounced payment with an NSF fee", prepare: nsfWithFee },
  { name: "send a collection letter with a fee", prepare: letterWithFee },
];

export interface Base {
  readonly name: string;
  make(): Promise<Workbook>;
}

/** The collections workspace (NSF, letters) needs a Customers table; letters need LetterCodes. */
function withCustomers(book: Workbook): Workbook {
  book.seed("Customers", [["Customer", "Name"], ["2050", "Alpha Trading"], ["=1+1", "Formula Ltd"]], "Customers");
  book.seed("Letters", [["Code", "Fee", "MinOverdue", "GraceDays", "Block"], ["Reminder", 5, 0, 0, false]], "LetterCodes");
  return book;
}

export const BASES: readonly Base[] = [
  { name: "no journals yet", make: async () => withCustomers(bookWithLedger()) },
  {
    name: "journals already posted",
    make: async () => {
      const book = withCustomers(bookWithLedger());
      const gw = createGateway(book.run);
      must(await (await writeOff(gw, "=1+1", ["INV-9"]))());
      must(await (await settlement(gw, typed("BANK-1", "50")))());
      must(await appendLog(gw, [hold("SO-0")]));
      return book;
    },
  },
];

const LOG = "ccpostinglog";

/** Sheets, tables and their cells (a formula shows as `=…!`), with or without the posting log. */
export function state(book: Workbook, withLog: boolean): string {
  // Without the log: its table's sheet, and a log sheet an interrupted first post left half made.
  const logSheets = new Set(book.tables.filter((t) => t.name.toLowerCase() === LOG).map((t) => t.sheet));
  const isLog = (s: Workbook["sheets"][number]): boolean => logSheets.has(s) || s.name.toLowerCase().startsWith("cc posting log");
  const sheets = book.sheets.filter((s) => withLog || !isLog(s)).map((s) => ({
    name: s.name,
    cells: s.cells.map((r) => r.map((c) => (c === undefined ? "" : c.formula !== undefined ? `${c.formula}!` : c.value))),
  }));
  const tables = book.tables.filter((t) => withLog || !isLog(t.sheet)).map((t) => `${t.name}@${t.sheet.name}:${t.rowIndex},${t.columnIndex},${t.rowCount},${t.columnCount}`);
  // Trailing blanks are not content (a row added and undone leaves an empty array behind).
  const trimmed = sheets.map((s) => ({ name: s.name, cells: s.cells.map((r) => trimEnd(r)).filter((r, i, all) => r.length > 0 || all.slice(i).some((x) => x.length > 0)) }));
  return JSON.stringify({ sheets: trimmed, tables: tables.sort() });
}

function trimEnd(r: unknown[]): unknown[] {
  let n = r.length;
  while (n > 0 && (r[n - 1] === "" || r[n - 1] === undefined)) n--;
  return r.slice(0, n);
}

/** Is a complete plan (every part there, with its data) pending in the posting log? */
export function hasPending(book: Workbook): boolean {
  const t = book.tables.find((x) => x.name.toLowerCase() === LOG);
  if (t === undefined) return false;
  const at = (r: number, c: number): unknown => book.cell(t.sheet, r, t.columnIndex + c)?.value;
  for (let r = t.rowIndex + 1; r < t.rowIndex + t.rowCount; r++) {
    if (at(r, 3) !== "Pending" || at(r, 1) !== 1) continue;
    const parts = Number(at(r, 2));
    let complete = true;
    for (let i = 0; i < parts; i++) if (at(r + i, 0) !== at(r, 0) || at(r + i, 1) !== i + 1 || at(r + i, 3) !== "Pending" || at(r + i, 4) === "") complete = false;
    if (complete) return true;
  }
  return false;
}
