/**
 * The Office gateway: everything the task pane does to a workbook, each operation one `ExcelRun`
 * batch. Components reach it through `useGateway()` (src/taskpane/hooks), never `Excel` directly.
 */
import type { AgingSnapshot } from "../../domain/aging/snapshot";
import { ccError, fail, ok, type Result } from "../../domain/errors";
import { type ColumnSpec, normalizeHeader } from "../../workbook/table";
import { type AgingSheetResult, writeAgingSheet } from "./aging-sheet";
import type { CellValue, ExcelRun } from "./excel-subset";
import { findTable, listTableNames, selectedRowNumber, type TableLocation } from "./find-table";
import type { OutputTable } from "./formats";
import { postJournal, type PostRequest, type PostResult } from "./post-journal";
import { readTable } from "./read-table";
import { type CellUpdate, checkRowsUnchanged, headerIndex, queueUpdates, type RowSnapshot } from "./rows";
import type { TaskControl } from "./task";
import { type NewSheetResult, writeTableOnNewSheet } from "./write-table";

export interface ReadResult {
  readonly location: TableLocation;
  /** Header row first. */
  readonly values: CellValue[][];
}

export interface WriteBack {
  /** The input table whose rows the journal changes. */
  readonly source: TableLocation;
  /** The rows as the proposal saw them: posting is refused if any changed. */
  readonly expected: readonly RowSnapshot[];
  readonly updates: readonly CellUpdate[];
}

export interface Gateway {
  listTables(): Promise<{ tables: string[]; sheets: string[] }>;
  /** The row number (header = 1) of the selected cell inside `at`, if it is there. */
  selectedRow(at: TableLocation): Promise<number | undefined>;
  readTable(name: string, specs?: readonly ColumnSpec[], control?: TaskControl): Promise<Result<ReadResult>>;
  writeNewSheet(sheet: string, table: string, data: OutputTable, control?: TaskControl): Promise<NewSheetResult>;
  writeAgingSheet(snapshot: AgingSnapshot, control?: TaskControl): Promise<AgingSheetResult>;
  /** Post a journal; with `writeBack`, after checking the rows are unchanged, update them in the same batch. */
  postJournal(req: PostRequest, writeBack?: WriteBack, control?: TaskControl): Promise<Result<PostResult>>;
}

export function createGateway(run: ExcelRun): Gateway {
  return {
    listTables: () => run((ctx) => listTableNames(ctx)),
    selectedRow: (at) => run((ctx) => selectedRowNumber(ctx, at)),
    readTable: (name, specs, control) =>
      run(async (ctx) => {
        const at = await findTable(ctx, name, specs);
        if (!at.ok) return at;
        return ok({ location: at.value, values: await readTable(ctx, at.value, control) });
      }),
    writeNewSheet: (sheet, table, data, control) => run((ctx) => writeTableOnNewSheet(ctx, sheet, table, data, control)),
    writeAgingSheet: (snapshot, control) => run((ctx) => writeAgingSheet(ctx, snapshot, control)),
    postJournal: (req, writeBack, control) =>
      run((ctx) => {
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
            alongside: async (c) => {
              const columns = await headerIndex(c, writeBack.source);
              // Validate every column now; queue the writes when the journal is written.
              const missing = writeBack.updates.find((u) => !columns.has(normalizeHeader(u.header)));
              if (missing !== undefined) return fail(ccError("column_must_exist", `has no column ${missing.header}`, { table: writeBack.source.name }));
              return ok(() => void queueUpdates(c, writeBack.source, columns, writeBack.updates));
            },
          },
          control,
        );
      }),
  };
}
