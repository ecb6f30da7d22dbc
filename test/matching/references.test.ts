import fc from "fast-check";
import {
  fik71For, kidMod11For, kidScheme, luhnCheckDigit, luhnValid, mod11CheckDigit, ocrFor, ocrValid, parseFik, referenceKey, referenceScheme, rfFor, rfValid,
} from "../../src/domain/matching/references";

describe("Luhn (mod 10)", () => {
  it.each([
    ["7992739871", 3],
    ["1234568", 2],
    ["0", 0],
  ])("the check digit of %s is %i", (body, digit) => expect(luhnCheckDigit(body)).toBe(digit));

  it("detects every single-digit error and every adjacent transposition of distinct digits (except 09/90)", () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{4,20}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
      const ref = body + String(luhnCheckDigit(body));
      const i = at % ref.length;
      const changed = ref.slice(0, i) + String((Number(ref[i]) + delta) % 10) + ref.slice(i + 1);
      expect(luhnValid(ref)).toBe(true);
      expect(luhnValid(changed)).toBe(false);
    }));
  });
});

describe("Swedish OCR", () => {
  it.each([
    ["12345682", false, true],
    ["1234 5682", false, true],
    ["12345683", false, false],
    ["12351", true, true], // length digit 5, Luhn 1
    ["12341", true, false], // Luhn-valid but the length digit 4 is not the length 5
    ["1", false, false], // too short
    ["1".repeat(26), false, false], // too long
    ["12a45682", false, false],
  ])("%s (length digit %s) is valid: %s", (ref, lengthDigit, valid) => expect(ocrValid(ref, lengthDigit)).toBe(valid));

  it("ocrFor makes valid references, with and without the length digit", () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{1,20}$/), fc.boolean(), (body, len) => expect(ocrValid(ocrFor(body, len), len)).toBe(true)));
  });
});

describe("Norwegian KID", () => {
  it.each([
    ["12345682", "KID-MOD10"],
    ["10006", "KID-MOD11"],
    ["10009", "KID-MOD10"],
    ["10007", undefined],
    ["1", undefined],
  ])("%s checks under %s", (ref, scheme) => expect(kidScheme(ref)).toBe(scheme));

  it("MOD11 writes a check digit of 10 as '-' and one of 11 as 0", () => {
    // 16: 6*2 = 12, 12 mod 11 = 1 -> 10 -> "-"; 0: 0 -> 11 -> "0"
    expect(mod11CheckDigit("6")).toBe("-");
    expect(mod11CheckDigit("0")).toBe("0");
    expect(kidScheme("6-")).toBe("KID-MOD11");
    expect(kidMod11For("1000")).toBe("10006");
  });
});

describe("Danish FI (FIK) payment IDs", () => {
  it.each([
    ["+71<000000001234566+87654321<", "FIK71"],
    ["+71<000000001234566", "FIK71"],
    ["+75<0000000012345674+87654321<", "FIK75"],
    ["+73<+87654321<", "FIK73"],
    ["+71<000000001234567+87654321<", undefined], // wrong check digit
    ["+71<00000001234566+87654321<", undefined], // 14 digits, +71 needs 15
    ["+75<000000001234566+87654321<", undefined], // 15 digits, +75 needs 16
    ["+73<000000001234566+87654321<", undefined], // +73 carries no payment ID
  ])("%s is %s", (line, scheme) => expect(parseFik(line)?.scheme).toBe(scheme));

  it("fik71For pads to 15 digits with the Luhn digit; the key of an FI line is its payment ID", () => {
    expect(fik71For("123456")).toBe("000000001234566");
    expect(referenceKey("+71<000000001234566+87654321<")).toBe("000000001234566");
    expect(parseFik("+71<000000001234566+87654321<")?.creditor).toBe("87654321");
  });
});

describe("ISO 11649 RF creditor references", () => {
  it.each([
    ["RF18 5390 0754 7034", true],
    ["rf18539007547034", true],
    ["RF18 5390 0754 7035", false],
    ["RF19 5390 0754 7034", false],
    ["RF18", false],
    ["RF18 " + "1".repeat(22), false], // over 25 characters
  ])("%s is valid: %s", (ref, valid) => expect(rfValid(ref)).toBe(valid));

  it("rfFor makes valid references for letters and digits", () => {
    expect(rfFor("539007547034")).toBe("RF18539007547034");
    fc.assert(fc.property(fc.stringMatching(/^[0-9A-Z]{1,21}$/), (body) => expect(rfValid(rfFor(body))).toBe(true)));
  });
});

describe("referenceScheme: which check holds", () => {
  it.each([
    ["RF18539007547034", "RF"],
    ["RF18539007547035", undefined],
    ["12345682", "OCR"],
    ["10006", "KID-MOD11"],
    ["+71<000000001234566+87654321<", "FIK71"],
    ["12345683", undefined],
    ["INV-000123", undefined],
  ])("%s -> %s", (ref, scheme) => expect(referenceScheme(ref)).toBe(scheme));
});
