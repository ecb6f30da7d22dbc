import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import * as React from "react";
import { inputFromSerial } from "../_lib/dates";
import { money } from "../_lib/format";
import { openItemsOf } from "../collections/actions";
import { M } from "../collections/messages";
import type { CustomerRow } from "../collections/worklist";
import type { Collections } from "../hooks/use-collections";
import { ActivitiesPanel, StatusPanel } from "./CollectionsActivityPanels";
import { ChargesPanel, InterestPanel, LetterPanel } from "./CollectionsChargePanels";
import { NsfPanel, WriteOffPanel } from "./CollectionsPostingPanels";
import { useCollectionsStyles } from "./collections-styles";

const amount = (minor: number | undefined, currency: string): string => (minor === undefined ? M.unknown : money(minor, currency));

/** One customer: the figures, the open items, and every collector's action, each in its own section. */
export function CustomerDetail({ c, row, onSettle }: { c: Collections; row: CustomerRow; onSettle?: (customer: string) => void }): React.JSX.Element | null {
  const s = useCollectionsStyles();
  const ws = c.workspace;
  if (ws === undefined) return null;
  const items = openItemsOf(ws, row.customer);
  const limit = row.limitKind ?? amount(row.limitMinor, row.currency);
  const facts: [string, string][] = [
    [M.balance, amount(row.balanceMinor, row.currency)],
    [M.overdue, amount(row.overdueMinor, row.currency)],
    [M.oldestPeriod, row.oldestPeriod === "" ? M.none : `${row.oldestPeriod} (${row.daysOverdue} days)`],
    [M.status, M.statusLabels[row.status] ?? row.status],
    [M.openPromise, row.promise === undefined ? M.none : M.promise(inputFromSerial(row.promise.dateSerial), money(row.promise.amountMinor, row.currency), row.promise.broken)],
    [M.dispute, row.disputedCount === 0 ? M.none : M.disputed(row.disputedCount, money(row.disputedMinor, row.currency))],
    [M.lastActivity, row.lastActivitySerial === undefined ? M.none : inputFromSerial(row.lastActivitySerial)],
    [M.creditLimit, limit],
    [M.exposure, amount(row.exposureMinor, row.currency)],
  ];
  return (
    <section aria-label={M.open(row.customer, row.name)} className={s.stack}>
      <Button onClick={() => { c.setSection(""); c.task.reset(); c.dispatch({ type: "close" }); }}>{M.back}</Button>
      <h3 className={s.heading}>{M.open(row.customer, row.name)}</h3>
      <dl aria-label={M.summary} className={s.summary}>
        {facts.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={s.term}>{term}</dt>
            <dd className={`${s.detail} ${term === M.openPromise && row.promise?.broken === true ? s.broken : ""}`}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      {onSettle !== undefined && <Button onClick={() => onSettle(row.customer)}>{M.settle}</Button>}
      <Accordion multiple collapsible defaultOpenItems={["items"]}>
        <AccordionItem value="items">
          <AccordionHeader as="h4">{M.items}</AccordionHeader>
          <AccordionPanel>
            {items.length === 0 ? <p>{M.noItems}</p> : (
              <Table size="small" aria-label={M.items} className={s.grid}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{M.item}</TableHeaderCell>
                    <TableHeaderCell>{M.balance}</TableHeaderCell>
                    <TableHeaderCell>{M.columnStatus}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {items.map((t) => (
                    <TableRow key={t.voucher}>
                      <TableCell><span className={s.cellText}>{t.voucher}<span>{t.type}{t.dueSerial !== undefined ? ` · ${inputFromSerial(t.dueSerial)}` : ""}</span></span></TableCell>
                      <TableCell><span className={s.amount}>{money(t.amountMinor, t.currency)}</span></TableCell>
                      <TableCell><span className={t.status === "PromiseToPayBroken" ? s.broken : s.cellText}>{M.statusLabels[t.status] ?? t.status}</span></TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="status">
          <AccordionHeader as="h4">{M.statusSection}</AccordionHeader>
          <AccordionPanel><StatusPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="activities">
          <AccordionHeader as="h4">{M.activitiesSection}</AccordionHeader>
          <AccordionPanel><ActivitiesPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="letter">
          <AccordionHeader as="h4">{M.letterSection}</AccordionHeader>
          <AccordionPanel><LetterPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="interest">
          <AccordionHeader as="h4">{M.interestSection}</AccordionHeader>
          <AccordionPanel><InterestPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="charges">
          <AccordionHeader as="h4">{M.chargesSection}</AccordionHeader>
          <AccordionPanel><ChargesPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="nsf">
          <AccordionHeader as="h4">{M.nsfSection}</AccordionHeader>
          <AccordionPanel><NsfPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
        <AccordionItem value="writeoff">
          <AccordionHeader as="h4">{M.writeOffSection}</AccordionHeader>
          <AccordionPanel><WriteOffPanel c={c} row={row} /></AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
