/** Swedish error messages (terms of Microsoft Dynamics 365's Swedish documentation); see ./en.ts. */
import type { TemplatedCode } from "./en";

export const SV: Readonly<Record<TemplatedCode, string>> = {
  // tables
  range_must_have_a_header_row: "{case, select, empty {filen är tom} other {måste vara ett område med en rubrikrad}}",
  column_must_appear_once: "både '{first}' och '{second}' är kolumnen {column}; behåll en av dem",
  required_column_missing: "rubrikraden saknar kolumnen {column} (godtas: {accepted})",
  cell_must_not_be_an_excel_error: "innehåller Excel-felet {value}; rätta formeln eller cellen den hänvisar till",
  currency_must_be_known:
    "{case, select, plain {'{currency}' är inte en ISO 4217-valutakod} option {{option} '{currency}' är inte en ISO 4217-valutakod med känt antal decimaler} other {'{currency}' är inte en ISO 4217-valutakod med känt antal decimaler}}",
  amounts_must_sum_within_2_53_minor_units: "beloppen i den här kolumnen blir hittills tillsammans mer än 2^53 minsta enheter, bortom vad som räknas exakt",
  option_must_be_known: "'{option}' är inget alternativ; kända alternativ: {known}",
  option_value_must_fit:
    "{case, select, moreThan {{option} {value} är mer än {max}} above {{option} {value} är över {max}} other {'{value}' är inte ett giltigt värde för {option} ({kind, select, bool {SANT eller FALSKT} range {ett tal från {min} till {max}} atLeast {ett tal som är minst {min}} number {ett tal} text {text} date {ett datum} choice {ett av {values}} other {ett värde}})}}",
  period_bounds_must_increase: "{case, select, bounds {{bound} måste vara ett helt antal dagar större än {previous}} other {{bound} måste vara större än föregående gräns {previous}}}",
  period_days_must_be_whole:
    "{case, select, notWhole {'{value}' är inte ett helt antal dagar} other {{value} {unit, select, Week {veckor} Month {månader} Quarter {kvartal} Year {år} other {dagar}} är längre än det datumintervall Excel klarar}}",
  period_unit_must_be_known: "'{value}' är inte en av {units}",
  rate_must_appear_once_per_currency_and_date: "{currency} har redan en kurs för det här datumet på rad {first}; behåll en",
  // rates
  exchange_rate_must_exist:
    "{case, select, settle {kvittning av {from} mot {to} kräver en växelkurstabell} value {värdering av {currency} i {accounting} kräver en växelkurstabell} other {det finns ingen växelkurs för {currency} på eller före {date} (redovisningsvaluta {accounting})}}",
  converted_amount_must_fit_in_2_53_minor_units: "{minor} minsta enheter {from} blir med den här kursen mer än 2^53 minsta enheter {to}; kontrollera kursen",
  // settlement
  accounttype_must_not_be_blank: "saknar värde",
  amount_to_settle_must_be_positive: "verifikation {voucher}: {amount} minsta enheter är inte ett positivt belopp",
  amount_to_settle_must_not_exceed_open: "{case, select, typed {är mer än det öppna beloppet {open}} other {verifikation {voucher}: {amount} minsta enheter är mer än dess öppna {open}}}",
  cash_discount_date_must_not_be_blank: "en kassarabattprocent kräver ett CashDiscountDate",
  cash_discount_pct_must_be_below_100: "{value} är inte en procentsats från 0 till under 100",
  credit_must_be_a_credit_item: "verifikation {voucher} har det öppna beloppet {amount}; kreditsidan måste vara negativ (en betalning eller kreditnota)",
  date_must_not_be_blank:
    "{case, select, statement {posten saknar BookgDt och ValDt} discount {rabattkoden '{code}' räknar dagar från postens datum, som saknar värde} order {verifikation {voucher} saknar ett Date att ordna den efter} payment {betalningen {voucher} behöver ett Date för att kunna kvittas} interest {räntan behöver det här datumet} argument {måste anges} other {saknar värde}}",
  days_must_be_a_whole_number: "{value} är inte ett helt antal dagar",
  discount_code_must_appear_once: "koden '{code}' förekommer två gånger",
  discount_code_must_be_known: "'{code}' finns inte i rabattkodstabellen",
  discount_code_must_have_days_or_date: "{case, select, code {koden '{code}' behöver antingen Days eller Date} other {behöver antingen Days eller Date}}",
  discount_codes_must_not_loop: "kedjan från '{from}' går tillbaka till '{code}'",
  discount_pct_must_be_below_100: "{value} är inte en procentsats från 0 till under 100",
  items_must_belong_to_one_customer: "{case, select, row {kunden '{customer}' skiljer sig från '{first}' på rad {row}: kvitta en kund i taget} other {kunden '{customer}' skiljer sig från '{first}': kvitta en kund i taget}}",
  mark_must_appear_once: "verifikation '{voucher}' är markerad två gånger",
  marked_voucher_must_be_an_open_debit_item: "verifikation '{voucher}' är inte en öppen debetpost för den här kunden",
  marks_must_not_exceed_credit: "verifikation {voucher}: de markerade beloppen kräver mer än de {left} minsta enheter som återstår av krediten i {currency}",
  priority_type_must_be_known: "'{value}' är inte en av {types}",
  settlement_must_exist: "{name} är ingen bokförd kvittning",
  settlement_must_not_be_unapplied_twice: "{name} har redan återförts",
  settlement_must_settle_an_item: "förslaget för {voucher} kvittar ingenting; det finns ingen journal att bokföra",
  unapply_must_be_latest_first: "verifikation {voucher} kvittades igen senare (länk {link}, journal {journal}); återför den kvittningen först",
  voucher_must_appear_once: "{case, select, customer {kunden '{customer}' har verifikation '{voucher}' mer än en gång} other {verifikation '{voucher}' förekommer mer än en gång}}",
  // collections
  due_date_must_not_be_blank: "{case, select, interest {räntan behöver det här datumet} letters {betalningspåminnelser räknas från förfallodatumet} neither {verifikation {voucher} har varken DueDate eller Date att ordna den efter} order {verifikation {voucher} saknar ett datum att ordna den efter} other {saknar värde}}",
};
