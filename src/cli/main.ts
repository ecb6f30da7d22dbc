/**
 * `cc`: the engine without Excel. `cc <command> [input.xlsx] [options]`; `cc <command> --help`.
 * Exit codes: 0 done, 1 bad input (the message names the sheet, row and column), 2 bad arguments,
 * 3 an internal error (a bug: the stack is printed).
 */
import { CcInputError } from "../domain/errors";
import { helpText, parseArgs } from "./_lib/args";
import { CliError, USAGE_EXIT } from "./_lib/cli-error";
import type { Command } from "./_lib/command";
import { type Io, makeContext, processIo, writeResults } from "./_lib/context";
import { COMMANDS } from "./commands";

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    "cc: credit & collections over .xlsx workbooks",
    "",
    "Usage: cc <command> [input.xlsx] [options]     (cc <command> --help for its options)",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    "",
    "First run: cc demo  (ages, settles, checks credit and writes off on samples/sample-ledger.xlsx -> out/demo.xlsx)",
    "",
  ].join("\n");
}

/** Run the CLI; resolves to the exit code (never calls process.exit, so tests can call it). */
export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name === undefined ? USAGE_EXIT : 0;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.spec.name === name);
  try {
    if (command === undefined) throw new CliError(`cc: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.spec.name).join(", ")})`, USAGE_EXIT);
    const args = parseArgs(rest, command.spec);
    if (args.help) {
      io.stdout(helpText(command.spec));
      return 0;
    }
    const ctx = makeContext(command.spec.name, args, io, command.defaultInput);
    const result = await command.run(ctx);
    const written = await writeResults(ctx, result.sheets);
    for (const line of result.summary) io.stdout(`${line}\n`);
    io.stdout(`Wrote ${written.sheets.map((s) => `'${s}'`).join(", ")} to ${written.path}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof CcInputError) {
      io.stderr(`cc ${name}: ${e.message}\n`);
      return 1;
    }
    io.stderr(`cc ${name}: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}

if (require.main === module) {
  // A run whose work stops without settling (a stream that never ends) must not exit 0 silently.
  let settled = false;
  process.on("beforeExit", () => {
    if (settled) return;
    settled = true;
    process.stderr.write("cc: stopped before finishing, nothing was written (internal error, please report it)\n");
    process.exitCode = 3;
  });
  runCli(process.argv.slice(2)).then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (e: unknown) => {
      settled = true;
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
