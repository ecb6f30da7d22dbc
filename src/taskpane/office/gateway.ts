/**
 * The Office gateway: everything the task pane does to a workbook, each operation one `ExcelRun`
 * batch. Components reach it through `useGateway()` (src/taskpane/hooks), never `Excel` directly.
 */
import type { AgingSnapshot } from "../../domain/aging/snapshot";
import type { DateSystem } from "../../domain/dates";
import { ok, type Result } from "../../domain/errors";
import type { ColumnSpec } from "../../workbook/table";
import { type AgingForecast, type AgingSheetResult, writeAgingSheet } from "./aging-sheet";
import { dateSystemOf } from "./date-system";
import type { CellValue, ExcelRun, XlContext } from "./excel-subset";
import { findTable, listTableNames, selectedRowNumber, type TableLocation } from "./find-table";
import type { OutputTable } from "./formats";
import { postJournal, type PostRequest, type PostResult, recoverPostings } from "./post-journal";
import { readTable } from "./read-table";
import { checkRowsUnchanged } from "./rows";
import type { TaskControl } from "./task";
import { planWriteBack, type WriteBack } from "./write-back";
import { type NewSheetResult, writeTableOnNewSheet } from "./write-table";

export interface ReadResult {
  readonly location: TableLocation;
  /** Header row first. */
  readonly values: CellValue[][];
  /** The workbook's date system: date cells in `values` are its serials. */
  readonly dateSystem?: DateSystem;
}

export type { WriteBack } from "./write-back";

export interface Gateway {
  listTables(): Promise<{ tables: string[]; sheets: string[] }>;
  /** The row number (header = 1) of the selected cell inside `at`, if it is there. */
  selectedRow(at: TableLocation): Promise<number | undefined>;
  readTable(name: string, specs?: readonly ColumnSpec[], control?: TaskControl): Promise<Result<ReadResult>>;
  writeNewSheet(sheet: string, table: string, data: OutputTable, control?: TaskControl): Promise<NewSheetResult>;
  writeAgingSheet(snapshot: AgingSnapshot, control?: TaskControl, forecast?: AgingForecast): Promise<AgingSheetResult>;
  /**
   * Post a journal exactly once, all or nothing; with `writeBack`, after checking the rows are
   * unchanged, the ledger rows change (and rows are added) with it (docs/reliability.md).
   */
  postJournal(req: PostRequest, writeBack?: WriteBack, control?: TaskControl): Promise<Result<PostResult>>;
}

/**
 * One queue per workbook: every operation of every gateway over the same `run` waits for the one
 * before it, so a second post sees the first one's journal (and its journal table) when it starts.
 */
const queues = new WeakMap<ExcelRun, Promise<unknown>>();

function queued<T>(run: ExcelRun, op: () => Promise<T>): Promise<T> {
  const before = queues.get(run) ?? Promise.resolve();
  const next = before.then(op, op);
  queues.set(run, next.catch(() => undefined));
  return next;
}

export function createGateway(run: ExcelRun): Gateway {
  const inQueue = <T>(batch: (ctx: XlContext) => Promise<T>): Promise<T> => queued(run, () => run(batch));
  return {
    listTables: () => inQueue((ctx) => listTableNames(ctx)),
    selectedRow: (at) => inQueue((ctx) => selectedRowNumber(ctx, at)),
    readTable: (name, specs, control) =>
      inQueue(async (ctx) => {
        // Reads see no half-written posting: an interrupted one is completed first. A conflict
        // (a planned cell changed meanwhile) or a failure (a protected sheet) is reported when
        // posting, not here: the user must still be able to read the workbook.
        await recoverPostings(ctx).catch(() => undefined);
        const at = await findTable(ctx, name, specs);
        if (!at.ok) return at;
        const values = await readTable(ctx, at.value, control);
        return ok({ location: at.value, values, dateSystem: await dateSystemOf(ctx) });
      }),
    writeNewSheet: (sheet, table, data, control) => inQueue(async (ctx) => writeTableOnNewSheet(ctx, sheet, table, { ...data, dateSystem: await dateSystemOf(ctx) }, control)),
    writeAgingSheet: (snapshot, control, forecast) => inQueue(async (ctx) => writeAgingSheet(ctx, snapshot, control, await dateSystemOf(ctx), forecast)),
    postJournal: (req, writeBack, control) =>
      inQueue((ctx) => {
        if (writeBack === undefined) return postJournal(ctx, req, control);
        return postJournal(
          ctx,
          {
            ...req,
            guard: async (c) => {
              const unchanged = await checkRowsUnchanged(c, writeBack.source, writeBack.expected);
              if (!unchanged.ok || req.guard === undefined) return unchanged;
              return req.guard(c);
            },
            plan: async (c) => planWriteBack(c, writeBack, await dateSystemOf(c)),
          },
          control,
        );
      }),
  };
}
