/**
 * A fault injector over the in-memory workbook: it counts every write (a property set, or a call
 * that changes the workbook: add, delete, activate) and every sync of every batch, and makes the
 * k-th one fail. After a fault the batch's connection is gone: every later write and sync of that
 * batch fails too, as when Excel loses the document mid-batch. A sync fault comes in two kinds:
 * `sync-lost` (the writes queued since the last sync never reached the workbook: they are undone)
 * and `sync-applied` (they were applied, but the answer was lost and the sync reports a failure).
 * It also records every value written, with the number format the cell had when it was written.
 */
import type { Workbook } from "../../../preview/workbook";
import type { CellValue, ExcelRun, XlContext } from "../../../src/taskpane/office/excel-subset";

export type FaultKind = "write" | "sync-lost" | "sync-applied";

export class InjectedFault extends Error {
  constructor(what: string) {
    super(`injected fault: ${what}`);
    this.name = "InjectedFault";
  }
}

/** A string written into a cell, with the cell's number format and formula right after the write. */
export interface WrittenCell {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
  readonly format: string;
  readonly formula: string | undefined;
}

const MUTATORS = new Set(["add", "delete", "activate"]);

interface Batch {
  dead: boolean;
  snapshot: { sheets: Workbook["sheets"]; tables: Workbook["tables"] };
}

export class FaultyWorkbook {
  writes = 0;
  syncs = 0;
  fault: { kind: FaultKind; at: number } | undefined;
  fired = false;
  readonly written: WrittenCell[] = [];
  /** Sheets whose cells refuse writes, as a protected sheet does (the batch stays usable). */
  readonly protectedSheets = new Set<string>();

  constructor(readonly book: Workbook) {}

  /** Arm a fault at the k-th (1-based) write or sync from now on. */
  arm(kind: FaultKind, at: number): void {
    this.writes = 0;
    this.syncs = 0;
    this.fired = false;
    this.fault = { kind, at };
  }

  disarm(): void {
    this.fault = undefined;
  }

  readonly run: ExcelRun = (batch) => this.book.run((ctx) => batch(this.wrap(ctx)));

  private snapshot(): Batch["snapshot"] {
    return structuredClone({ sheets: this.book.sheets, tables: this.book.tables });
  }

  private restore(s: Batch["snapshot"]): void {
    this.book.sheets.splice(0, this.book.sheets.length, ...s.sheets);
    this.book.tables.splice(0, this.book.tables.length, ...s.tables);
  }

  private wrap(ctx: XlContext): XlContext {
    const batch: Batch = { dead: false, snapshot: this.snapshot() };
    const raw = new WeakMap<object, object>();
    const proxies = new WeakMap<object, object>();
    const unwrap = (v: unknown): unknown => (typeof v === "object" && v !== null ? (raw.get(v) ?? v) : v);
    const write = (what: string): void => {
      if (batch.dead) throw new InjectedFault(`${what} after the connection was lost`);
      this.writes++;
      if (this.fault?.kind === "write" && !this.fired && this.writes === this.fault.at) {
        this.fired = true;
        batch.dead = true;
        throw new InjectedFault(`write ${this.writes} (${what})`);
      }
    };
    const sync = async (real: () => Promise<void>): Promise<void> => {
      if (batch.dead) throw new InjectedFault("sync after the connection was lost");
      this.syncs++;
      const hit = this.fault !== undefined && this.fault.kind !== "write" && !this.fired && this.syncs === this.fault.at;
      if (hit && this.fault?.kind === "sync-lost") {
        this.fired = true;
        batch.dead = true;
        this.restore(batch.snapshot);
        throw new InjectedFault(`sync ${this.syncs} (lost)`);
      }
      await real();
      if (hit) {
        this.fired = true;
        batch.dead = true;
        throw new InjectedFault(`sync ${this.syncs} (applied, answer lost)`);
      }
      if (this.fault?.kind === "sync-lost") batch.snapshot = this.snapshot();
    };
    const record = (target: object, value: unknown): void => {
      const g = (target as { geometry?: () => { sheet: { name: string }; r0: number; c0: number; rows: number; cols: number } }).geometry?.();
      if (g === undefined || !Array.isArray(value)) return;
      const sheet = this.book.sheet(g.sheet.name);
      if (sheet === undefined) return;
      (value as CellValue[][]).forEach((row, i) => row.forEach((v, j) => {
        const cell = this.book.cell(sheet, g.r0 + i, g.c0 + j);
        this.written.push({ sheet: sheet.name, row: g.r0 + i, column: g.c0 + j, value: v, format: cell?.format ?? "General", formula: cell?.formula });
      }));
    };
    const wrapAny = (v: unknown): unknown => {
      if (typeof v !== "object" || v === null) return v;
      if (Array.isArray(v)) return v.map(wrapAny);
      const known = proxies.get(v);
      if (known !== undefined) return known;
      const p = new Proxy(v, {
        get: (target, prop) => {
          const value: unknown = Reflect.get(target, prop, target);
          if (typeof value !== "function") return wrapAny(value);
          return (...args: unknown[]) => {
            const plain = args.map(unwrap);
            if (prop === "sync") return sync(() => (value as (...a: unknown[]) => Promise<void>).apply(target, plain));
            if (typeof prop === "string" && MUTATORS.has(prop)) write(prop);
            const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, plain);
            return prop === "load" ? p : wrapAny(out);
          };
        },
        set: (target, prop, value) => {
          const g = (target as { geometry?: () => { sheet: { name: string } } }).geometry?.();
          if (g !== undefined && this.protectedSheets.has(g.sheet.name)) throw new Error(`AccessDenied: sheet ${g.sheet.name} is protected`);
          write(String(prop));
          const ok = Reflect.set(target, prop, unwrap(value), target);
          if (prop === "values") record(target, value);
          return ok;
        },
      });
      raw.set(p, v);
      proxies.set(v, p);
      return p;
    };
    return wrapAny(ctx) as XlContext;
  }
}
