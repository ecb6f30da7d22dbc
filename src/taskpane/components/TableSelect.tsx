import { Field, makeStyles, Select } from "@fluentui/react-components";
import * as React from "react";

export const useSelectStyles = makeStyles({
  /** A Select never wider than the pane: long option labels are cut, not overflowing. */
  root: { minWidth: 0, maxWidth: "100%" },
  select: { width: "100%", minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
});

/** Picks an input table or sheet by name; the expected name is offered even before it exists. */
export function TableSelect({ label, value, names, onChange }: { label: string; value: string; names: readonly string[]; onChange: (name: string) => void }): React.JSX.Element {
  const styles = useSelectStyles();
  const options = names.includes(value) ? names : [value, ...names];
  return (
    <Field label={label}>
      <Select root={{ className: styles.root }} className={styles.select} value={value} onChange={(_, d) => onChange(d.value)}>
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
}
