/**
 * Command-line arguments: `cc <command> [input.xlsx] [--name value | --name=value | --flag]`.
 * Each command declares its options; an unknown option or a missing value is a usage error.
 */
import { CliError, USAGE_EXIT } from "./cli-error";

export interface OptionSpec {
  readonly name: string;
  /** Placeholder of the value ("DATE"); absent for a flag. */
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Usage line after `cc <name>`, e.g. "[input.xlsx] [options]". */
  readonly usage: string;
  readonly options: readonly OptionSpec[];
  /** Extra help text: what the command writes, examples. */
  readonly details?: string;
}

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly help: boolean;
}

/** Options every command that reads a workbook accepts. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: "as-of", value: "DATE", description: "as-of date, ISO (2025-12-31) or a serial; default: today" },
  { name: "out", value: "FILE", description: "output workbook (default: out/<command>.xlsx); never the input unless --in-place" },
  { name: "in-place", description: "append the result sheets to the input workbook instead (existing sheets are left as they are)" },
  { name: "quiet", description: "no progress on stderr" },
];

export function parseArgs(argv: readonly string[], spec: CommandSpec): ParsedArgs {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  let help = false;
  const known = new Map(spec.options.map((o) => [o.name, o]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--") || arg === "--") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const option = known.get(name);
    if (option === undefined) throw new CliError(`cc ${spec.name}: unknown option --${name} (see cc ${spec.name} --help)`, USAGE_EXIT);
    if (option.value === undefined) {
      if (eq >= 0) throw new CliError(`cc ${spec.name}: --${name} takes no value`, USAGE_EXIT);
      flags.add(name);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) throw new CliError(`cc ${spec.name}: --${name} needs a value (${option.value})`, USAGE_EXIT);
    values.set(name, value);
  }
  return { positional, values, flags, help };
}

export function helpText(spec: CommandSpec): string {
  const width = Math.max(...spec.options.map((o) => o.name.length + (o.value === undefined ? 0 : o.value.length + 1))) + 4;
  const lines = spec.options.map((o) => `  --${`${o.name}${o.value === undefined ? "" : ` ${o.value}`}`.padEnd(width)}${o.description}`);
  return [`cc ${spec.name} ${spec.usage}`, "", spec.summary, "", "Options:", ...lines, "  --help".padEnd(width + 4) + "this help", ...(spec.details === undefined ? [] : ["", spec.details]), ""].join("\n");
}
