import fc from "fast-check";
import { addMonths, isoFromSerial, parseDate, serialFromYmd } from "../../src/domain/dates";

describe("dates", () => {
  it("maps Excel serials of the 1900 system to calendar days", () => {
    expect(isoFromSerial(61)).toBe("1900-03-01");
    expect(serialFromYmd(2015, 10, 25)).toBe(42302);
    expect(isoFromSerial(45000)).toBe("2023-03-15");
  });

  it("drops the time of day", () => {
    expect(parseDate(42302.999)).toEqual({ ok: true, serial: 42302 });
  });

  it("reads the 1904 system with its 1462-day offset", () => {
    expect(parseDate(40840, "1904")).toEqual({ ok: true, serial: 42302 });
  });

  it("reads ISO text, with or without a time", () => {
    expect(parseDate("2015-10-25")).toEqual({ ok: true, serial: 42302 });
    expect(parseDate("2015-10-25T13:00:00Z")).toEqual({ ok: true, serial: 42302 });
  });

  it("adds calendar months, clamping to the month's end", () => {
    expect(isoFromSerial(addMonths(serialFromYmd(2015, 1, 31), 1))).toBe("2015-02-28");
    expect(isoFromSerial(addMonths(serialFromYmd(2016, 3, 31), -1))).toBe("2016-02-29");
    expect(isoFromSerial(addMonths(serialFromYmd(2015, 12, 15), 1))).toBe("2016-01-15");
  });

  it("round-trips every serial through ISO text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const back = parseDate(isoFromSerial(serial));
        return back.ok && back.serial === serial;
      }),
    );
  });

  describe("invalid input", () => {
    it.each([
      [60, "before 1900-03-01"],
      [1, "before 1900-03-01"],
      ["1900-02-28", "before 1900-03-01"],
      ["2015-02-30", "not a real calendar date"],
      ["2015-13-01", "not a real calendar date"],
      ["tomorrow", "'tomorrow' is not a date"],
      ["25/10/2015", "is not a date"],
      [Number.NaN, "is not a date (the cell holds no valid number)"],
      [true, "is not a date"],
      [3000000, "after 9999-12-31"],
    ])("refuses %p", (value, reason) => {
      const p = parseDate(value);
      expect(p.ok).toBe(false);
      if (!p.ok) expect(p.reason).toContain(reason);
    });
  });
});
