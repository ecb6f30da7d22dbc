import * as React from "react";
import type { Gateway } from "../office/gateway";

const GatewayContext = React.createContext<Gateway | undefined>(undefined);

/** Hands the Office gateway (or the preview's) to the screens below it. */
export function GatewayProvider({ gateway, children }: { gateway: Gateway; children: React.ReactNode }): React.JSX.Element {
  return <GatewayContext.Provider value={gateway}>{children}</GatewayContext.Provider>;
}

export function useGateway(): Gateway {
  const g = React.useContext(GatewayContext);
  if (g === undefined) throw new Error("useGateway must be used inside a GatewayProvider");
  return g;
}

/** The workbook's table and sheet names, for pickers; `refresh` reloads them. */
export function useTableNames(): { names: string[]; refresh: () => void } {
  const gateway = useGateway();
  const [names, setNames] = React.useState<string[]>([]);
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    gateway.listTables().then(
      (r) => live && setNames([...r.tables, ...r.sheets.filter((s) => !r.tables.includes(s))]),
      () => live && setNames([]),
    );
    return () => {
      live = false;
    };
  }, [gateway, tick]);
  return { names, refresh: () => setTick((t) => t + 1) };
}
