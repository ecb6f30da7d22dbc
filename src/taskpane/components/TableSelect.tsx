import { Field, Select } from "@fluentui/react-components";
import * as React from "react";
import { selectStyle } from "../screens/styles";

/** Picks an input table or sheet by name; the expected name is offered even before it exists. */
export function TableSelect({ label, value, names, onChange }: { label: string; value: string; names: readonly string[]; onChange: (name: string) => void }): React.JSX.Element {
  const options = names.includes(value) ? names : [value, ...names];
  return (
    <Field label={label}>
      <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={value} onChange={(_, d) => onChange(d.value)}>
        {options.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </Field>
  );
}
