/**
 * The preview host: the real task pane (src/taskpane/App) over an in-memory workbook seeded from
 * the bundled sample ledger, with a grid of that workbook beside it. No Excel needed.
 * Query parameters: `?today=2025-12-31` sets today; `?slow=50` makes each sync take 50 ms;
 * `?lang=sv` starts the pane in Swedish (en, sv, da, nb), as Office's display language would.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import sample from "../samples/sample-ledger.json";
import { parseDate, serialFromYmd } from "../src/domain/dates";
import { App } from "../src/taskpane/App";
import { LANGUAGES, type Language } from "../src/taskpane/i18n/languages";
import { createGateway } from "../src/taskpane/office/gateway";
import { COLLECTIONS_TABLES } from "./collections-seed";
import { seedWorkbook, type SampleJson } from "./seed";
import { WorkbookView } from "./WorkbookView";

const params = new URLSearchParams(window.location.search);
const today = parseDate(params.get("today") ?? "");
const todaySerial = today.ok ? today.serial : serialFromYmd(2025, 12, 31);
const lang = params.get("lang");
const language = (LANGUAGES as readonly string[]).includes(lang ?? "") ? (lang as Language) : undefined;
const book = seedWorkbook({ ...(sample as unknown as SampleJson), ...COLLECTIONS_TABLES });
book.syncDelayMs = Number(params.get("slow") ?? 0) || 0;
(window as unknown as { ccWorkbook: unknown }).ccWorkbook = book;

function Preview(): React.JSX.Element {
  return (
    <div className="preview">
      <main className="preview-book" aria-label="Workbook">
        <WorkbookView book={book} />
      </main>
      <aside className="preview-pane" aria-label="Task pane">
        <App gateway={createGateway(book.run)} todaySerial={todaySerial} {...(language !== undefined ? { language } : {})} />
      </aside>
    </div>
  );
}

const container = document.getElementById("container");
if (container !== null) createRoot(container).render(<Preview />);
