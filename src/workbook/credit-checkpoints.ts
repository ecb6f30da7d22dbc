/**
 * The Checkpoints table `Checkpoint | Posting | ProForma | GraceDays` (docs/domain.md §5.4), validated:
 * grace days only with Posting, and all or none across posting checkpoints.
 */
import { validateCheckpoints } from "../domain/credit/checkpoints";
import { CHECKPOINT_STEPS, type Checkpoint } from "../domain/credit/types";
import { type Result } from "../domain/errors";
import { MAX_DAYS, readEachRow, type ReadOptions } from "./cells";
import { type ColumnSpec, matchTable } from "./table";

export const CHECKPOINT_COLUMNS: readonly ColumnSpec[] = [
  { key: "checkpoint", header: "Checkpoint", aliases: ["Step", "PostingStep"], required: true },
  { key: "posting", header: "Posting" },
  { key: "proForma", header: "ProForma", aliases: ["Pro-forma", "Proforma"] },
  { key: "graceDays", header: "GraceDays", aliases: ["Grace", "GracePeriod"] },
];

const STEP_ALIASES = { Confirm: "Confirmation", SalesOrderConfirmation: "Confirmation", Picking: "PickingList", PackingSlip: "PackingSlip", Packing: "PackingSlip", Delivery: "PackingSlip", Invoicing: "Invoice" } as const;

/**
 * @example readCheckpoints([["Checkpoint", "Posting", "GraceDays"], ["Confirmation", "Yes", 2], ["Invoice", "Yes", null]])
 * // { ok: false, errors: [{ code: "grace_days_must_be_on_all_posting_checkpoints", row: 3, column: "GraceDays", ... }] }
 */
export function readCheckpoints(range: unknown, options: ReadOptions & { name?: string } = {}): Result<readonly Checkpoint[]> {
  const matched = matchTable(range, CHECKPOINT_COLUMNS, options.name ?? "checkpoints");
  if (!matched.ok) return matched;
  const rows = readEachRow<Checkpoint>(matched.value, options, (r, out) => {
    if (r.blank("checkpoint")) {
      r.error("checkpoint", "checkpoint_must_not_be_blank", {});
      return;
    }
    const step = r.choice("checkpoint", CHECKPOINT_STEPS, STEP_ALIASES);
    const graceDays = r.number("graceDays");
    if (graceDays !== undefined && (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > MAX_DAYS)) r.error("graceDays", "grace_days_must_be_whole_days", { value: graceDays });
    if (step === undefined) return;
    out.push({ step, posting: r.bool("posting"), proForma: r.bool("proForma"), ...(graceDays !== undefined ? { graceDays } : {}), row: r.rowNumber });
  });
  return rows.ok ? validateCheckpoints(rows.value) : rows;
}
