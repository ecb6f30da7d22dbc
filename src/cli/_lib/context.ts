/**
 * What every command shares: the input path, the as-of date, progress on stderr, and where the
 * result sheets go (a new workbook, or appended to the input with --in-place).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseDate, serialFromLocalDate } from "../../domain/dates";
import { type ParsedArgs } from "./args";
import { CliError, USAGE_EXIT } from "./cli-error";
import { count } from "./format";
import { type ReadProgress, type ReadTable, readWorkbook, type TableRequest, type WorkbookRead } from "./xlsx-read";
import { appendSheets, type OutCell, type OutputSheet, writeWorkbook } from "./xlsx-write";
import { writeCsv } from "../stream/csv-write";

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Today as a serial: the CLI is an edge, so it may read the clock (the domain never does). */
  readonly today: () => number;
}

export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  today: () => serialFromLocalDate(new Date()),
};

export interface RunContext {
  readonly command: string;
  readonly args: ParsedArgs;
  readonly io: Io;
  readonly input: string;
  readonly asOfSerial: number;
  /** What reading the input found (set by `readInput`): the checked package and the journal IDs it holds. */
  readonly read: { current?: WorkbookRead };
  progress(message: string): void;
}

/** Read tables from the command's input, remembering what the write needs (see readWorkbook). */
export async function readInput(ctx: RunContext, requests: readonly TableRequest[], progress?: ReadProgress): Promise<Map<string, ReadTable>> {
  const read = await readWorkbook(ctx.input, requests, progress);
  ctx.read.current = read;
  return read.tables;
}

export function makeContext(command: string, args: ParsedArgs, io: Io, defaultInput?: string): RunContext {
  const input = args.positional[0] ?? defaultInput;
  if (input === undefined) throw new CliError(`cc ${command}: name the input workbook, e.g. cc ${command} samples/sample-ledger.xlsx`, USAGE_EXIT);
  if (args.positional.length > 1) throw new CliError(`cc ${command}: one input workbook only (got ${args.positional.join(", ")})`, USAGE_EXIT);
  const asOfText = args.values.get("as-of");
  let asOfSerial = io.today();
  if (asOfText !== undefined) {
    const parsed = parseDate(/^\d+(\.\d+)?$/.test(asOfText) ? Number(asOfText) : asOfText);
    if (!parsed.ok) throw new CliError(`cc ${command}: --as-of '${asOfText}': ${parsed.reason}`, USAGE_EXIT);
    asOfSerial = parsed.serial;
  }
  const quiet = args.flags.has("quiet");
  return {
    command,
    args,
    io,
    input,
    asOfSerial,
    read: {},
    progress: (message) => {
      if (!quiet) io.stderr(`cc ${command}: ${message}\n`);
    },
  };
}

/** The journal IDs the sheets would post: the values of each sheet's JournalId column. */
export function journalIdsOf(sheets: readonly OutputSheet[]): Set<string> {
  const ids = new Set<string>();
  for (const sheet of sheets) {
    const rows = sheet.rows as readonly (readonly OutCell[])[];
    const col = (rows[0] ?? []).findIndex((h) => typeof h === "string" && h.replace(/[\s_.]/g, "").toLowerCase() === "journalid");
    if (col < 0) continue;
    for (let i = 1; i < rows.length; i++) {
      const v = rows[i]?.[col];
      if (v !== null && v !== undefined && String(v).trim() !== "") ids.add(String(v).trim());
    }
  }
  return ids;
}

/**
 * Exactly once: refuse (exit 1, nothing written) when any journal these sheets would post is
 * already in the input workbook, naming the journal IDs and the sheets that hold them. Journal
 * IDs are content-derived, so the same proposal always has the same ID. The one check every
 * posting command goes through, whether it writes --in-place or --out.
 */
export function refusePostedTwice(ctx: RunContext, sheets: readonly OutputSheet[]): void {
  const posted = ctx.read.current?.journalIds;
  if (posted === undefined || posted.size === 0) return;
  const again = [...journalIdsOf(sheets)].filter((id) => posted.has(id));
  if (again.length === 0) return;
  const bySheet = new Map<string, string[]>();
  for (const id of again) {
    const sheet = posted.get(id) as string;
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), id]);
  }
  const lines = [...bySheet].map(([sheet, ids]) => `  sheet '${sheet}': ${ids.slice(0, 50).join(", ")}${ids.length > 50 ? `, ... (${count(ids.length - 50)} more)` : ""}`);
  throw new CliError(
    `cc ${ctx.command}: ${count(again.length)} journal${again.length === 1 ? " is" : "s are"} already posted in ${ctx.input}; nothing was written [journal_must_not_be_posted_twice]\n${lines.join("\n")}`,
  );
}

/** Rows as an array, so that they can be checked before they are written. */
function materialized(sheets: readonly OutputSheet[]): OutputSheet[] {
  return sheets.map((s) => (Array.isArray(s.rows) ? s : { ...s, rows: [...s.rows] }));
}

/** Write the result sheets; returns the path written and the sheet names used. */
export async function writeResults(ctx: RunContext, given: readonly OutputSheet[]): Promise<{ path: string; sheets: string[] }> {
  const sheets = materialized(given);
  const inPlace = ctx.args.flags.has("in-place");
  if (inPlace && ctx.args.values.has("out")) throw new CliError(`cc ${ctx.command}: give either --out or --in-place, not both`, USAGE_EXIT);
  refusePostedTwice(ctx, sheets);
  if (inPlace) {
    const read = ctx.read.current;
    if (read !== undefined && !sameBytes(ctx.input, read.package.zip.bytes)) {
      throw new CliError(`cc ${ctx.command}: ${ctx.input} changed while cc was working (saved by another program?); nothing was written: run again`);
    }
    ctx.progress(`appending ${sheets.map((s) => s.name).join(", ")} to ${ctx.input}`);
    const names = await appendSheets(ctx.input, sheets, read?.package);
    return { path: ctx.input, sheets: names };
  }
  const out = ctx.args.values.get("out") ?? `out/${ctx.command}.xlsx`;
  if (resolve(out) === resolve(ctx.input)) {
    throw new CliError(`cc ${ctx.command}: --out is the input workbook; the input is never overwritten (use --in-place to append sheets to it)`, USAGE_EXIT);
  }
  if (out.endsWith("/") || out.endsWith("\\")) throw new CliError(`cc ${ctx.command}: --out ${out}: give a file name, not a directory`);
  ctx.progress(`writing ${out}`);
  if (/\.csv$/i.test(out)) {
    // A CSV holds one table: the command's first sheet (a ledger past one sheet may age past one too).
    if (sheets.length !== 1) throw new CliError(`cc ${ctx.command}: --out ${out}: a CSV file holds one table and this run writes ${sheets.length} sheets; use .xlsx`, USAGE_EXIT);
    await writeCsv(out, (sheets[0] as OutputSheet).rows);
    return { path: out, sheets: sheets.map((s) => s.name) };
  }
  await writeWorkbook(out, sheets);
  return { path: out, sheets: sheets.map((s) => s.name) };
}

function sameBytes(path: string, bytes: Buffer): boolean {
  try {
    return readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}
