import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The customer list's one row height (px): the virtualized list counts on it. At the pane's 350 px
 * the tallest rows need about 116 px: a four-line customer name, or a broken promise (the status in
 * two or three lines, the amount, the date). test/e2e/collections.test.ts fails if any text of a
 * row is cut.
 */
export const CUSTOMER_ROW_PX = 120;

/** Styles of the collections workspace: one column at 320-450 px, amounts never cut. */
export const useCollectionsStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "120px" },
  select: { width: "100%", minWidth: 0, maxWidth: "100%" },
  grid: { minWidth: 0, width: "100%", tableLayout: "fixed", maxHeight: "70vh", overflowY: "auto", overscrollBehavior: "contain" },
  gridHeader: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  customerRow: { height: `${CUSTOMER_ROW_PX}px`, boxSizing: "border-box", overflowY: "hidden", alignItems: "start" },
  promiseLines: { display: "flex", flexDirection: "column", minWidth: 0 },
  table: { minWidth: 0, width: "100%", tableLayout: "fixed" },
  muted: { color: tokens.colorNeutralForeground3 },
  probabilities: { fontVariantNumeric: "tabular-nums" },
  customerCell: { minWidth: 0, overflowWrap: "anywhere", whiteSpace: "normal", textAlign: "start", justifyContent: "flex-start", paddingLeft: 0, paddingRight: 0, height: "auto", fontWeight: tokens.fontWeightSemibold },
  cellText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere", whiteSpace: "normal", paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  amount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  broken: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  /**
   * A status word in a narrow column: breaks at word boundaries and at the soft hyphens of
   * collect.statusCell.* (hyphens: auto adds the language's own where the browser has a dictionary;
   * the FluentProvider sets lang); only a word longer than the whole column breaks anywhere.
   */
  status: { hyphens: "auto", overflowWrap: "break-word" },
  summary: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.2fr)", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  listItem: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
