import { Caption1, FluentProvider, Tab, TabList, Title3, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { GatewayProvider } from "./hooks/gateway-context";
import type { Gateway } from "./office/gateway";
import { AgingScreen } from "./screens/AgingScreen";
import { CollectionsScreen } from "./screens/CollectionsScreen";
import { CreditReview } from "./screens/CreditReview";
import { SettlementWizard } from "./screens/SettlementWizard";
import { WriteOffScreen } from "./screens/WriteOffScreen";
import { PRODUCT_NAME, PRODUCT_VERSION } from "./version";

export const SCREENS = [
  { id: "settle", label: "Settle", title: "Settlement wizard" },
  { id: "aging", label: "Aging", title: "Aging workbook" },
  { id: "credit", label: "Credit", title: "Credit review" },
  { id: "writeoff", label: "Write-off", title: "Write-off" },
  { id: "collect", label: "Collections", title: "Collections workspace" },
] as const;
export type ScreenId = (typeof SCREENS)[number]["id"];

export interface AppProps {
  readonly gateway: Gateway;
  /** Today as a serial: the default as-of and posting date. */
  readonly todaySerial: number;
  readonly initialScreen?: ScreenId;
}

/** The task pane: four screens in a tab list, each over the Office gateway. */
export function App({ gateway, todaySerial, initialScreen = "settle" }: AppProps): React.JSX.Element {
  const [screen, setScreen] = React.useState<ScreenId>(initialScreen);
  const current = SCREENS.find((s) => s.id === screen) ?? SCREENS[0];
  return (
    <FluentProvider theme={webLightTheme}>
      <GatewayProvider gateway={gateway}>
        <div style={{ padding: "8px 12px", maxWidth: 560, minWidth: 0, boxSizing: "border-box" }}>
          <header>
            <Title3 as="h1" style={{ margin: 0 }}>{PRODUCT_NAME}</Title3>
            <Caption1 block>Version {PRODUCT_VERSION}</Caption1>
          </header>
          <TabList selectedValue={screen} onTabSelect={(_, d) => setScreen(d.value as ScreenId)} size="small" aria-label="Screens" style={{ flexWrap: "wrap" }}>
            {SCREENS.map((s) => (
              <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-controls={`panel-${s.id}`}>
                {s.label}
              </Tab>
            ))}
          </TabList>
          <section role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
            <h2 style={{ fontSize: 16, margin: "8px 0 0" }}>{current.title}</h2>
            {screen === "settle" && <SettlementWizard todaySerial={todaySerial} />}
            {screen === "aging" && <AgingScreen todaySerial={todaySerial} />}
            {screen === "credit" && <CreditReview todaySerial={todaySerial} />}
            {screen === "writeoff" && <WriteOffScreen todaySerial={todaySerial} />}
            {screen === "collect" && <CollectionsScreen todaySerial={todaySerial} onSettle={() => setScreen("settle")} />}
          </section>
        </div>
      </GatewayProvider>
    </FluentProvider>
  );
}
