import { Button, Field, Select } from "@fluentui/react-components";
import * as React from "react";
import { useT } from "../i18n/I18nProvider";
import { useCollectionsStyles } from "./collections-styles";

export type SortDirection = "ascending" | "descending";

export interface SortControlsProps<K extends string> {
  readonly keys: readonly K[];
  readonly sort: K;
  readonly direction: SortDirection;
  /** The label of each key, e.g. t(`credit.review.sort.${k}`). */
  readonly labelOf: (key: K) => string;
  readonly onChange: (sort: K, direction: SortDirection) => void;
}

/** "Sort by" with a direction toggle: the credit grids' sort row (review and limits). */
export function SortControls<K extends string>({ keys, sort, direction, labelOf, onChange }: SortControlsProps<K>): React.JSX.Element {
  const s = useCollectionsStyles();
  const t = useT();
  return (
    <div className={s.row}>
      <Field label={t("credit.sortBy")} className={s.grow}>
        <Select className={s.select} value={sort} onChange={(_, d) => onChange(d.value as K, direction)}>
          {keys.map((k) => <option key={k} value={k}>{labelOf(k)}</option>)}
        </Select>
      </Field>
      <Button onClick={() => onChange(sort, direction === "ascending" ? "descending" : "ascending")}>
        {direction === "ascending" ? t("credit.ascending") : t("credit.descending")}
      </Button>
    </div>
  );
}
