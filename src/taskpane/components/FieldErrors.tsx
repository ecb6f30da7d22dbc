import * as React from "react";
import { useScreenStyles } from "../screens/styles";

/**
 * A field's errors for Fluent's `validationMessage`: one error as its sentence, several as a list,
 * none as null (so the field shows no message).
 */
export function fieldMessage(messages: readonly string[]): React.JSX.Element | string | null {
  if (messages.length === 0) return null;
  if (messages.length === 1) return messages[0] ?? null;
  return <FieldErrorList messages={messages} />;
}

function FieldErrorList({ messages }: { messages: readonly string[] }): React.JSX.Element {
  const styles = useScreenStyles();
  return (
    <ul className={styles.errors}>
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
