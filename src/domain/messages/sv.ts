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
};
