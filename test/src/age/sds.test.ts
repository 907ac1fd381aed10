import { describe, expect, it } from 'vitest';
import { sdBands } from '../../../src/age/chart-bands';
import { compareAges } from '../../../src/age/comparison';
import { GREULICH_PYLE_SD } from '../../../src/age/greulich-pyle-sd';
import { sdForAge, standardDeviationScore, verdictOf } from '../../../src/age/sds';

describe('the Greulich–Pyle SD table', () => {
  it('has the published ages and sizes: boys 3 months–17 years, girls 3 months–16 years', () => {
    expect(GREULICH_PYLE_SD.M).toHaveLength(24);
    expect(GREULICH_PYLE_SD.F).toHaveLength(23);
    expect(GREULICH_PYLE_SD.M.map((r) => r.ageMonths).slice(0, 6)).toEqual([3, 6, 9, 12, 18, 24]);
    expect(GREULICH_PYLE_SD.M.at(-1)).toEqual({ ageMonths: 204, sdMonths: 13.05 });
    expect(GREULICH_PYLE_SD.F.at(-1)).toEqual({ ageMonths: 192, sdMonths: 7.31 });
    for (const rows of [GREULICH_PYLE_SD.M, GREULICH_PYLE_SD.F]) {
      for (let i = 1; i < rows.length; i++) expect(rows[i].ageMonths).toBeGreaterThan(rows[i - 1].ageMonths);
      for (const r of rows) expect(r.sdMonths).toBeGreaterThan(0);
    }
  });
  it('spot values (boys 10 y 9.79, girls 10 y 11.73, girls 5 y 11.65)', () => {
    const at = (sex: 'M' | 'F', months: number) => GREULICH_PYLE_SD[sex].find((r) => r.ageMonths === months)?.sdMonths;
    expect(at('M', 120)).toBe(9.79);
    expect(at('F', 120)).toBe(11.73);
    expect(at('F', 60)).toBe(11.65);
    expect(at('M', 3)).toBe(0.69);
  });
  it('cannot be changed at run time', () => {
    expect(() => ((GREULICH_PYLE_SD.M[0] as { sdMonths: number }).sdMonths = 99)).toThrow();
  });
});

describe('sdForAge', () => {
  it('returns tabulated values at tabulated ages', () => {
    expect(sdForAge('M', 120)).toEqual({ sdMonths: 9.79 });
    expect(sdForAge('F', 3)).toEqual({ sdMonths: 0.72 });
    expect(sdForAge('M', 204)).toEqual({ sdMonths: 13.05 });
  });
  it('interpolates linearly between tabulated ages', () => {
    // Boys 108 → 9.00, 120 → 9.79: at 114 the midpoint; at 111 a quarter of the way.
    expect((sdForAge('M', 114) as { sdMonths: number }).sdMonths).toBeCloseTo(9.395, 10);
    expect((sdForAge('M', 111) as { sdMonths: number }).sdMonths).toBeCloseTo(9.1975, 10);
    // Girls 144 → 10.24, 156 → 10.67.
    expect((sdForAge('F', 150) as { sdMonths: number }).sdMonths).toBeCloseTo(10.455, 10);
    // Fractional ages work too (PatientAge in days).
    expect((sdForAge('F', 4.5) as { sdMonths: number }).sdMonths).toBeCloseTo(0.94, 10);
  });
  it('says it does not apply outside the tabulated range or without a sex', () => {
    expect(sdForAge('M', 2)).toMatchObject({ sdMonths: null, reason: expect.stringMatching(/boys cover 3-204 months.*2 months is outside/) });
    expect(sdForAge('M', 205)).toMatchObject({ sdMonths: null });
    expect(sdForAge('F', 193)).toMatchObject({ sdMonths: null, reason: expect.stringMatching(/girls cover 3-192/) });
    expect(sdForAge('F', 192)).toEqual({ sdMonths: 7.31 });
    expect(sdForAge(null, 120)).toMatchObject({ sdMonths: null, reason: expect.stringMatching(/sex/) });
    expect(sdForAge('M', NaN)).toMatchObject({ sdMonths: null });
  });
});

describe('SDS and verdict', () => {
  it('computes (bone age − chronological age) / SD', () => {
    expect(standardDeviationScore(130, 120, 10)).toBe(1);
    expect(standardDeviationScore(100, 120, 8)).toBe(-2.5);
    expect(() => standardDeviationScore(100, 120, 0)).toThrow();
  });
  it('calls delayed / advanced beyond ±2 SD, normal at exactly ±2', () => {
    expect(verdictOf(-2.01)).toBe('delayed');
    expect(verdictOf(-2)).toBe('within normal limits');
    expect(verdictOf(0)).toBe('within normal limits');
    expect(verdictOf(2)).toBe('within normal limits');
    expect(verdictOf(2.01)).toBe('advanced');
    // Judged as shown (two decimals): 2.002 reads "+2.00", so it is not "more than 2 SD".
    expect(verdictOf(2.002)).toBe('within normal limits');
    expect(verdictOf(-2.004)).toBe('within normal limits');
    expect(verdictOf(2.006)).toBe('advanced');
    expect(verdictOf(null)).toBe('indeterminate');
    expect(verdictOf(NaN)).toBe('indeterminate');
  });
});

describe('compareAges with an age known only to the year (PatientAge in years)', () => {
  const years = (y: number) => ({ months: 12 * y, source: `PatientAge ${y}Y`, approximate: true, upToMonths: 12 * y + 11 });
  it('gives no verdict when the two ends of the year give different ones, and says why', () => {
    // A boy of "2 years" (24-35 months) with a bone age of 36 months: +3.06 SD at 24 months, within limits at 35.
    const c = compareAges(36, years(2), 'M');
    expect(c.sds).toBeGreaterThan(2);
    expect(c.verdict).toBe('indeterminate');
    expect(c.reason).toMatch(/known only to 24-35 months.*\+3\.06 at 24 months.*at 35 months/);
    expect(compareAges(36, { months: 24, source: 'dates', approximate: false }, 'M').verdict).toBe('advanced');
  });
  it('keeps the verdict when both ends agree', () => {
    expect(compareAges(160, years(10), 'M')).toMatchObject({ verdict: 'advanced', reason: null });
    expect(compareAges(125, years(10), 'M')).toMatchObject({ verdict: 'within normal limits', reason: null });
  });
});

describe('compareAges', () => {
  const chrono = (months: number) => ({ months, source: 'test', approximate: false });
  it('puts it all together for a boy of 10 years', () => {
    const c = compareAges(140, chrono(120), 'M');
    expect(c.differenceMonths).toBe(20);
    expect(c.sdMonths).toBe(9.79);
    expect(c.sds).toBeCloseTo(20 / 9.79, 12);
    expect(c.verdict).toBe('advanced');
    expect(c.reason).toBeNull();
  });
  it('a girl of 10 years with the same numbers is within normal limits (her SD is larger)', () => {
    const c = compareAges(140, chrono(120), 'F');
    expect(c.sds).toBeCloseTo(20 / 11.73, 12);
    expect(c.verdict).toBe('within normal limits');
  });
  it('delayed', () => {
    expect(compareAges(90, chrono(120), 'M').verdict).toBe('delayed');
  });
  it('keeps the difference but no SDS when the sex is unknown or the age is out of range', () => {
    const noSex = compareAges(130, chrono(120), null);
    expect(noSex).toMatchObject({ differenceMonths: 10, sdMonths: null, sds: null, verdict: 'indeterminate', reason: expect.stringMatching(/sex/) });
    const tooOld = compareAges(215, chrono(210), 'M');
    expect(tooOld).toMatchObject({ differenceMonths: 5, sds: null, verdict: 'indeterminate', reason: expect.stringMatching(/outside/) });
  });
  it('has nothing to compare without a chronological age', () => {
    const c = compareAges(130, { months: null, reason: 'The file has no birth date or age.' }, 'F');
    expect(c).toMatchObject({ differenceMonths: null, sds: null, verdict: 'indeterminate', reason: expect.stringMatching(/no chronological age: The file has no birth date/) });
  });
});

describe('sdBands', () => {
  it('lies symmetric around the identity line at every tabulated age', () => {
    const bands = sdBands('F');
    expect(bands).toHaveLength(23);
    const at120 = bands.find((b) => b.ageMonths === 120)!;
    expect(at120.plus1).toBeCloseTo(131.73, 10);
    expect(at120.minus2).toBeCloseTo(120 - 23.46, 10);
    expect(at120.plus2).toBeCloseTo(120 + 23.46, 10);
    expect(bands[0].minus2).toBe(1.56); // 3 − 2 × 0.72
    for (const b of bands) expect(b.minus2 <= b.minus1 && b.minus1 <= b.ageMonths && b.ageMonths <= b.plus1 && b.plus1 <= b.plus2).toBe(true);
  });
});
