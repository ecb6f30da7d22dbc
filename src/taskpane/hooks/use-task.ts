import * as React from "react";
import { ccError, type CcError, type Result } from "../../domain/errors";
import { CancelledError, type TaskControl } from "../office/task";

export interface TaskState {
  readonly running: boolean;
  readonly phase: string;
  /** The phase the task was started with (a catalog key or text); `phase` follows the gateway's reports. */
  readonly label?: string;
  /** 0..1, or undefined while the size is unknown. */
  readonly progress: number | undefined;
  readonly errors: readonly CcError[];
  readonly message: string | undefined;
  readonly cancelled: boolean;
}

const IDLE: TaskState = { running: false, phase: "", progress: undefined, errors: [], message: undefined, cancelled: false };

/**
 * Runs one long operation at a time with progress and cancellation. The body gets a TaskControl
 * for the gateway and returns a Result; its errors (or a thrown error's message) end up in state.
 */
export function useTask(): {
  state: TaskState;
  run: <T>(phase: string, body: (control: TaskControl) => Promise<Result<T>>) => Promise<T | undefined>;
  cancel: () => void;
  reset: () => void;
  succeed: (message: string) => void;
} {
  const [state, setState] = React.useState<TaskState>(IDLE);
  const abort = React.useRef<AbortController | undefined>(undefined);
  const run = React.useCallback(async <T,>(phase: string, body: (control: TaskControl) => Promise<Result<T>>): Promise<T | undefined> => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ ...IDLE, running: true, phase, label: phase });
    const control: TaskControl = {
      signal: controller.signal,
      onProgress: (done, total, p) => setState((s) => ({ ...s, phase: p, progress: total > 0 ? done / total : undefined })),
    };
    try {
      const r = await body(control);
      if (!r.ok) {
        setState({ ...IDLE, errors: r.errors, message: undefined });
        return undefined;
      }
      setState(IDLE);
      return r.value;
    } catch (e) {
      if (e instanceof CancelledError) setState({ ...IDLE, cancelled: true, message: e.message });
      else setState({ ...IDLE, errors: [ccError("unexpected_error", { detail: e instanceof Error ? e.message : String(e) })] });
      return undefined;
    } finally {
      abort.current = undefined;
    }
  }, []);
  return {
    state,
    run,
    cancel: () => abort.current?.abort(),
    reset: () => setState(IDLE),
    succeed: (message) => setState({ ...IDLE, message }),
  };
}
