import { Caption1, FluentProvider, makeStyles, Tab, TabList, Title3, tokens, webLightTheme } from "@fluentui/react-components";
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

const useStyles = makeStyles({
  pane: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalM, paddingRight: tokens.spacingHorizontalM, maxWidth: "560px", minWidth: 0, boxSizing: "border-box" },
  title: { margin: 0 },
  tabs: { flexWrap: "wrap" },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalS, marginBottom: 0, marginLeft: 0, marginRight: 0 },
});

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
  const styles = useStyles();
  const { tag } = useAmounts();
  const current = SCREENS.find((s) => s.id === screen) ?? SCREENS[0];
  const openSettlement = React.useCallback((customer: string) => {
    setSettleCustomer(customer);
    setScreen("settle");
  }, []);
  return (
    <FluentProvider theme={webLightTheme} lang={tag}>
      <GatewayProvider gateway={gateway}>
        <div className={styles.pane}>
          <header>
            <Title3 as="h1" className={styles.title}>{PRODUCT_NAME}</Title3>
            <Caption1 block>{t("app.version", { version: PRODUCT_VERSION })}</Caption1>
            <LanguageSwitch />
          </header>
          <TabList selectedValue={screen} onTabSelect={(_, d) => setScreen(d.value as ScreenId)} size="small" aria-label={t("app.screens")} className={styles.tabs}>
            {SCREENS.map((s) => (
              <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-controls={`panel-${s.id}`}>
                {t(`app.tab.${s.id}`)}
              </Tab>
            ))}
          </TabList>
          <section role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
            <h2 className={styles.heading}>{t(`app.title.${current.id}`)}</h2>
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
