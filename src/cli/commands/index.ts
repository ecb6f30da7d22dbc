/** Every command, in the order `cc --help` lists them. */
import type { Command } from "../_lib/command";
import { agingCommand } from "./aging";

export const COMMANDS: readonly Command[] = [agingCommand];
