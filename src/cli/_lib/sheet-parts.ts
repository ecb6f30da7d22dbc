/**
 * The parts a written sheet may bring along: its Excel table (`xl/tables/tableN.xml`: the header's
 * filter buttons, banded rows, a totals row), and a native chart (`xl/drawings/drawingN.xml`
 * anchoring `xl/charts/chartN.xml`, a DrawingML clustered column chart whose series refer to the
 * sheet's own cells and carry cached values, so a reader that does not recalculate still draws it).
 */
import type { SheetPlan } from "./sheet-format";
import { type ChartSpec, columnName, escapeXml, type OutCell } from "./sheet-xml";

export const TABLE_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
export const DRAWING_CT = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const TABLE_REL = `${REL_NS}/table`;
export const DRAWING_REL = `${REL_NS}/drawing`;
export const CHART_REL = `${REL_NS}/chart`;
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * A table name from a sheet name: letters, digits and underscores after `Table_` (so it can never
 * read as a cell reference), unique case-insensitively among `taken` (which it joins).
 * @example tableName("Settlement journal", new Set()) // "Table_Settlement_journal"
 */
export function tableName(sheet: string, taken: Set<string>): string {
  const base = `Table_${sheet.replace(/[^\p{L}\p{N}_]+/gu, "_").replace(/_+$/, "")}`.slice(0, 200);
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The table part of a sheet of `rowCount` rows (header included) and the plan's columns. */
export function tableXml(id: number, name: string, header: readonly OutCell[], rowCount: number, plan: SheetPlan): string {
  const last = columnName(plan.columns.length - 1);
  // A table needs one data row: an empty result is a header over one blank row.
  const dataEnd = Math.max(rowCount, 2);
  const end = dataEnd + (plan.totals ? 1 : 0);
  const columns = plan.columns
    .map((c, i) => {
      const label = i === 0 && plan.totals ? ' totalsRowLabel="Total"' : "";
      return `<tableColumn id="${i + 1}" name="${escapeXml(String(header[i] ?? ""))}"${label}/>`;
    })
    .join("");
  const totals = plan.totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"';
  return `${DECL}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="A1:${last}${end}"${totals}><autoFilter ref="A1:${last}${dataEnd}"/><tableColumns count="${plan.columns.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
}

export function relsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  return `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("")}</Relationships>`;
}

/** The drawing that places the chart to the right of the table (`fromColumn`), 10 columns by 20 rows. */
export function drawingXml(fromColumn: number): string {
  const anchor = (tag: string, col: number, row: number): string => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor editAs="oneCell">${anchor("from", fromColumn, 1)}${anchor("to", fromColumn + 10, 21)}<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL_NS}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
}

/** Office's default series colours, so every reader draws the bars the same (none is left to guess). */
const PALETTE = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E", "636363", "997300"];

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function richText(text: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-US" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

/**
 * The chart part: one series per `seriesColumns` over the data rows (row 2 to `lastDataRow`, 1-based),
 * categories from `categoryColumn`, with cached names, labels and values.
 */
export function chartXml(sheetName: string, rows: readonly (readonly OutCell[])[], lastDataRow: number, spec: ChartSpec): string {
  const sheet = quoteSheet(sheetName);
  const data = rows.slice(1, lastDataRow);
  const col = (i: number): string => `$${columnName(i)}`;
  const catRef = `${sheet}!${col(spec.categoryColumn)}$2:${col(spec.categoryColumn)}$${lastDataRow}`;
  const catCache = `<c:strCache><c:ptCount val="${data.length}"/>${data.map((r, k) => `<c:pt idx="${k}"><c:v>${escapeXml(String(r[spec.categoryColumn] ?? ""))}</c:v></c:pt>`).join("")}</c:strCache>`;
  const series = spec.seriesColumns
    .map((c, k) => {
      const name = String(rows[0]?.[c] ?? "");
      const values = data.map((r, p) => (typeof r[c] === "number" && Number.isFinite(r[c]) ? `<c:pt idx="${p}"><c:v>${r[c] as number}</c:v></c:pt>` : "")).join("");
      return (
        `<c:ser><c:idx val="${k}"/><c:order val="${k}"/><c:tx><c:strRef><c:f>${escapeXml(`${sheet}!${col(c)}$1`)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${PALETTE[k % PALETTE.length] as string}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>${escapeXml(catRef)}</c:f>${catCache}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(`${sheet}!${col(c)}$2:${col(c)}$${lastDataRow}`)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${data.length}"/>${values}</c:numCache></c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  const valueTitle = spec.valueAxisTitle === undefined ? "" : `<c:title>${richText(spec.valueAxisTitle)}<c:overlay val="0"/></c:title>`;
  return (
    `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL_NS}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(spec.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${valueTitle}<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
