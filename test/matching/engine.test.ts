import { matchStatement, type LineResult } from "../../src/domain/matching";
import { CUSTOMERS, FIK_1, ITEMS, KID_1, line, OCR_1, OCR_2, RF_1 } from "./_fixtures";

const run = (lines: Parameters<typeof matchStatement>[0], options: Parameters<typeof matchStatement>[3] = {}, items = ITEMS): LineResult[] => {
  const r = matchStatement(lines, items, CUSTOMERS, options);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const brief = (m: LineResult): [string, string, string, [string, number][], number] => [m.customer, m.confidence, m.rule, m.settlements.map((s) => [s.voucher, s.amountToSettleMinor]), m.onAccountMinor];

describe("rule 1: structured references validated by their check digits", () => {
  it.each([
    ["OCR in Reference", { reference: OCR_1 }, 1250000, "SEK", "SE1", "INV-20001"],
    ["OCR in the text", { text: `OCR ${OCR_1} tack` }, 1250000, "SEK", "SE1", "INV-20001"],
    ["KID MOD11", { reference: KID_1 }, 750000, "NOK", "NO1", "INV-30001"],
    ["FIK +71 line", { reference: `+71<${FIK_1}+87654321<` }, 250025, "DKK", "DK1", "INV-40001"],
    ["RF with spaces", { reference: RF_1.replace(/(.{4})/g, "$1 ") }, 99999, "EUR", "US1", "INV-50001"],
  ])("%s + the full amount is High", (_name, extra, amount, currency, customer, voucher) => {
    const [m] = run([line("L1", amount, currency, extra)]);
    expect(m && brief(m)).toEqual([customer, "High", "Reference + amount", [[voucher, amount]], 0]);
  });

  it("a reference with a wrong check digit is not a reference (and the unknown payer leaves the line unmatched)", () => {
    const bad = OCR_1.slice(0, -1) + String((Number(OCR_1.slice(-1)) + 1) % 10);
    const [m] = run([line("L1", 1250001, "SEK", { reference: bad })]);
    expect(m?.confidence).toBe("None");
  });

  it("two references in one line pay both items; a part-payment on a reference is Medium and leaves the rest open", () => {
    const [both, part, rest] = run([
      line("L1", 1730000, "SEK", { reference: `${OCR_1} ${OCR_2}` }),
      line("L2", 300000, "NOK", { reference: KID_1 }),
      line("L3", 450000, "NOK", { reference: KID_1 }),
    ]);
    expect(both && brief(both)).toEqual(["SE1", "High", "Reference + amount", [["INV-20001", 1250000], ["INV-20002", 480000]], 0]);
    expect(part && brief(part)).toEqual(["NO1", "Medium", "Reference, amount differs (part-payment)", [["INV-30001", 300000]], 0]);
    // The second line pays what the first left open: the invoice is paid by two lines.
    expect(rest && brief(rest)).toEqual(["NO1", "High", "Reference + amount", [["INV-30001", 450000]], 0]);
  });

  it("an overpayment on a reference settles the item and puts the rest on account (Medium)", () => {
    const [m] = run([line("L1", 1300000, "SEK", { reference: OCR_1 })]);
    expect(m && brief(m)).toEqual(["SE1", "Medium", "Reference, amount differs (overpayment: the rest on account)", [["INV-20001", 1250000]], 50000]);
  });

  it("a reference paid by a payer whose account belongs to another customer is Medium, naming the conflict", () => {
    const [m] = run([line("L1", 1250000, "SEK", { reference: OCR_1, account: "NO1122223333444" })]);
    expect(m?.confidence).toBe("Medium");
    expect(m?.rule).toBe("Reference + amount; the payer's account is customer NO1");
  });

  it("a reference of an item already settled by an earlier line goes on account (Medium)", () => {
    const [, second] = run([line("L1", 1250000, "SEK", { reference: OCR_1 }), line("L2", 1250000, "SEK", { reference: OCR_1 })]);
    expect(second && brief(second)).toEqual(["SE1", "Medium", "Reference of an item already settled: on account", [], 1250000]);
  });
});

describe("rule 2: document numbers in the reference or text", () => {
  it.each([
    ["Faktura 20003", "SE1", 99900, "SEK", [["INV-20003", 99900]]],
    ["INV-20003", "SE1", 99900, "SEK", [["INV-20003", 99900]]],
    ["inv20003", "SE1", 99900, "SEK", [["INV-20003", 99900]]],
    ["Fakt. nr 20001/20002", "SE1", 1730000, "SEK", [["INV-20001", 1250000], ["INV-20002", 480000]]],
    ["30001, 30002", "NO1", 870000, "NOK", [["INV-30001", 750000], ["INV-30002", 120000]]],
  ])("'%s' with the amount is High", (text, customer, amount, currency, settled) => {
    const [m] = run([line("L1", amount, currency, { text })]);
    expect(m && brief(m)).toEqual([customer, "High", "Document number + amount", settled, 0]);
  });

  it("a list naming more invoices than were paid settles the ones the amount pays (Medium)", () => {
    const [m] = run([line("L1", 1349900, "SEK", { text: "20001 20002 20003" })]);
    expect(m && brief(m)).toEqual(["SE1", "Medium", "Document number + amount of some of the items named", [["INV-20001", 1250000], ["INV-20003", 99900]], 0]);
  });

  it("a short number is not a document unless the payer is known and it is the payer's document", () => {
    const items = [...ITEMS, { ...(ITEMS[2] as (typeof ITEMS)[number]), voucher: "X-7", invoice: "77", amountMinor: 5000, row: 99 }];
    expect(run([line("L1", 5000, "SEK", { text: "77" })], {}, items)[0]?.rule).toBe("Amount only");
    expect(run([line("L1", 5000, "SEK", { text: "77", account: "SE3550000000054910000003" })], {}, items)[0]?.rule).toBe("Document number + amount");
  });
});

describe("rule 3: the payer and the amount", () => {
  it("payer by account + one item of that amount is High", () => {
    const [m] = run([line("L1", 120000, "NOK", { account: "NO83 3000 1234 567" })]);
    expect(m && brief(m)).toEqual(["NO1", "High", "Party (account) + amount", [["INV-30002", 120000]], 0]);
  });

  it("payer by exact name + a combination of items is High; by a similar name it is Medium", () => {
    const [exact] = run([line("L1", 1349900, "SEK", { counterparty: "NORDVIK BYGG AKTIEBOLAG" })]);
    expect(exact?.rule).toBe("Party (name) + combined amount"); // legal forms are dropped from names
    const [named] = run([line("L1", 1349900, "SEK", { counterparty: "Nordvik Bygg" })]);
    expect(named && brief(named)).toEqual(["SE1", "High", "Party (name) + combined amount", [["INV-20001", 1250000], ["INV-20003", 99900]], 0]);
    const [similar] = run([line("L1", 99900, "SEK", { counterparty: "Nordvk Bygg AB" })]);
    expect(similar && brief(similar)).toEqual(["SE1", "Medium", "Party (similar name) + amount", [["INV-20003", 99900]], 0]);
  });

  it("a customer number in the text identifies the payer", () => {
    const [m] = run([line("L1", 100000, "DKK", { text: "kunde K10023 betaling" })], {}, ITEMS.map((i) => (i.customer === "DK1" ? { ...i, customer: "K10023" } : i)));
    expect(m && brief(m)).toEqual(["K10023", "High", "Party (number) + amount", [["INV-40002", 100000]], 0]);
    const [n] = run([line("L1", 12345, "SEK", { text: "kundenr SE1" })]);
    expect(n?.confidence).toBe("None"); // "SE1" is too short to be read as a customer number
  });

  it("a cash discount still allowed at the payment date makes the discounted amount agree", () => {
    // 2 % of 2,500.25 is 50.005, rounded half away from zero: 50.01.
    const [m] = run([line("L1", 245024, "DKK", { counterparty: "Skovgaard Møbler", date: "2025-12-08" })]);
    expect(m && brief(m)).toEqual(["DK1", "High", "Party (name) + amount", [["INV-40001", 250025]], 0]);
    expect(m?.settlements[0]?.discountMinor).toBe(5001);
    const [late] = run([line("L1", 245024, "DKK", { counterparty: "Skovgaard Møbler", date: "2025-12-09" })]);
    expect(late?.confidence).toBe("Low");
    expect(late?.onAccountMinor).toBe(245024);
    // Paying in full within the discount period closes the item without a discount, nothing on account.
    const [full] = run([line("L1", 250025, "DKK", { counterparty: "Skovgaard Møbler", date: "2025-12-08" })]);
    expect(full && brief(full)).toEqual(["DK1", "High", "Party (name) + amount", [["INV-40001", 250025]], 0]);
    expect(full?.settlements[0]?.discountMinor).toBe(0);
  });

  it("a short payment after a bank fee agrees within MaxOverUnder and closes the item; without the tolerance the payer is known but nothing agrees", () => {
    const [m] = run([line("L1, fee", 117500, "NOK", { account: "NO8330001234567" })], { settlement: { maxOverUnderMinor: 3000 } });
    expect(m && brief(m)).toEqual(["NO1", "High", "Party (account) + amount", [["INV-30002", 120000]], 0]);
    const [strict] = run([line("L1", 117500, "NOK", { account: "NO8330001234567" })]);
    expect(strict && brief(strict)).toEqual(["NO1", "Low", "Party (account) only: on account", [], 117500]);
  });

  it("a document number with a typo and the amount is Medium; two items of the same amount are Medium, never High", () => {
    const [typo] = run([line("L1", 1250001, "SEK", { text: "faktura 20010", account: "SE3550000000054910000003" })]);
    expect(typo && brief(typo)).toEqual(["SE1", "Low", "Party (account) + document number (near)", [["INV-20001", 1250000]], 1]);
    const [typoAmount] = run([line("L1", 1250000, "SEK", { text: "faktura 21001", account: "SE3550000000054910000003" })]);
    expect(typoAmount?.confidence).toBe("High"); // the amount alone is unique for a known payer
    const twins = [...ITEMS, { ...(ITEMS[4] as (typeof ITEMS)[number]), voucher: "INV-30009", invoice: "30009", row: 98 }];
    const [twin] = run([line("L1", 120000, "NOK", { account: "NO8330001234567" })], {}, twins);
    expect(twin?.confidence).toBe("Medium");
    expect(twin?.rule).toBe("Party (account) + amount (2 items of that amount)");
  });
});

describe("rule 4 and no match", () => {
  it("an amount unique in the ledger but no payer is Low; nothing is None; money out is None", () => {
    const [amount, nothing, out] = run([line("L1", 99900, "SEK"), line("L2", 12345, "SEK", { counterparty: "Unknown Oy" }), line("L3", -5000, "SEK")]);
    expect(amount && brief(amount)).toEqual(["SE1", "Low", "Amount only", [["INV-20003", 99900]], 0]);
    expect(nothing && brief(nothing)).toEqual(["", "None", "No reference, document, payer or amount found", [], 0]);
    expect(out?.confidence).toBe("None");
  });

  it("credit items and items in another currency are never matched", () => {
    const [m] = run([line("L1", 5000, "EUR", { counterparty: "Atlas Trading" })]);
    expect(m?.settlements).toEqual([]);
    const [other] = run([line("L1", 1250000, "EUR", { reference: OCR_1 })]);
    expect(other?.confidence).toBe("None");
  });
});
