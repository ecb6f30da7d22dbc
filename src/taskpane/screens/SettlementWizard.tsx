import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select } from "@fluentui/react-components";
import * as React from "react";
import { describeError } from "../../domain/errors";
import { DISCOUNT_ADMINISTRATION, type DiscountAdministration, USE_CASH_DISCOUNT, type UseCashDiscount } from "../../domain/settlement/types";
import { currencyExponent } from "../../domain/money";
import { toleranceMinor } from "../../workbook/settlement-input";
import { money } from "../_lib/format";
import type { Transaction } from "../../domain/types";
import { inputFromSerial, serialFromInput } from "../_lib/dates";
import { TableSelect } from "../components/TableSelect";
import { TaskStatus } from "../components/TaskStatus";
import { useTableNames } from "../hooks/gateway-context";
import { useSettlement } from "../hooks/use-settlement";
import { openCustomers, openItems } from "../settlement/ledger";
import type { MethodKind } from "../settlement/wizard";
import { PostedSettlements } from "./PostedSettlements";
import { SettlementReview } from "./SettlementReview";
import { selectStyle, stack } from "./styles";

type ToleranceKey = "maxPennyDifferenceMinor" | "maxOverUnderMinor";

/**
 * The tolerance fields keep the text as typed and read it with the money reader of the sheets, in
 * the payment's currency: `0.05` is five cents (never 5), `0,05`, `abc` and negatives are errors
 * shown on the field, and the proposal waits until both read. A blank field means 0.
 */
function useToleranceFields(currency: string, apply: (minor: Partial<Record<ToleranceKey, number>>) => void) {
  const [text, setText] = React.useState<Record<ToleranceKey, string>>({ maxPennyDifferenceMinor: "0", maxOverUnderMinor: "0" });
  const exponent = currencyExponent(currency) ?? 2;
  const read = (t: string): number | string => (t.trim() === "" ? 0 : toleranceMinor(t, exponent));
  const errors: Partial<Record<ToleranceKey, string>> = {};
  const values: Partial<Record<ToleranceKey, number>> = {};
  for (const key of ["maxPennyDifferenceMinor", "maxOverUnderMinor"] as const) {
    const r = read(text[key]);
    if (typeof r === "string") errors[key] = r;
    else values[key] = r;
  }
  // A new payment currency reads the same text again (0.5 is 50 cents in USD but no JPY amount).
  const applyRef = React.useRef(apply);
  applyRef.current = apply;
  const signature = `${values.maxPennyDifferenceMinor ?? ""}|${values.maxOverUnderMinor ?? ""}`;
  React.useEffect(() => {
    if (Object.keys(values).length > 0) applyRef.current(values);
  }, [signature]); // `signature` stands for `values`
  return {
    text,
    errors,
    invalid: Object.keys(errors).length > 0,
    set: (key: ToleranceKey, t: string): void => setText((prev) => ({ ...prev, [key]: t })),
  };
}

function ToleranceField(props: { label: string; text: string; error: string | undefined; currency: string; onChange: (text: string) => void }): React.JSX.Element {
  return (
    <Field label={props.label} hint={`an amount in ${props.currency || "the payment's currency"}, e.g. 0.05`} validationState={props.error !== undefined ? "error" : "none"} validationMessage={props.error ?? null}>
      <Input inputMode="decimal" value={props.text} onChange={(_, d) => props.onChange(d.value)} />
    </Field>
  );
}

function creditLabel(t: Transaction): string {
  return `${t.voucher} · ${t.type}${t.dateSerial !== undefined ? ` · ${inputFromSerial(t.dateSerial)}` : ""} · ${money(t.amountMinor, t.currency)}`;
}

/** Settlement wizard (collectors): choose, pay, method, review with editable amounts, post; unapply. */
export function SettlementWizard({ todaySerial, initialCustomer }: { todaySerial: number; initialCustomer?: string }): React.JSX.Element {
  const s = useSettlement(todaySerial);
  const { names } = useTableNames();
  const { ledger, choices, update } = s;
  const customers = React.useMemo(() => (ledger === undefined ? [] : openCustomers(ledger)), [ledger]);
  const items = ledger === undefined || choices.customer === "" ? undefined : openItems(ledger, choices.customer);
  const [date, setDate] = React.useState(inputFromSerial(todaySerial));
  const typed = choices.payment.kind === "typed" ? choices.payment : { kind: "typed" as const, voucher: "PAY-NEW", amount: "", currency: "USD" };

  const paymentCurrency = (choices.payment.kind === "typed" ? typed.currency : (items?.credits.find((c) => c.voucher === (choices.payment as { voucher: string }).voucher)?.currency ?? "")).trim().toUpperCase();
  const tolerance = useToleranceFields(paymentCurrency, (minor) => update({ options: { ...choices.options, ...minor } }));

  const chooseCustomer = (customer: string): void => {
    const credits = ledger === undefined ? [] : openItems(ledger, customer).credits;
    const first = credits[0];
    update({ customer, payment: first === undefined ? { ...typed } : { kind: "row", voucher: first.voucher }, ...(first?.dateSerial !== undefined ? { dateSerial: first.dateSerial } : {}) });
    if (first?.dateSerial !== undefined) setDate(inputFromSerial(first.dateSerial));
  };

  // Opened from the collections workspace on one customer: load the ledger and choose that customer.
  const opened = React.useRef<string | undefined>(undefined);
  const loadedFor = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    if (initialCustomer === undefined || opened.current === initialCustomer || s.task.state.running) return;
    if (ledger === undefined) {
      if (loadedFor.current === initialCustomer) return; // one load per request; a failed load says why
      loadedFor.current = initialCustomer;
      void s.load();
      return;
    }
    opened.current = initialCustomer;
    if (customers.includes(initialCustomer)) chooseCustomer(initialCustomer);
  });

  return (
    <div className="cc-screen" style={stack}>
      <fieldset style={{ ...stack, border: "none", margin: 0, padding: 0 }} aria-label="1. Choose">
        <legend style={{ fontWeight: 600 }}>1. Choose</legend>
        <TableSelect label="Transactions table" value={s.table} names={names} onChange={s.setTable} />
        <Button onClick={() => void s.load()} disabled={s.task.state.running}>{ledger === undefined ? "Load ledger" : "Reload ledger"}</Button>
        {ledger !== undefined && (
          <Button onClick={() => void s.pickSelected()} disabled={s.task.state.running}>Use the selected payment row</Button>
        )}
        {ledger !== undefined && (
          <Field label="Customer" hint={`${customers.length} customers with open items`}>
            <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={choices.customer} onChange={(_, d) => chooseCustomer(d.value)}>
              <option value="">Choose a customer</option>
              {customers.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </Select>
          </Field>
        )}
      </fieldset>
      {items !== undefined && (
        <fieldset style={{ ...stack, border: "none", margin: 0, padding: 0 }} aria-label="2. Payment">
          <legend style={{ fontWeight: 600 }}>2. Payment</legend>
          <Field label="Payment source">
            <RadioGroup value={choices.payment.kind} onChange={(_, d) => update({ payment: d.value === "row" ? { kind: "row", voucher: items.credits[0]?.voucher ?? "" } : { ...typed } })}>
              <Radio value="row" label="An open payment or credit note" disabled={items.credits.length === 0} />
              <Radio value="typed" label="Type a payment" />
            </RadioGroup>
          </Field>
          {choices.payment.kind === "row" ? (
            <Field label="Payment">
              <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={choices.payment.voucher} onChange={(_, d) => update({ payment: { kind: "row", voucher: d.value } })}>
                {items.credits.map((t) => (
                  <option key={t.voucher} value={t.voucher}>{creditLabel(t)}</option>
                ))}
              </Select>
            </Field>
          ) : (
            <>
              <Field label="Amount"><Input inputMode="decimal" value={typed.amount} onChange={(_, d) => update({ payment: { ...typed, amount: d.value } })} /></Field>
              <Field label="Currency"><Input value={typed.currency} onChange={(_, d) => update({ payment: { ...typed, currency: d.value } })} /></Field>
              <Field label="Payment voucher"><Input value={typed.voucher} onChange={(_, d) => update({ payment: { ...typed, voucher: d.value } })} /></Field>
            </>
          )}
          <Field label="Settlement date" validationState={choices.dateSerial === undefined ? "error" : "none"} validationMessage={choices.dateSerial === undefined ? "Enter a date" : null}>
            <Input type="date" value={choices.dateSerial !== undefined ? inputFromSerial(choices.dateSerial) : date} onChange={(_, d) => { setDate(d.value); update({ dateSerial: serialFromInput(d.value) }); }} />
          </Field>
        </fieldset>
      )}
      {items !== undefined && (
        <fieldset style={{ ...stack, border: "none", margin: 0, padding: 0 }} aria-label="3. Method">
          <legend style={{ fontWeight: 600 }}>3. Method</legend>
          <Field label="Settle by">
            <RadioGroup value={choices.method} onChange={(_, d) => update({ method: d.value as MethodKind })}>
              <Radio value="duedate" label="Due date (oldest first, better discount first)" />
              <Radio value="priority" label="Priority: fees, letters, interest, invoices" />
              <Radio value="manual" label="Manual marking" />
            </RadioGroup>
          </Field>
          <Checkbox label="Discount on partial payments" checked={choices.options.partialDiscount === true} onChange={(_, d) => update({ options: { ...choices.options, partialDiscount: d.checked === true } })} />
          <ToleranceField label="Max penny difference" text={tolerance.text.maxPennyDifferenceMinor} error={tolerance.errors.maxPennyDifferenceMinor} currency={paymentCurrency} onChange={(t) => tolerance.set("maxPennyDifferenceMinor", t)} />
          <ToleranceField label="Max over/underpayment" text={tolerance.text.maxOverUnderMinor} error={tolerance.errors.maxOverUnderMinor} currency={paymentCurrency} onChange={(t) => tolerance.set("maxOverUnderMinor", t)} />
          <Field label="Use cash discount">
            <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={choices.options.useCashDiscount ?? "Normal"} onChange={(_, d) => update({ options: { ...choices.options, useCashDiscount: d.value as UseCashDiscount } })}>
              {USE_CASH_DISCOUNT.map((u) => (
                <option key={u} value={u}>{u}</option>
              ))}
            </Select>
          </Field>
          <Field label="Discount administration">
            <Select root={{ style: { minWidth: 0, maxWidth: "100%" } }} style={selectStyle} value={choices.options.discountAdministration ?? "Specific"} onChange={(_, d) => update({ options: { ...choices.options, discountAdministration: d.value as DiscountAdministration } })}>
              {DISCOUNT_ADMINISTRATION.map((u) => (
                <option key={u} value={u}>{u}</option>
              ))}
            </Select>
          </Field>
          <Field label="Accounting currency">
            <Input value={choices.accountingCurrency} onChange={(_, d) => update({ accountingCurrency: d.value.toUpperCase() })} />
          </Field>
          <Button appearance="primary" onClick={() => s.makeProposal()} disabled={choices.dateSerial === undefined || tolerance.invalid}>Propose settlement</Button>
          {s.proposalErrors.length > 0 && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{s.proposalErrors.slice(0, 3).map((e) => describeError(e)).join("; ")}</MessageBarBody>
            </MessageBar>
          )}
        </fieldset>
      )}
      {s.proposal !== undefined && (
        <SettlementReview proposal={s.proposal} edits={s.edits} editErrors={s.editErrors} onEdit={s.editAmount} onPost={() => void s.post()} busy={s.task.state.running} />
      )}
      <TaskStatus state={s.task.state} onCancel={s.task.cancel} />
      {ledger !== undefined && <PostedSettlements history={s.history} customer={choices.customer} onUnapply={(id) => void s.unapplyJournal(id)} busy={s.task.state.running} />}
    </div>
  );
}
