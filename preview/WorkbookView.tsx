import * as React from "react";
import { isoFromSerial } from "../src/domain/dates";
import type { Cell, Workbook } from "./workbook";

const MAX_ROWS = 300;

function show(cell: Cell | undefined): string {
  if (cell === undefined) return "";
  if (cell.formula !== undefined) return cell.formula;
  const v = cell.value;
  if (typeof v === "number" && cell.format === "yyyy-mm-dd" && v >= 61) return isoFromSerial(Math.floor(v));
  if (typeof v === "number" && /^#,##0/.test(cell.format)) {
    const decimals = (cell.format.split(".")[1] ?? "").length;
    return v.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }
  return String(v);
}

/** A read-only grid of the in-memory workbook, with its sheet tabs, beside the task pane. */
export function WorkbookView({ book }: { book: Workbook }): React.JSX.Element {
  const [, setTick] = React.useState(0);
  const [active, setActive] = React.useState(book.sheets[0]?.name ?? "");
  React.useEffect(() => {
    const before = book.onChange;
    book.onChange = () => {
      const a = (book as Workbook & { active?: string }).active;
      if (a !== undefined) setActive(a);
      setTick((t) => t + 1);
    };
    return () => {
      book.onChange = before;
    };
  }, [book]);
  const sheet = book.sheet(active) ?? book.sheets[0];
  const width = sheet === undefined ? 0 : Math.max(0, ...sheet.cells.slice(0, MAX_ROWS).map((r) => r.length));
  return (
    <div className="wb">
      <div role="tablist" aria-label="Sheets" className="wb-tabs">
        {book.sheets.map((s) => (
          <button key={s.name} role="tab" aria-selected={s === sheet} onClick={() => setActive(s.name)}>
            {s.name}
          </button>
        ))}
      </div>
      {sheet === undefined ? null : (
        <div className="wb-grid" role="region" aria-label={`Sheet ${sheet.name}`}>
          {sheet.charts.map((c) => (
            <p key={c.name} className="wb-chart">Chart "{c.title}" ({c.type}) over {c.source}</p>
          ))}
          <table aria-label={sheet.name}>
            <tbody>
              {sheet.cells.slice(0, MAX_ROWS).map((row, r) => (
                <tr key={r}>
                  <th>{r + 1}</th>
                  {Array.from({ length: width }, (_, c) => {
                    const cell = row[c];
                    const highlighted = sheet.conditionalFormats.length > 0 && typeof cell?.value === "number" && cell.value > 0 && inCf(sheet.conditionalFormats.map((f) => f.address), r, c);
                    const selected = book.selection?.sheet === sheet.name && book.selection.row === r && book.selection.column === c;
                    const style: React.CSSProperties = { ...(highlighted ? { background: sheet.conditionalFormats[0]?.fillColor } : {}), ...(selected ? { outline: "2px solid #217346" } : {}) };
                    return (
                      <td
                        key={c}
                        style={style}
                        aria-selected={selected}
                        onClick={() => {
                          book.selection = { sheet: sheet.name, row: r, column: c };
                          setTick((t) => t + 1);
                        }}
                        className={typeof cell?.value === "number" ? "num" : undefined}
                      >
                        {show(cell)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {sheet.cells.length > MAX_ROWS ? <p>… {sheet.cells.length - MAX_ROWS} more rows</p> : null}
        </div>
      )}
    </div>
  );
}

function colIndex(letters: string): number {
  return [...letters].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

function inCf(addresses: readonly string[], r: number, c: number): boolean {
  return addresses.some((a) => {
    const m = /!([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
    if (m === null) return false;
    const [c0, r0] = [colIndex(m[1] ?? "A"), Number(m[2]) - 1];
    const [c1, r1] = m[3] === undefined ? [c0, r0] : [colIndex(m[3]), Number(m[4]) - 1];
    return r >= r0 && r <= r1 && c >= c0 && c <= c1;
  });
}
