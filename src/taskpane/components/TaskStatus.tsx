import { Button, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { TaskState } from "../hooks/use-task";
import { useT } from "../i18n/I18nProvider";
import { useErrorText } from "./error-text";

const useStyles = makeStyles({
  running: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  errors: { marginTop: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalXS, paddingLeft: tokens.spacingHorizontalL },
});

export interface TaskStatusProps {
  readonly state: TaskState;
  readonly onCancel: () => void;
  /** Values of the success message when it is a catalog key (e.g. `{ journal: "SET-1" }`). */
  readonly values?: Record<string, string | number> | undefined;
}

/**
 * Progress with a Cancel button while a task runs; then its errors as a list, a cancellation
 * notice, or its success message. A phase or message that is a catalog key is translated; other
 * text is shown as given (screens not yet on the catalogs).
 */
export function TaskStatus({ state, onCancel, values }: TaskStatusProps): React.JSX.Element | null {
  const t = useT();
  const styles = useStyles();
  const { has, error } = useErrorText();
  const text = (s: string, v?: Record<string, string | number>): string => (has(s) ? t(s, v) : s);
  if (state.running) {
    const label = state.label !== undefined && has(state.label) ? t(state.label) : state.phase || t("common.working");
    return (
      <div className={styles.running}>
        <Field label={label} validationState="none">
          <ProgressBar {...(state.progress === undefined ? {} : { value: state.progress })} max={1} aria-label={label} />
        </Field>
        <Button onClick={onCancel}>{t("common.cancel")}</Button>
      </div>
    );
  }
  if (state.errors.length > 0) {
    const shown = state.errors.slice(0, 5);
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("common.nothingWritten")}</MessageBarTitle>
          <ul className={styles.errors}>
            {shown.map((e, i) => (
              <li key={i}>{error(e)}</li>
            ))}
          </ul>
          {state.errors.length > shown.length ? t("common.moreErrors", { count: state.errors.length - shown.length }) : null}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.cancelled) {
    return (
      <MessageBar intent="warning" role="status">
        <MessageBarBody>{t("common.cancelled")}</MessageBarBody>
      </MessageBar>
    );
  }
  if (state.message !== undefined) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{text(state.message, values)}</MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
