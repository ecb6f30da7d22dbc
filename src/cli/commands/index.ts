/** Every command, in the order `cc --help` lists them. */
import type { Command } from "../_lib/command";
import { agingCommand } from "./aging";
import { creditcheckCommand } from "./creditcheck";
import { demoCommand } from "./demo";
import { interestCommand } from "./interest";
import { lettersCommand } from "./letters";
import { matchCommand } from "./match";
import { settleCommand } from "./settle";
import { writeoffCommand } from "./writeoff";
import { adjustCommand } from "./adjust";
import { nsfCommand } from "./nsf";
import { riskCommand } from "./risk";
import { writeoffCandidatesCommand } from "./writeoff-candidates";
import { worklistCommand } from "./worklist";

export const COMMANDS: readonly Command[] = [agingCommand, settleCommand, creditcheckCommand, writeoffCommand, interestCommand, lettersCommand, matchCommand, demoCommand, nsfCommand, riskCommand, adjustCommand, writeoffCandidatesCommand, worklistCommand];
