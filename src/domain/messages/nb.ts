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
};
