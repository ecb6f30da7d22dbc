import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import type { CcError } from "../../domain/errors";
import { useT } from "../i18n/I18nProvider";
import { useErrorText } from "./error-text";

export interface ReasonDialogProps {
  /** The button's visible text, also the start of its accessible name and the confirm button's text. */
  readonly label: string;
  readonly title: string;
  readonly body: string;
  readonly reasonLabel: string;
  readonly cancelLabel?: string;
  readonly disabled?: boolean | undefined;
  readonly appearance?: "primary" | "secondary";
  /** Acts with the reason; returns the errors to show under the reason (the dialog stays open), or none. */
  readonly onSubmit: (reason: string) => Promise<readonly CcError[]>;
}

/** An action that needs a reason: the reason is asked in a dialog beside the action, Enter confirms. */
export function ReasonDialog({ label, title, body, reasonLabel, cancelLabel, disabled, appearance = "secondary", onSubmit }: ReasonDialogProps): React.JSX.Element {
  const t = useT();
  const { error } = useErrorText();
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const [errors, setErrors] = React.useState<readonly CcError[]>([]);
  const submit = async (): Promise<void> => {
    const e = await onSubmit(reason);
    setErrors(e);
    if (e.length === 0) {
      setOpen(false);
      setReason("");
    }
  };
  const messages = errors.map((e) => error({ code: e.code, message: e.message }));
  return (
    <Dialog open={open} onOpenChange={(_, d) => { setOpen(d.open); setErrors([]); }} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={appearance} disabled={disabled === true}>{label}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              <p>{body}</p>
              <Field
                label={reasonLabel}
                required
                validationState={messages.length > 0 ? "error" : "none"}
                validationMessage={messages.length === 0 ? null : messages.length === 1 ? (messages[0] ?? null) : <ul>{messages.map((m, i) => <li key={i}>{m}</li>)}</ul>}
              >
                <Input value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">{label}</Button>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{cancelLabel ?? t("common.cancel")}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
