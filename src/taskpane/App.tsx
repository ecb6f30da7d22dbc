import { Caption1, FluentProvider, Tab, TabList, Title3, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { GatewayProvider } from "./hooks/gateway-context";
import type { Gateway } from "./office/gateway";
import { AgingScreen } from "./screens/AgingScreen";
import { BankScreen } from "./screens/BankScreen";
import { CollectionsScreen } from "./screens/CollectionsScreen";
import { CreditLimits } from "./screens/CreditLimits";
import { CreditReview } from "./screens/CreditReview";
import { SettlementWizard } from "./screens/SettlementWizard";
import { WriteOffScreen } from "./screens/WriteOffScreen";
import { I18nProvider, useAmounts, useT } from "./i18n/I18nProvider";
import { initialLanguage, officeDisplayLanguage, type Language } from "./i18n/languages";
import { LanguageSwitch } from "./i18n/LanguageSwitch";
import { PRODUCT_NAME, PRODUCT_VERSION } from "./version";

/** The screens in tab order; each one's tab label and heading are `app.tab.<id>` and `app.title.<id>`. */
export const SCREENS = [{ id: "settle" }, { id: "aging" }, { id: "credit" }, { id: "limits" }, { id: "writeoff" }, { id: "collect" }, { id: "bank" }] as const;
export type ScreenId = (typeof SCREENS)[number]["id"];

export interface AppProps {
  readonly gateway: Gateway;
  /** Today as a serial: the default as-of and posting date. */
  readonly todaySerial: number;
  readonly initialScreen?: ScreenId;
  /** The language to start in (default: the stored choice, else Office's display language). */
  readonly language?: Language;
}

/** The task pane: four screens in a tab list, each over the Office gateway. */
export function App({ gateway, todaySerial, initialScreen = "settle", language }: AppProps): React.JSX.Element {
  const initial = React.useMemo(() => language ?? initialLanguage(officeDisplayLanguage()), [language]);
  return (
    <I18nProvider initial={initial}>
      <Screens gateway={gateway} todaySerial={todaySerial} initialScreen={initialScreen} />
    </I18nProvider>
  );
}

function Screens({ gateway, todaySerial, initialScreen }: { gateway: Gateway; todaySerial: number; initialScreen: ScreenId }): React.JSX.Element {
  const [screen, setScreen] = React.useState<ScreenId>(initialScreen);
  /** The customer the settlement wizard opens on when "Settle" is chosen in the collections workspace. */
  const [settleCustomer, setSettleCustomer] = React.useState<string | undefined>(undefined);
  const t = useT();
  const { tag } = useAmounts();
  const current = SCREENS.find((s) => s.id === screen) ?? SCREENS[0];
  const openSettlement = React.useCallback((customer: string) => {
    setSettleCustomer(customer);
    setScreen("settle");
  }, []);
  return (
    <FluentProvider theme={webLightTheme} lang={tag}>
      <GatewayProvider gateway={gateway}>
        <div style={{ padding: "8px 12px", maxWidth: 560, minWidth: 0, boxSizing: "border-box" }}>
          <header>
            <Title3 as="h1" style={{ margin: 0 }}>{PRODUCT_NAME}</Title3>
            <Caption1 block>{t("app.version", { version: PRODUCT_VERSION })}</Caption1>
            <LanguageSwitch />
          </header>
          <TabList selectedValue={screen} onTabSelect={(_, d) => setScreen(d.value as ScreenId)} size="small" aria-label={t("app.screens")} style={{ flexWrap: "wrap" }}>
            {SCREENS.map((s) => (
              <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-controls={`panel-${s.id}`}>
                {t(`app.tab.${s.id}`)}
              </Tab>
            ))}
          </TabList>
          <section role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
            <h2 style={{ fontSize: 16, margin: "8px 0 0" }}>{t(`app.title.${current.id}`)}</h2>
            {screen === "settle" && <SettlementWizard todaySerial={todaySerial} {...(settleCustomer !== undefined ? { initialCustomer: settleCustomer } : {})} />}
            {screen === "aging" && <AgingScreen todaySerial={todaySerial} />}
            {screen === "credit" && <CreditReview todaySerial={todaySerial} />}
            {screen === "limits" && <CreditLimits todaySerial={todaySerial} />}
            {screen === "writeoff" && <WriteOffScreen todaySerial={todaySerial} />}
            {screen === "collect" && <CollectionsScreen todaySerial={todaySerial} onSettle={openSettlement} />}
            {screen === "bank" && <BankScreen />}
          </section>
        </div>
      </GatewayProvider>
    </FluentProvider>
  );
}
