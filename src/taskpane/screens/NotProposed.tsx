import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import type { CcError } from "../../domain/errors";
import { useErrorText } from "../components/error-text";
import { useT } from "../i18n/I18nProvider";
import { useScreenStyles } from "./styles";

/** Why the settlement was not proposed: the first five errors, as sentences in the pane's language. */
export function NotProposed({ errors }: { errors: readonly CcError[] }): React.JSX.Element | null {
  const t = useT();
  const styles = useScreenStyles();
  const { error } = useErrorText();
  if (errors.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t("settle.notProposed")}</MessageBarTitle>
        <ul className={styles.errors}>
          {errors.slice(0, 5).map((e, i) => (
            <li key={i}>{error(e)}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
