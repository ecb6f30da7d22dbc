/** Danish error messages (terms of Microsoft Dynamics 365's Danish documentation); see ./en.ts. */
import type { TemplatedCode } from "./en";

export const DA: Readonly<Record<TemplatedCode, string>> = {
  // tables
  range_must_have_a_header_row: "{case, select, empty {filen er tom} other {skal være et område med en overskriftsrække}}",
  column_must_appear_once: "både '{first}' og '{second}' er kolonnen {column}; behold én af dem",
  required_column_missing: "overskriftsrækken har ingen kolonne {column} (godtages: {accepted})",
  cell_must_not_be_an_excel_error: "indeholder Excel-fejlen {value}; ret formlen eller den celle, den henviser til",
  currency_must_be_known:
    "{case, select, plain {'{currency}' er ikke en ISO 4217-valutakode} option {{option} '{currency}' er ikke en ISO 4217-valutakode med et kendt antal decimaler} other {'{currency}' er ikke en ISO 4217-valutakode med et kendt antal decimaler}}",
  amounts_must_sum_within_2_53_minor_units: "beløbene i denne kolonne giver indtil her tilsammen mere end 2^53 mindste enheder, ud over hvad der regnes nøjagtigt",
  option_must_be_known: "'{option}' er ikke en indstilling; kendte indstillinger: {known}",
  option_value_must_fit:
    "{case, select, moreThan {{option} {value} er mere end {max}} above {{option} {value} er over {max}} other {'{value}' er ikke en gyldig værdi for {option} ({kind, select, bool {SAND eller FALSK} range {et tal fra {min} til {max}} atLeast {et tal på mindst {min}} number {et tal} text {tekst} date {en dato} choice {en af {values}} other {en værdi}})}}",
  period_bounds_must_increase: "{case, select, bounds {{bound} skal være et helt antal dage større end {previous}} other {{bound} skal være større end den forrige grænse {previous}}}",
  period_days_must_be_whole:
    "{case, select, notWhole {'{value}' er ikke et helt antal dage} other {{value} {unit, select, Week {uger} Month {måneder} Quarter {kvartaler} Year {år} other {dage}} er længere end det datointerval, Excel kan rumme}}",
  period_unit_must_be_known: "'{value}' er ikke en af {units}",
  rate_must_appear_once_per_currency_and_date: "{currency} har allerede en kurs for denne dato i række {first}; behold én",
  // rates
  exchange_rate_must_exist:
    "{case, select, settle {udligning af {from} mod {to} kræver en valutakurstabel} value {værdiansættelse af {currency} i {accounting} kræver en valutakurstabel} other {der findes ingen valutakurs for {currency} på eller før {date} (regnskabsvaluta {accounting})}}",
  converted_amount_must_fit_in_2_53_minor_units: "{minor} mindste enheder {from} bliver med denne kurs mere end 2^53 mindste enheder {to}; kontrollér kursen",
};
