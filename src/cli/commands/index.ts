/** Every command, in the order `cc --help` lists them. */
import type { Command } from "../_lib/command";
import { agingCommand } from "./aging";
import { interestCommand } from "./interest";
import { settleCommand } from "./settle";
import { writeoffCommand } from "./writeoff";

export const COMMANDS: readonly Command[] = [agingCommand, settleCommand, writeoffCommand, interestCommand];
