import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function mount(): void {
  const container = document.getElementById("container");
  if (container === null) return;
  createRoot(container).render(<App />);
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office !== undefined && typeof office.onReady === "function") void office.onReady(() => mount());
else mount();
