import { Body1 } from "@fluentui/react-components";
import * as React from "react";

export function CreditReview(_props: { todaySerial: number }): React.JSX.Element {
  return <Body1>Coming in this build.</Body1>;
}
