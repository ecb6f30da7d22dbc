import { Body1, Caption1, Card, FluentProvider, Title2, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { PRODUCT_NAME, PRODUCT_VERSION } from "./version";

export function App(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12, maxWidth: 420 }}>
        <Title2 as="h1">{PRODUCT_NAME}</Title2>
        <Caption1 as="p">Version {PRODUCT_VERSION}</Caption1>
        <Card>
          <Body1>
            Type <code>=CC.AGING(Transactions, &quot;2015-10-25&quot;)</code> in a cell to age your open items.
          </Body1>
        </Card>
      </main>
    </FluentProvider>
  );
}
