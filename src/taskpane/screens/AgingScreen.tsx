import { Button, Checkbox, Field, Input, mergeClasses, Select } from "@fluentui/react-components";
import * as React from "react";
import { type AgingBasis, DEFAULT_BOUNDS } from "../../domain/aging/periods";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { AGING_BASES, buildAgingSheet, parseBounds } from "../aging/build-aging";
import { TableSelect, useSelectStyles } from "../components/TableSelect";
import { TaskStatus } from "../components/TaskStatus";
import { useGateway, useTableNames } from "../hooks/gateway-context";
import { useTask } from "../hooks/use-task";
import { useLanguage, useT } from "../i18n/I18nProvider";
import { errorMessageIn } from "../../domain/messages";
import { useScreenStyles } from "./styles";

/** Aging workbook (controllers): as-of date, periods, basis, pool or agent -> a new aging sheet. */
export function AgingScreen({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const t = useT();
  const { language } = useLanguage();
  const styles = useScreenStyles();
  const select = useSelectStyles();
  const gateway = useGateway();
  const { names, refresh } = useTableNames();
  const task = useTask();
  const [transactions, setTransactions] = React.useState("Transactions");
  const [customers, setCustomers] = React.useState("Customers");
  const [asOf, setAsOf] = React.useState(inputFromSerial(todaySerial));
  const [basis, setBasis] = React.useState<AgingBasis>("due");
  const [bounds, setBounds] = React.useState(DEFAULT_BOUNDS.join(", "));
  const [customerGroup, setCustomerGroup] = React.useState("");
  const [agent, setAgent] = React.useState("");
  const [includeZero, setIncludeZero] = React.useState(false);
  const [forecast, setForecast] = React.useState(false);
  const asOfSerial = serialFromInput(asOf);
  const boundsCheck = parseBounds(bounds);

  const create = async (): Promise<void> => {
    const made = await task.run(t("aging.building"), (control) =>
      buildAgingSheet(gateway, { transactions, customers, asOfSerial, basis, bounds, customerGroup, agent, includeZeroBalance: includeZero, forecast }, control),
    );
    if (made !== undefined) {
      const created = t(made.chart ? "aging.createdChart" : "aging.created", { sheet: made.sheet, tables: made.tables.join(", ") });
      const forecastNote =
        made.forecastInvoices !== undefined ? t("aging.forecastWritten", { count: made.forecastInvoices }) : made.forecastSkipped !== undefined ? t("aging.forecastSkipped", { reason: made.forecastSkipped }) : "";
      task.succeed(forecastNote === "" ? created : `${created} ${forecastNote}`);
      refresh();
    }
  };

  return (
    <form className={mergeClasses("cc-screen", styles.stack)} onSubmit={(e) => { e.preventDefault(); void create(); }} aria-label={t("aging.form")}>
      <TableSelect label={t("aging.transactions")} value={transactions} names={names} onChange={setTransactions} />
      <Field label={t("aging.asOf")} required validationState={asOfSerial === undefined ? "error" : "none"} validationMessage={asOfSerial === undefined ? t("aging.enterDate") : null}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <Field label={t("aging.basis")}>
        <Select root={{ className: select.root }} className={select.select} value={basis} onChange={(_, d) => setBasis(d.value as AgingBasis)}>
          {AGING_BASES.map((b) => (
            <option key={b} value={b}>{t(`aging.basis.${b}`)}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("aging.periods")} hint={t("aging.periodsHint")} validationState={boundsCheck.ok ? "none" : "error"} validationMessage={boundsCheck.ok || boundsCheck.errors[0] === undefined ? null : errorMessageIn(boundsCheck.errors[0], language)}>
        <Input value={bounds} onChange={(_, d) => setBounds(d.value)} />
      </Field>
      <TableSelect label={t("aging.customers")} value={customers} names={names} onChange={setCustomers} />
      <Field label={t("aging.customerGroup")}>
        <Input value={customerGroup} onChange={(_, d) => setCustomerGroup(d.value)} />
      </Field>
      <Field label={t("aging.agent")}>
        <Input value={agent} onChange={(_, d) => setAgent(d.value)} />
      </Field>
      <Checkbox label={t("aging.includeZero")} checked={includeZero} onChange={(_, d) => setIncludeZero(d.checked === true)} />
      <Checkbox label={t("aging.forecast")} checked={forecast} onChange={(_, d) => setForecast(d.checked === true)} />
      <Button appearance="primary" type="submit" disabled={task.state.running || asOfSerial === undefined || !boundsCheck.ok}>
        {t("aging.create")}
      </Button>
      <TaskStatus state={task.state} onCancel={task.cancel} />
    </form>
  );
}
