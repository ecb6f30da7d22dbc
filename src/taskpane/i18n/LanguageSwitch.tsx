import { Dropdown, makeStyles, Option, tokens, useId } from "@fluentui/react-components";
import * as React from "react";
import { useLanguage, useT } from "./I18nProvider";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "./languages";

const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  dropdown: { minWidth: "120px" },
});

/** The display-language switch: starts at Office's language, remembered once changed. */
export function LanguageSwitch(): React.JSX.Element {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  const id = useId("language");
  const styles = useStyles();
  return (
    <span className={styles.root}>
      <label htmlFor={id}>{t("app.language")}</label>
      <Dropdown
        id={id}
        size="small"
        value={LANGUAGE_NAMES[language]}
        selectedOptions={[language]}
        onOptionSelect={(_, d) => d.optionValue !== undefined && setLanguage(d.optionValue as Language)}
        className={styles.dropdown}
      >
        {LANGUAGES.map((l) => (
          <Option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</Option>
        ))}
      </Dropdown>
    </span>
  );
}
