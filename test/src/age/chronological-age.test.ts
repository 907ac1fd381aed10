import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/age/calendar-date';
import { completedMonths, parseDicomAge } from '../../../src/age/chronological-age';

const d = (s: string) => {
  const v = parseDate(s);
  if (!v) throw new Error(`bad test date ${s}`);
  return v;
};

describe('completedMonths', () => {
  it('counts only completed months', () => {
    expect(completedMonths(d('20150310'), d('20250309'))).toBe(119); // the 9th for a birth on the 10th
    expect(completedMonths(d('20150310'), d('20250310'))).toBe(120);
    expect(completedMonths(d('20150310'), d('20150310'))).toBe(0);
    expect(completedMonths(d('20151231'), d('20160101'))).toBe(0);
  });
  it('completes a month on its last day when the birth day does not exist in it', () => {
    expect(completedMonths(d('20200131'), d('20200228'))).toBe(0); // 2020 is leap: Feb has a 29th
    expect(completedMonths(d('20200131'), d('20200229'))).toBe(1);
    expect(completedMonths(d('20210131'), d('20210228'))).toBe(1);
    expect(completedMonths(d('20200531'), d('20200630'))).toBe(1);
    expect(completedMonths(d('20200531'), d('20200629'))).toBe(0);
  });
  it('handles birthdays on 29 February', () => {
    expect(completedMonths(d('20160229'), d('20170228'))).toBe(12);
    expect(completedMonths(d('20160229'), d('20170227'))).toBe(11);
    expect(completedMonths(d('20160229'), d('20200229'))).toBe(48);
    expect(completedMonths(d('20160229'), d('20200228'))).toBe(47);
  });
  it('refuses a study before the birth', () => {
    expect(() => completedMonths(d('20200101'), d('20191231'))).toThrow(/before the birth/);
  });
});

describe('parseDate', () => {
  it('reads DICOM DA, the old dotted form and ISO', () => {
    expect(parseDate('20240229')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2024.02.29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it('rejects malformed and impossible dates', () => {
    for (const s of ['', '2023', '20230230', '20230229', '20231301', '2023-1-5', 'abcdefgh', '00000000', undefined, null]) {
      expect(parseDate(s as string)).toBeNull();
    }
  });
});

describe('parseDicomAge', () => {
  it('reads the four units', () => {
    expect(parseDicomAge('010Y')).toEqual({ value: 10, unit: 'Y', months: 120, approximate: true, upToMonths: 131 }); // 10 years: 120-131 months
    expect(parseDicomAge('030M')).toMatchObject({ months: 30, approximate: false, upToMonths: 30 });
    expect(parseDicomAge('052W')).toMatchObject({ months: 11 }); // 364 days
    expect(parseDicomAge('400D')).toMatchObject({ months: 13 });
  });
  it('rejects what is not an Age String', () => {
    for (const s of ['10Y', '010y', '010', 'Y010', '', '0100Y', undefined]) expect(parseDicomAge(s)).toBeNull();
  });
});
