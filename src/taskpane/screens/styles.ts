import { makeStyles, tokens } from "@fluentui/react-components";

/** The screens' layout on Fluent tokens: one column of fields, the task pane is about 350 px wide. */
export const useScreenStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, minWidth: 0 },
  /** A wizard step: a fieldset without the browser's frame, its legend a subtitle. */
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0, border: "none", margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: 0, marginBottom: tokens.spacingVerticalXS },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  headingSpaced: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalXS, marginLeft: 0, marginRight: 0 },
  plainList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  card: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS, minWidth: 0, overflowWrap: "anywhere" },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", justifyContent: "space-between", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, minWidth: 0, overflowWrap: "anywhere" },
  totals: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  total: { margin: 0, textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  amount: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

