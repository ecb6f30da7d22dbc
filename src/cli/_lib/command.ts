/** The shape of one CLI command. */
import type { CommandSpec } from "./args";
import type { RunContext } from "./context";
import type { OutputSheet } from "./xlsx-write";

export interface CommandResult {
  readonly sheets: readonly OutputSheet[];
  /** Summary lines printed on stdout after the sheets are written. */
  readonly summary: readonly string[];
}

export interface Command {
  readonly spec: CommandSpec;
  /** Default input when none is named (the demo uses the bundled sample). */
  readonly defaultInput?: string;
  run(ctx: RunContext): Promise<CommandResult>;
}
