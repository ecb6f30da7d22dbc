import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input } from "@fluentui/react-components";
import * as React from "react";
import type { CcError } from "../../domain/errors";

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
export function ReasonDialog({ label, title, body, reasonLabel, cancelLabel = "Cancel", disabled, appearance = "secondary", onSubmit }: ReasonDialogProps): React.JSX.Element {
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
  const message = errors.map((e) => e.message.charAt(0).toUpperCase() + e.message.slice(1) + (/[.!?]$/.test(e.message) ? "" : ".")).join(" ");
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
              <Field label={reasonLabel} required validationMessage={message === "" ? null : message}>
                <Input value={reason} onChange={(_, d) => setReason(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">{label}</Button>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{cancelLabel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
