import * as React from "react";
import { type CcError, ok, type Result } from "../../domain/errors";
import { INITIAL_LIST, listReducer, visibleRows } from "../collections/list-state";
import { loadWorkspace, type Workspace } from "../collections/workspace";
import type { Gateway } from "../office/gateway";
import type { TaskControl } from "../office/task";
import { useT } from "../i18n/I18nProvider";
import { useGateway } from "./gateway-context";
import { useTask } from "./use-task";

/**
 * State and actions of the collections workspace. Every posting runs as one task (progress,
 * Cancel up to the moment writing starts), then the workspace is read again so that the list,
 * the detail and the history show what the sheets now hold: screens reset after a post.
 */
export function useCollections(todaySerial: number) {
  const gateway = useGateway();
  const task = useTask();
  const t = useT();
  const [workspace, setWorkspace] = React.useState<Workspace | undefined>(undefined);
  const [list, dispatch] = React.useReducer(listReducer, INITIAL_LIST);
  /** Which section of the detail the last action came from: its result is shown there. */
  const [section, setSection] = React.useState("");
  const [accountingCurrency, setAccountingCurrency] = React.useState("");
  /** Errors from a pure preview (no posting) shown in a section like a failed task. */
  const [previewErrors, setPreviewErrors] = React.useState<readonly CcError[]>([]);

  const load = async (): Promise<void> => {
    setSection("");
    const w = await task.run(t("collect.phase.load"), (control) => loadWorkspace(gateway, { asOfSerial: todaySerial, accountingCurrency }, control));
    if (w === undefined) return;
    setWorkspace(w);
    task.succeed(t("collect.loaded", { customers: w.customers.length, pools: w.pools.length }));
  };

  /**
   * Run one posting for a section; on success read the workspace again (not cancellable: the post
   * is done) and show `message`. Returns whether it was posted.
   */
  const perform = async <T,>(from: string, phase: string, body: (gateway: Gateway, control: TaskControl) => Promise<Result<T>>, message: (value: T) => string): Promise<boolean> => {
    setSection(from);
    setPreviewErrors([]);
    const done = await task.run(phase, async (control) => {
      const r = await body(gateway, control);
      if (!r.ok || workspace === undefined) return r;
      const fresh = await loadWorkspace(gateway, { asOfSerial: workspace.asOfSerial, accountingCurrency: workspace.accountingCurrency });
      if (fresh.ok) setWorkspace(fresh.value);
      return ok(r.value);
    });
    if (done === undefined) return false;
    task.succeed(message(done));
    return true;
  };

  const check = <T,>(from: string, r: Result<T>): T | undefined => {
    setSection(from);
    task.reset();
    if (r.ok) {
      setPreviewErrors([]);
      return r.value;
    }
    setPreviewErrors(r.errors);
    return undefined;
  };

  const visible = React.useMemo(() => (workspace === undefined ? undefined : visibleRows(workspace.worklist.rows, workspace.pools, list)), [workspace, list]);
  return { task, workspace, list, dispatch, visible, load, perform, section, setSection, check, previewErrors, accountingCurrency, setAccountingCurrency, todaySerial };
}

export type Collections = ReturnType<typeof useCollections>;
