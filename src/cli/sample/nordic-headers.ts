/**
 * Swedish, Danish and Norwegian header names for `cc demo --headers sv|da|nb`: the sample ledger is
 * written with the names a Nordic ERP export uses (each one an alias the src/workbook readers
 * accept, so the demo reads it back as it reads the English one), and the output sheets show
 * their headers in the same language. Terms as Microsoft Dynamics' Swedish, Danish and Norwegian
 * documentation uses them. `JournalId` stays as it is: it is the key every posting is checked by.
 */
export const HEADER_LANGUAGES = ["en", "sv", "da", "nb"] as const;
export type HeaderLanguage = (typeof HEADER_LANGUAGES)[number];

type Names = Readonly<Record<string, string>>;

/** Input headers (ledger, customers, rates): every name here is a reader alias of the English one. */
const INPUT: Readonly<Record<Exclude<HeaderLanguage, "en">, Names>> = {
  sv: {
    Customer: "Kund", Voucher: "Verifikation", Type: "Typ", Date: "Datum", DueDate: "Förfallodatum", DocumentDate: "Dokumentdatum", Amount: "Belopp", Currency: "Valuta",
    CashDiscountDate: "Kassarabattdatum", CashDiscountPct: "Kassarabatt%", Invoice: "Fakturanummer", Status: "Inkassostatus", Disputed: "Tvist", Dimension: "Kostnadsställe",
    TaxCode: "Momskod", TaxAmount: "Momsbelopp", LegalEntity: "Bolag", Name: "Namn", CreditLimit: "Kreditgräns", Rate: "Kurs",
  },
  da: {
    Customer: "Kunde", Voucher: "Bilag", Type: "Bilagstype", Date: "Dato", DueDate: "Forfaldsdato", DocumentDate: "Bilagsdato", Amount: "Beløb", Currency: "Valuta",
    CashDiscountDate: "Kontantrabatdato", CashDiscountPct: "Kontantrabat", Invoice: "Fakturanummer", Dimension: "Afdeling", TaxCode: "Momskode", TaxAmount: "Momsbeløb",
    LegalEntity: "Selskab", Name: "Navn", CreditLimit: "Kreditgrænse", Rate: "Kurs",
  },
  nb: {
    Customer: "Kunde", Voucher: "Bilag", Type: "Dokumenttype", Date: "Dato", DueDate: "Forfallsdato", DocumentDate: "Dokumentdato", Amount: "Beløp", Currency: "Valuta",
    CashDiscountDate: "Kontantrabattdato", CashDiscountPct: "Kontantrabatt", Invoice: "Fakturanummer", Dimension: "Avdeling", TaxCode: "Momskode", TaxAmount: "Momsbeløp",
    LegalEntity: "Selskap", Name: "Navn", CreditLimit: "Kredittgrense", Rate: "Kurs",
  },
};

/** Output headers (shown only: formats and checks use the English names). */
const OUTPUT: Readonly<Record<Exclude<HeaderLanguage, "en">, Names>> = {
  sv: {
    Status: "Status", Balance: "Saldo", "Not due": "Ej förfallet", "Over 120": "Över 120", Period: "Period", Step: "Steg", Figure: "Nyckeltal", Count: "Antal", Detail: "Detalj",
    Line: "Rad", OffsetVoucher: "Motverifikation", AccountingAmount: "Belopp i redovisningsvaluta", AccountingCurrency: "Redovisningsvaluta", AccountType: "Kontotyp",
    AccountRole: "Kontoroll", Reason: "Orsak", Reasons: "Orsaker", LinkId: "Kopplings-ID", CorrectsJournalId: "Rättar journal", Order: "Order", OrderCurrency: "Ordervaluta",
    Limit: "Kreditgräns", Exposure: "Exponering", Available: "Tillgängligt", Debit: "Debet", Credit: "Kredit", LineType: "Radtyp", PostingProfile: "Bokföringsprofil",
    TaxAccount: "Momskonto", Account: "Konto", LineId: "Rad-ID", AmountToSettle: "Belopp att kvitta", Confidence: "Säkerhet", Rule: "Regel",
  },
  da: {
    Status: "Status", Balance: "Saldo", "Not due": "Ikke forfalden", "Over 120": "Over 120", Period: "Periode", Step: "Trin", Figure: "Nøgletal", Count: "Antal", Detail: "Detalje",
    Line: "Linje", OffsetVoucher: "Modbilag", AccountingAmount: "Beløb i regnskabsvaluta", AccountingCurrency: "Regnskabsvaluta", AccountType: "Kontotype",
    AccountRole: "Kontorolle", Reason: "Årsag", Reasons: "Årsager", LinkId: "Link-ID", CorrectsJournalId: "Retter kladde", Order: "Ordre", OrderCurrency: "Ordrevaluta",
    Limit: "Kreditgrænse", Exposure: "Eksponering", Available: "Disponibelt", Debit: "Debet", Credit: "Kredit", LineType: "Linjetype", PostingProfile: "Bogføringsprofil",
    TaxAccount: "Momskonto", Account: "Konto", LineId: "Linje-ID", AmountToSettle: "Beløb til udligning", Confidence: "Sikkerhed", Rule: "Regel",
  },
  nb: {
    Status: "Status", Balance: "Saldo", "Not due": "Ikke forfalt", "Over 120": "Over 120", Period: "Periode", Step: "Trinn", Figure: "Nøkkeltall", Count: "Antall", Detail: "Detalj",
    Line: "Linje", OffsetVoucher: "Motbilag", AccountingAmount: "Beløp i regnskapsvaluta", AccountingCurrency: "Regnskapsvaluta", AccountType: "Kontotype",
    AccountRole: "Kontorolle", Reason: "Årsak", Reasons: "Årsaker", LinkId: "Koblings-ID", CorrectsJournalId: "Retter journal", Order: "Ordre", OrderCurrency: "Ordrevaluta",
    Limit: "Kredittgrense", Exposure: "Eksponering", Available: "Tilgjengelig", Debit: "Debet", Credit: "Kredit", LineType: "Linjetype", PostingProfile: "Posteringsprofil",
    TaxAccount: "Mva-konto", Account: "Konto", LineId: "Linje-ID", AmountToSettle: "Beløp til utligning", Confidence: "Sikkerhet", Rule: "Regel",
  },
};

export function isHeaderLanguage(text: string): text is HeaderLanguage {
  return (HEADER_LANGUAGES as readonly string[]).includes(text);
}

/**
 * The input header `name` in `language` (the English name when there is none).
 * @example inputHeader("DueDate", "sv") // "Förfallodatum"
 */
export function inputHeader(name: string, language: HeaderLanguage): string {
  return language === "en" ? name : (INPUT[language][name] ?? name);
}

/**
 * The output header `name` in `language`: an output name first, then the input one.
 * @example outputHeader("Balance", "da") // "Saldo"
 */
export function outputHeader(name: string, language: HeaderLanguage): string {
  return language === "en" ? name : (OUTPUT[language][name] ?? INPUT[language][name] ?? name);
}
