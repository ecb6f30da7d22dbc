import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { sentences, useCollectText } from "../collections/text";
import { TaskStatus } from "../components/TaskStatus";
import type { Collections } from "../hooks/use-collections";
import { useCollectionsStyles } from "./collections-styles";

/** The result of the last action, shown in the section it came from (next to its button). */
export function SectionStatus({ c, id }: { c: Collections; id: string }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const { t } = useCollectText();
  if (c.section !== id) return null;
  if (c.previewErrors.length > 0 && !c.task.state.running && c.task.state.message === undefined && c.task.state.errors.length === 0) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("collect.errorsTitle")}</MessageBarTitle>
          <ul className={s.errors}>{sentences(c.previewErrors).map((t, i) => <li key={i}>{t}</li>)}</ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <TaskStatus state={c.task.state} onCancel={c.task.cancel} />;
}
