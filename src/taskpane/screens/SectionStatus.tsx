import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { useCollectText } from "../collections/text";
import { TaskStatus } from "../components/TaskStatus";
import type { Collections } from "../hooks/use-collections";
import { useScreenStyles } from "./styles";

/** The result of the last action, shown in the section it came from (next to its button). */
export function SectionStatus({ c, id, values }: { c: Collections; id: string; values?: Record<string, string | number> }): React.JSX.Element | null {
  const styles = useScreenStyles();
  const { t, sentences } = useCollectText();
  if (c.section !== id) return null;
  if (c.previewErrors.length > 0 && !c.task.state.running && c.task.state.message === undefined && c.task.state.errors.length === 0) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("collect.errorsTitle")}</MessageBarTitle>
          <ul className={styles.errors}>{sentences(c.previewErrors).map((text, i) => <li key={i}>{text}</li>)}</ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <TaskStatus state={c.task.state} onCancel={c.task.cancel} values={values} />;
}
