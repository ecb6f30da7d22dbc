import { Button, type ButtonProps, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from "@fluentui/react-components";
import * as React from "react";
import { useT } from "../i18n/I18nProvider";

export interface ConfirmButtonProps {
  /** The button's visible text (also its accessible name). */
  readonly label: string;
  /** A longer accessible name that starts with the visible label, e.g. "Unapply SET-1". */
  readonly ariaLabel?: string;
  readonly title: string;
  readonly body: string;
  /** The confirming button's text; defaults to `label`. */
  readonly confirmLabel?: string;
  /** Defaults to "Cancel" in the pane's language. */
  readonly cancelLabel?: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean | undefined;
  readonly appearance?: ButtonProps["appearance"];
  readonly size?: ButtonProps["size"];
}

/**
 * A button for a posting that cannot be undone by a click: it opens a modal Dialog that says what
 * will happen, and only the Dialog's confirm button acts. Escape or Cancel closes it, nothing done.
 */
export function ConfirmButton({ label, ariaLabel, title, body, confirmLabel, cancelLabel, onConfirm, disabled, appearance = "primary", size }: ConfirmButtonProps): React.JSX.Element {
  const t = useT();
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button appearance={appearance} disabled={disabled === true} {...(size !== undefined ? { size } : {})} {...(ariaLabel !== undefined ? { "aria-label": ariaLabel } : {})}>{label}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => { setOpen(false); onConfirm(); }}>{confirmLabel ?? label}</Button>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{cancelLabel ?? t("common.cancel")}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
