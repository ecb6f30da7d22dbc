import type * as React from "react";

/** One column of fields: the task pane is about 350 px wide. */
export const stack: React.CSSProperties = { display: "flex", flexDirection: "column", gap: 10, padding: "8px 0", minWidth: 0 };

/** A Select never wider than the pane: long option labels are cut, not overflowing. */
export const selectStyle: React.CSSProperties = { width: "100%", minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" };
