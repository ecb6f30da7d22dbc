import * as React from "react";
import { createRoot } from "react-dom/client";
import { todaySerial } from "./_lib/dates";
import { App } from "./App";
import { excelRun } from "./office/excel-subset";
import { createGateway } from "./office/gateway";

function mount(): void {
  const container = document.getElementById("container");
  if (container === null) return;
  createRoot(container).render(<App gateway={createGateway(excelRun)} todaySerial={todaySerial()} />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office !== undefined && typeof office.onReady === "function") void office.onReady(() => mount());
else mount();
