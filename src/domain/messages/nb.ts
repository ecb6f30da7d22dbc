/** Norwegian (bokmål) error messages (terms of Microsoft Dynamics 365's Norwegian documentation); see ./en.ts. */
import type { TemplatedCode } from "./en";

export const NB: Readonly<Record<TemplatedCode, string>> = {
  // tables
  range_must_have_a_header_row: "{case, select, empty {filen er tom} other {må være et område med en overskriftsrad}}",
  column_must_appear_once: "både '{first}' og '{second}' er kolonnen {column}; behold én av dem",
  required_column_missing: "overskriftsraden har ingen kolonne {column} (godtas: {accepted})",
  cell_must_not_be_an_excel_error: "inneholder Excel-feilen {value}; rett formelen eller cellen den viser til",
  currency_must_be_known:
    "{case, select, plain {'{currency}' er ikke en ISO 4217-valutakode} option {{option} '{currency}' er ikke en ISO 4217-valutakode med kjent antall desimaler} other {'{currency}' er ikke en ISO 4217-valutakode med kjent antall desimaler}}",
  amounts_must_sum_within_2_53_minor_units: "beløpene i denne kolonnen blir hittil til sammen mer enn 2^53 minste enheter, utover det som regnes nøyaktig",
  option_must_be_known: "'{option}' er ikke et alternativ; kjente alternativer: {known}",
  option_value_must_fit:
    "{case, select, moreThan {{option} {value} er mer enn {max}} above {{option} {value} er over {max}} other {'{value}' er ikke en gyldig verdi for {option} ({kind, select, bool {SANN eller USANN} range {et tall fra {min} til {max}} atLeast {et tall på minst {min}} number {et tall} text {tekst} date {en dato} choice {en av {values}} other {en verdi}})}}",
  period_bounds_must_increase: "{case, select, bounds {{bound} må være et helt antall dager større enn {previous}} other {{bound} må være større enn forrige grense {previous}}}",
  period_days_must_be_whole:
    "{case, select, notWhole {'{value}' er ikke et helt antall dager} other {{value} {unit, select, Week {uker} Month {måneder} Quarter {kvartaler} Year {år} other {dager}} er lengre enn datoområdet Excel kan romme}}",
  period_unit_must_be_known: "'{value}' er ikke en av {units}",
  rate_must_appear_once_per_currency_and_date: "{currency} har allerede en kurs for denne datoen på rad {first}; behold én",
  // rates
  exchange_rate_must_exist:
    "{case, select, settle {utligning av {from} mot {to} krever en valutakurstabell} value {verdsettelse av {currency} i {accounting} krever en valutakurstabell} other {det finnes ingen valutakurs for {currency} på eller før {date} (regnskapsvaluta {accounting})}}",
  converted_amount_must_fit_in_2_53_minor_units: "{minor} minste enheter {from} blir med denne kursen mer enn 2^53 minste enheter {to}; kontroller kursen",
  // settlement
  accounttype_must_not_be_blank: "mangler verdi",
  amount_to_settle_must_be_positive: "bilag {voucher}: {amount} minste enheter er ikke et positivt beløp",
  amount_to_settle_must_not_exceed_open: "{case, select, typed {er mer enn det åpne beløpet {open}} other {bilag {voucher}: {amount} minste enheter er mer enn det åpne {open}}}",
  cash_discount_date_must_not_be_blank: "en kontantrabattprosent krever en CashDiscountDate",
  cash_discount_pct_must_be_below_100: "{value} er ikke en prosentsats fra 0 til under 100",
  credit_must_be_a_credit_item: "bilag {voucher} har det åpne beløpet {amount}; kreditsiden må være negativ (en betaling eller kreditnota)",
  date_must_not_be_blank:
    "{case, select, statement {posten har verken BookgDt eller ValDt} discount {rabattkoden '{code}' teller dager fra postens dato, som mangler} order {bilag {voucher} har ingen Date å ordne etter} payment {betalingen {voucher} må ha en Date for å kunne utlignes} interest {renten trenger denne datoen} argument {må angis} other {mangler verdi}}",
  days_must_be_a_whole_number: "{value} er ikke et helt antall dager",
  discount_code_must_appear_once: "koden '{code}' forekommer to ganger",
  discount_code_must_be_known: "'{code}' finnes ikke i rabattkodetabellen",
  discount_code_must_have_days_or_date: "{case, select, code {koden '{code}' trenger enten Days eller Date} other {trenger enten Days eller Date}}",
  discount_codes_must_not_loop: "kjeden fra '{from}' går tilbake til '{code}'",
  discount_pct_must_be_below_100: "{value} er ikke en prosentsats fra 0 til under 100",
  items_must_belong_to_one_customer: "{case, select, row {kunden '{customer}' er forskjellig fra '{first}' på rad {row}: utlign én kunde om gangen} other {kunden '{customer}' er forskjellig fra '{first}': utlign én kunde om gangen}}",
  mark_must_appear_once: "bilag '{voucher}' er merket to ganger",
  marked_voucher_must_be_an_open_debit_item: "bilag '{voucher}' er ikke en åpen debetpost for denne kunden",
  marks_must_not_exceed_credit: "bilag {voucher}: de merkede beløpene krever mer enn de {left} minste enhetene som er igjen av kreditten i {currency}",
  priority_type_must_be_known: "'{value}' er ikke en av {types}",
  settlement_must_exist: "{name} er ikke en bokført utligning",
  settlement_must_not_be_unapplied_twice: "{name} er allerede tilbakeført",
  settlement_must_settle_an_item: "forslaget for {voucher} utligner ingenting; det er ingen journal å bokføre",
  unapply_must_be_latest_first: "bilag {voucher} ble utlignet igjen senere (kobling {link}, journal {journal}); tilbakefør den utligningen først",
  voucher_must_appear_once: "{case, select, customer {kunden '{customer}' har bilag '{voucher}' mer enn én gang} other {bilag '{voucher}' forekommer mer enn én gang}}",
  // collections
  due_date_must_not_be_blank: "{case, select, interest {renten trenger denne datoen} letters {purringer regnes fra forfallsdatoen} neither {bilag {voucher} har verken DueDate eller Date å ordne etter} order {bilag {voucher} har ingen dato å ordne etter} other {mangler verdi}}",
};
