import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from "@fluentui/react-components";
import * as React from "react";
import { describeError } from "../../domain/errors";
import type { TaskState } from "../hooks/use-task";

/** Progress with a Cancel button while a task runs; then its errors or its success message. */
export function TaskStatus({ state, onCancel }: { state: TaskState; onCancel: () => void }): React.JSX.Element | null {
  if (state.running) {
    return (
      <div style={{ display: "flex", flexDirection: "column", gap: 4 }}>
        <Field label={state.phase || "Working"} validationState="none">
          <ProgressBar {...(state.progress === undefined ? {} : { value: state.progress })} max={1} aria-label={state.phase || "Working"} />
        </Field>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    );
  }
  if (state.errors.length > 0) {
    const shown = state.errors.slice(0, 5);
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Nothing was written</MessageBarTitle>
          <ul style={{ margin: "4px 0", paddingLeft: 16 }}>
            {shown.map((e, i) => (
              <li key={i}>{describeError(e)}</li>
            ))}
          </ul>
          {state.errors.length > shown.length ? `and ${state.errors.length - shown.length} more` : null}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.message !== undefined) {
    return (
      <MessageBar intent={state.cancelled ? "warning" : "success"} role="status">
        <MessageBarBody>{state.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
