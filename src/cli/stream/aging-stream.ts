/**
 * `cc aging LEDGER.csv|LEDGER.parquet`: the aging snapshot of a ledger past one sheet. The file is
 * read as a stream and each row goes through the same one-pass reader as CC.AGING
 * (src/workbook/aging-input.ts `agingRows`), which validates it and adds it to its customer's
 * accumulator: memory holds one accumulator per customer and currency, never the rows.
 * The design, and how the per-customer partitions run on DuckDB or Spark: docs/scale.md.
 */
import { basename } from "node:path";
import { type AgingOptions, type AgingSnapshot } from "../../domain/aging/snapshot";
import { type CcError } from "../../domain/errors";
import { type AgingRows, agingRows, matchAgingTable } from "../../workbook/aging-input";
import { CliError, USAGE_EXIT } from "../_lib/cli-error";
import type { RunContext } from "../_lib/context";
import { count } from "../_lib/format";
import { describeFileErrors, streamLedger } from "./ledger-stream";

export async function ageStream(ctx: RunContext, options: AgingOptions): Promise<AgingSnapshot> {
  const { args } = ctx;
  if (args.flags.has("in-place")) throw new CliError(`cc aging: --in-place appends sheets to a workbook; ${ctx.input} is not one (use --out)`, USAGE_EXIT);
  if (args.values.has("sheet")) throw new CliError(`cc aging: --sheet names a sheet of a workbook; ${ctx.input} has none`, USAGE_EXIT);
  const file = basename(ctx.input);
  const delimiter = args.values.get("delimiter");
  if (delimiter !== undefined && delimiter.length !== 1 && delimiter !== "\\t") throw new CliError(`cc aging: --delimiter '${delimiter}' must be one character (or \\t)`, USAGE_EXIT);
  let sink: AgingRows | undefined;
  let headerErrors: readonly CcError[] = [];
  ctx.progress(`streaming ${ctx.input}`);
  const t0 = Date.now();
  const read = await streamLedger(
    ctx.input,
    {
      onHeader: (header) => {
        const matched = matchAgingTable([header], options, file);
        if (!matched.ok) {
          headerErrors = matched.errors;
          return false;
        }
        sink = agingRows(matched.value, options, { roundAmounts: args.flags.has("round-amounts") });
        return true;
      },
      onRow: (row, rowNumber) => (sink as AgingRows).add(row, rowNumber),
    },
    {
      ...(delimiter !== undefined ? { delimiter: delimiter === "\\t" ? "\t" : delimiter } : {}),
      progress: (rows) => ctx.progress(`${count(rows)} rows aged (${Math.round((Date.now() - t0) / 1000)} s)`),
    },
  );
  if (headerErrors.length > 0) throw new CliError(describeFileErrors(headerErrors.map((e) => ({ ...e, row: 1 })), file, read.rowWord));
  if (sink === undefined) throw new CliError(`cc aging: ${file} has no header`);
  const snapshot = sink.finish();
  if (!snapshot.ok) {
    let errors = snapshot.errors;
    if (read.lineOf !== undefined) {
      const lines = await read.lineOf(new Set(errors.flatMap((e) => (e.row === undefined ? [] : [e.row]))));
      errors = errors.map((e) => (e.row === undefined ? e : { ...e, row: lines.get(e.row) ?? e.row }));
    }
    throw new CliError(describeFileErrors(errors, file, read.rowWord));
  }
  ctx.progress(`${count(read.rows)} rows aged in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return snapshot.value;
}
