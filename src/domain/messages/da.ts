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
  // settlement
  accounttype_must_not_be_blank: "mangler en værdi",
  amount_to_settle_must_be_positive: "bilag {voucher}: {amount} mindste enheder er ikke et positivt beløb",
  amount_to_settle_must_not_exceed_open: "{case, select, typed {er mere end det åbne beløb {open}} other {bilag {voucher}: {amount} mindste enheder er mere end dets åbne {open}}}",
  cash_discount_date_must_not_be_blank: "en kontantrabatprocent kræver en CashDiscountDate",
  cash_discount_pct_must_be_below_100: "{value} er ikke en procentsats fra 0 til under 100",
  credit_must_be_a_credit_item: "bilag {voucher} har det åbne beløb {amount}; kreditsiden skal være negativ (en betaling eller kreditnota)",
  date_must_not_be_blank:
    "{case, select, statement {posten har hverken BookgDt eller ValDt} discount {rabatkoden '{code}' tæller dage fra postens dato, som mangler} order {bilag {voucher} har ingen Date at ordne efter} payment {betalingen {voucher} skal have en Date for at kunne udlignes} interest {renten kræver denne dato} argument {skal angives} other {mangler en værdi}}",
  days_must_be_a_whole_number: "{value} er ikke et helt antal dage",
  discount_code_must_appear_once: "koden '{code}' forekommer to gange",
  discount_code_must_be_known: "'{code}' findes ikke i rabatkodetabellen",
  discount_code_must_have_days_or_date: "{case, select, code {koden '{code}' kræver enten Days eller Date} other {kræver enten Days eller Date}}",
  discount_codes_must_not_loop: "kæden fra '{from}' vender tilbage til '{code}'",
  discount_pct_must_be_below_100: "{value} er ikke en procentsats fra 0 til under 100",
  items_must_belong_to_one_customer: "{case, select, row {debitor '{customer}' er forskellig fra '{first}' i række {row}: udlign én debitor ad gangen} other {debitor '{customer}' er forskellig fra '{first}': udlign én debitor ad gangen}}",
  mark_must_appear_once: "bilag '{voucher}' er markeret to gange",
  marked_voucher_must_be_an_open_debit_item: "bilag '{voucher}' er ikke en åben debetpost for denne debitor",
  marks_must_not_exceed_credit: "bilag {voucher}: de markerede beløb kræver mere end de {left} mindste enheder, der er tilbage af kreditten i {currency}",
  priority_type_must_be_known: "'{value}' er ikke en af {types}",
  settlement_must_exist: "{name} er ikke en bogført udligning",
  settlement_must_not_be_unapplied_twice: "{name} er allerede tilbageført",
  settlement_must_settle_an_item: "forslaget for {voucher} udligner intet; der er ingen kladde at bogføre",
  unapply_must_be_latest_first: "bilag {voucher} blev udlignet igen senere (link {link}, kladde {journal}); tilbagefør den udligning først",
  voucher_must_appear_once: "{case, select, customer {debitor '{customer}' har bilag '{voucher}' mere end én gang} other {bilag '{voucher}' forekommer mere end én gang}}",
  // collections
  due_date_must_not_be_blank: "{case, select, interest {renten kræver denne dato} letters {rykkere tæller fra forfaldsdatoen} neither {bilag {voucher} har hverken DueDate eller Date at ordne efter} order {bilag {voucher} har ingen dato at ordne efter} other {mangler en værdi}}",
};
