/**
 * `--max-penny` and `--max-over-under` of `cc settle` and `cc match`: read as the options rows
 * CC.SETTLE reads, in the minor units of each currency given, by the one tolerance reader.
 */
import type { SettlementOptions } from "../../domain/settlement/types";
import type { ToleranceCell } from "../../workbook/settlement-input";
import { tolerancesByCurrency } from "../../workbook/statement-match";
import { CliError, USAGE_EXIT } from "./cli-error";
import type { RunContext } from "./context";

/** The tolerance flags per currency (upper-case code); a flag that is no amount in a currency is a usage error. */
export function toleranceFlags(ctx: RunContext, currencies: readonly string[]): ReadonlyMap<string, Partial<SettlementOptions>> {
  const cells: ToleranceCell[] = [];
  const penny = ctx.args.values.get("max-penny");
  const overUnder = ctx.args.values.get("max-over-under");
  if (penny !== undefined) cells.push({ option: "MaxPennyDifference", value: penny, row: 1 });
  if (overUnder !== undefined) cells.push({ option: "MaxOverUnder", value: overUnder, row: 2 });
  const read = tolerancesByCurrency(cells, currencies, "--max-penny/--max-over-under");
  if (!read.ok) {
    throw new CliError(`cc ${ctx.command}: ${read.errors.map((e) => `${e.code === "max_penny_difference_must_be_an_amount" ? "--max-penny" : "--max-over-under"}: ${e.message}`).join("; ")}`, USAGE_EXIT);
  }
  return read.value;
}
