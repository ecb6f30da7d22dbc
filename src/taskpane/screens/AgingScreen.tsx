import { Button, Checkbox, Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import type { AgingBasis } from "../../domain/aging/periods";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { AGING_BASES, BASIS_LABELS, buildAgingSheet, parseBounds } from "../aging/build-aging";
import { TableSelect } from "../components/TableSelect";
import { TaskStatus } from "../components/TaskStatus";
import { useGateway, useTableNames } from "../hooks/gateway-context";
import { useTask } from "../hooks/use-task";
import { selectStyle, stack } from "./styles";

/** Aging workbook (controllers): as-of date, periods, basis, pool or agent -> a new aging sheet. */
export function AgingScreen({ todaySerial }: { todaySerial: number }): React.JSX.Element {
  const gateway = useGateway();
  const { names, refresh } = useTableNames();
  const task = useTask();
  const [transactions, setTransactions] = React.useState("Transactions");
  const [customers, setCustomers] = React.useState("Customers");
  const [asOf, setAsOf] = React.useState(inputFromSerial(todaySerial));
  const [basis, setBasis] = React.useState<AgingBasis>("due");
  const [bounds, setBounds] = React.useState("30, 60, 90, 120");
  const [customerGroup, setCustomerGroup] = React.useState("");
  const [agent, setAgent] = React.useState("");
  const [includeZero, setIncludeZero] = React.useState(false);
  const asOfSerial = serialFromInput(asOf);
  const boundsCheck = parseBounds(bounds);

  const create = async (): Promise<void> => {
    const made = await task.run("Building the aging sheet", (control) =>
      buildAgingSheet(gateway, { transactions, customers, asOfSerial, basis, bounds, customerGroup, agent, includeZeroBalance: includeZero }, control),
    );
    if (made !== undefined) {
      task.succeed(`Created sheet ${made.sheet} with tables ${made.tables.join(", ")}${made.chart ? " and a stacked column chart" : ""}.`);
      refresh();
    }
  };

  return (
    <form className="cc-screen" style={stack} onSubmit={(e) => { e.preventDefault(); void create(); }} aria-label="Aging workbook">
      <TableSelect label="Transactions table" value={transactions} names={names} onChange={setTransactions} />
      <Field label="As-of date" required validationState={asOfSerial === undefined ? "error" : "none"} validationMessage={asOfSerial === undefined ? "Enter a date" : null}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <Field label="Basis">
        <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={basis} onChange={(_, d) => setBasis(d.value as AgingBasis)}>
          {AGING_BASES.map((b) => (
            <option key={b} value={b}>{BASIS_LABELS[b]}</option>
          ))}
        </Select>
      </Field>
      <Field label="Periods (upper bounds in days)" hint="Blank for Not due, 1-30, 31-60, 61-90, 91-120, Over 120" validationState={boundsCheck.ok ? "none" : "error"} validationMessage={boundsCheck.ok ? null : (boundsCheck.errors[0]?.message ?? null)}>
        <Input value={bounds} onChange={(_, d) => setBounds(d.value)} />
      </Field>
      <TableSelect label="Customers table (for group, agent and limits)" value={customers} names={names} onChange={setCustomers} />
      <Field label="Customer group (pool)">
        <Input value={customerGroup} onChange={(_, d) => setCustomerGroup(d.value)} />
      </Field>
      <Field label="Agent">
        <Input value={agent} onChange={(_, d) => setAgent(d.value)} />
      </Field>
      <Checkbox label="Include customers with a zero balance" checked={includeZero} onChange={(_, d) => setIncludeZero(d.checked === true)} />
      <Button appearance="primary" type="submit" disabled={task.state.running || asOfSerial === undefined || !boundsCheck.ok}>
        Create aging sheet
      </Button>
      <TaskStatus state={task.state} onCancel={task.cancel} />
    </form>
  );
}
