/**
 * What every command shares: the input path, the as-of date, progress on stderr, and where the
 * result sheets go (a new workbook, or appended to the input with --in-place).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseDate, serialFromLocalDate } from "../../domain/dates";
import { type ParsedArgs } from "./args";
import { CliError, USAGE_EXIT } from "./cli-error";
import { appendSheets, type OutputSheet, writeWorkbook } from "./xlsx-write";

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
  progress(message: string): void;
}

export function makeContext(command: string, args: ParsedArgs, io: Io, defaultInput?: string): RunContext {
  const input = args.positional[0] ?? defaultInput;
  if (input === undefined) throw new CliError(`cc ${command}: name the input workbook, e.g. cc ${command} samples/sample-ledger.xlsx`, USAGE_EXIT);
  if (args.positional.length > 1) throw new CliError(`cc ${command}: one input workbook only (got ${args.positional.join(", ")})`, USAGE_EXIT);
  if (!existsSync(input)) throw new CliError(`cc ${command}: ${input}: no such file`);
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
    progress: (message) => {
      if (!quiet) io.stderr(`cc ${command}: ${message}\n`);
    },
  };
}

/** Write the result sheets; returns the path written and the sheet names used. */
export async function writeResults(ctx: RunContext, sheets: readonly OutputSheet[]): Promise<{ path: string; sheets: string[] }> {
  if (ctx.args.flags.has("in-place")) {
    if (ctx.args.values.has("out")) throw new CliError(`cc ${ctx.command}: give either --out or --in-place, not both`, USAGE_EXIT);
    ctx.progress(`appending ${sheets.map((s) => s.name).join(", ")} to ${ctx.input}`);
    const names = await appendSheets(ctx.input, sheets);
    return { path: ctx.input, sheets: names };
  }
  const out = ctx.args.values.get("out") ?? `out/${ctx.command}.xlsx`;
  if (resolve(out) === resolve(ctx.input)) {
    throw new CliError(`cc ${ctx.command}: --out is the input workbook; the input is never overwritten (use --in-place to append sheets to it)`, USAGE_EXIT);
  }
  ctx.progress(`writing ${out}`);
  await writeWorkbook(out, sheets);
  return { path: out, sheets: sheets.map((s) => s.name) };
}
