import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, mergeClasses } from "@fluentui/react-components";
import * as React from "react";
import { BASE_FEATURES } from "../../domain/prediction/features";
import type { InvoicePrediction } from "../../domain/prediction/types";
import { predictionKey } from "../../workbook/worklist";
import { openItemsOf } from "../collections/actions";
import { type CollectText, useCollectText } from "../collections/text";
import { useDateText } from "../components/date-text";
import { useDataWords } from "../i18n/data-words";
import type { CustomerRow } from "../collections/worklist";
import type { Collections } from "../hooks/use-collections";
import { ActivitiesPanel, StatusPanel } from "./CollectionsActivityPanels";
import { ChargesPanel, InterestPanel, LetterPanel } from "./CollectionsChargePanels";
import { NsfPanel, WriteOffPanel } from "./CollectionsPostingPanels";
import { useCollectionsStyles } from "./collections-styles";

/** How many of an invoice's factors are shown. */
const FACTORS_SHOWN = 3;

/** A factor's name in the user's language: the model's own features are in the catalogs, a user's extra column is shown as named. */
function factorName(x: CollectText, feature: string): string {
  const i = (BASE_FEATURES as readonly string[]).indexOf(feature);
  if (i >= 0) return x.t(`collect.factor.${i}`);
  return feature === "Disputed" ? x.t("collect.factor.19") : feature;
}

function PredictionText({ p }: { p: InvoicePrediction }): React.JSX.Element {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const pct = new Intl.NumberFormat(x.amounts.tag, { style: "percent", maximumFractionDigits: 0 });
  const factors = p.topFactors.slice(0, FACTORS_SHOWN).map((f) => `${factorName(x, f.feature)} ${f.contribution > 0 ? "↑" : "↓"}`).join(", ");
  return (
    <span role="group" aria-label={x.t("collect.predictionFor", { voucher: p.voucher })} className={s.cellText}>
      <span className={s.probabilities}>{x.t("collect.predictionLine", { onTime: pct.format(p.onTime), late: pct.format(p.late), veryLate: pct.format(p.veryLate) })}</span>
      {factors !== "" && <Caption1 className={s.muted}>{x.t("collect.predictionFactors", { factors })}</Caption1>}
    </span>
  );
}

/** One customer: the figures, the open items (with their payment prediction), and every collector's action, each in its own section. */
export function CustomerDetail({ c, row, onSettle }: { c: Collections; row: CustomerRow; onSettle?: (customer: string) => void }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const x = useCollectText();
  const words = useDataWords();
  const dates = useDateText();
  const { t } = x;
  const ws = c.workspace;
  if (ws === undefined) return null;
  const items = openItemsOf(ws, row.customer);
  const predictions = ws.predictions.kind === "predicted" ? ws.predictions.byInvoice : undefined;
  const limit = row.limitKind ?? x.amountOrUnknown(row.limitMinor, row.currency);
  const facts: { key: string; term: string; value: string; broken?: boolean }[] = [
    { key: "balance", term: t("collect.balance"), value: x.amountOrUnknown(row.balanceMinor, row.currency) },
    { key: "overdue", term: t("collect.overdue"), value: x.amountOrUnknown(row.overdueMinor, row.currency) },
    { key: "oldest", term: t("collect.oldestPeriod"), value: row.oldestPeriod === "" ? t("collect.none") : t("collect.periodDays", { period: words.period(row.oldestPeriod), days: row.daysOverdue }) },
    { key: "status", term: t("collect.status"), value: x.status(row.status) },
    { key: "promise", term: t("collect.openPromise"), value: row.promise === undefined ? t("collect.none") : x.promise(row.promise, row.currency), broken: row.promise?.broken === true },
    { key: "dispute", term: t("collect.dispute"), value: row.disputedCount === 0 ? t("collect.none") : t("collect.disputed", { count: row.disputedCount, amount: x.money(row.disputedMinor, row.currency) }) },
    { key: "activity", term: t("collect.lastActivity"), value: row.lastActivitySerial === undefined ? t("collect.none") : x.date(row.lastActivitySerial) },
    { key: "limit", term: t("collect.creditLimit"), value: limit },
    { key: "exposure", term: t("collect.exposure"), value: x.amountOrUnknown(row.exposureMinor, row.currency) },
  ];
  const title = x.customer(row.customer, row.name);
  return (
    <section aria-label={title} className={s.stack}>
      <Button onClick={() => { c.setSection(""); c.task.reset(); c.dispatch({ type: "close" }); }}>{t("collect.back")}</Button>
      <h3 className={s.heading}>{title}</h3>
      <dl aria-label={t("collect.summary")} className={s.summary}>
        {facts.map((f) => (
          <React.Fragment key={f.key}>
            <dt className={s.term}>{f.term}</dt>
            <dd className={f.broken === true ? `${s.detail} ${s.broken}` : s.detail}>{f.value}</dd>
          </React.Fragment>
        ))}
      </dl>
      {onSettle !== undefined && <Button onClick={() => onSettle(row.customer)}>{t("collect.settle")}</Button>}
      <Accordion multiple collapsible defaultOpenItems={["items"]}>
        <AccordionItem value="items">
          <AccordionHeader as="h4">{t("collect.items")}</AccordionHeader>
          <AccordionPanel>
            {items.length === 0 ? <p>{t("collect.noItems")}</p> : (
              <Table size="small" aria-label={t("collect.items")} className={s.table}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("collect.item")}</TableHeaderCell>
                    <TableHeaderCell>{t("collect.balance")}</TableHeaderCell>
                    <TableHeaderCell>{t("collect.column.status")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.flatMap((item) => {
                    const p = predictions?.get(predictionKey(item.customer, item.voucher));
                    const main = (
                      <TableRow key={item.voucher}>
                        <TableCell><span className={s.cellText}>{item.voucher}<span>{words.type(item.type)}{item.dueSerial !== undefined && <> · {dates.message("collect.due", item.dueSerial)}</>}</span></span></TableCell>
                        <TableCell><span className={s.amount}>{x.money(item.amountMinor, item.currency)}</span></TableCell>
                        <TableCell><span className={mergeClasses(item.status === "PromiseToPayBroken" ? s.broken : s.cellText, s.status)}>{x.statusCell(item.status)}</span></TableCell>
                      </TableRow>
                    );
                    if (p === undefined) return [main];
                    return [main, <TableRow key={`${item.voucher}-prediction`}><TableCell colSpan={3}><PredictionText p={p} /></TableCell></TableRow>];
                  })}
                </TableBody>
              </Table>
            )}
            {ws.predictions.kind === "unavailable" && items.some((i) => i.type === "Invoice") && <Caption1 className={s.muted}>{t("collect.predictionNone", { min: ws.predictions.needed })}</Caption1>}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="status">
          <AccordionHeader as="h4">{t("collect.statusSection")}</AccordionHeader>
          <AccordionPanel><StatusPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="activities">
          <AccordionHeader as="h4">{t("collect.activitiesSection")}</AccordionHeader>
          <AccordionPanel><ActivitiesPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="letter">
          <AccordionHeader as="h4">{t("collect.letterSection")}</AccordionHeader>
          <AccordionPanel><LetterPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="interest">
          <AccordionHeader as="h4">{t("collect.interestSection")}</AccordionHeader>
          <AccordionPanel><InterestPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="charges">
          <AccordionHeader as="h4">{t("collect.chargesSection")}</AccordionHeader>
          <AccordionPanel><ChargesPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="nsf">
          <AccordionHeader as="h4">{t("collect.nsfSection")}</AccordionHeader>
          <AccordionPanel><NsfPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="writeoff">
          <AccordionHeader as="h4">{t("collect.writeOffSection")}</AccordionHeader>
          <AccordionPanel><WriteOffPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
