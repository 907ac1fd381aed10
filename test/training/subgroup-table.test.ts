import { describe, expect, it } from 'vitest';
import { regressionFigures, subgroupFigures } from '../../training/metrics';
import { subgroupTable } from '../../training/subgroup-table';

describe('subgroupTable', () => {
  const cases = [
    { male: true, boneAgeMonths: 60, predicted: 70 },
    { male: true, boneAgeMonths: 150, predicted: 130 },
    { male: false, boneAgeMonths: 100, predicted: 98 },
    { male: true, boneAgeMonths: 30, predicted: 36 },
  ];
  const overall = regressionFigures(cases.map((c) => c.predicted), cases.map((c) => c.boneAgeMonths));
  const lines = subgroupTable(overall, subgroupFigures(cases)).split('\n');

  it('has a header, an alignment row and the seven rows in Table 6 order', () => {
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe('| group | n | MAE (months) | RMSE (months) | bias (months) | within 12 months |');
    expect(lines.slice(2).map((l) => l.split('|')[1].trim())).toEqual(['M 0–9 y', 'M 10–18 y', 'F 0–9 y', 'F 10–18 y', 'all 0–9 y', 'all 10–18 y', 'all']);
  });
  it('prints each group\'s measured figures, with signed bias and a percentage', () => {
    // M 0–9: errors +10 and +6 → MAE 8, RMSE √68 = 8.2, bias +8, both within 12 months.
    expect(lines[2]).toBe('| M 0–9 y | 2 | 8.0 | 8.2 | +8.0 | 100.0 % |');
    expect(lines[3]).toBe('| M 10–18 y | 1 | 20.0 | 20.0 | −20.0 | 0.0 % |');
    expect(lines[6]).toBe('| all 0–9 y | 3 | 6.0 | 6.8 | +4.7 | 100.0 % |');
    expect(lines[8]).toBe('| all | 4 | 9.5 | 11.6 | −1.5 | 75.0 % |');
  });
  it('shows an empty subgroup as n = 0 with dashes', () => {
    expect(lines[5]).toBe('| F 10–18 y | 0 | – | – | – | – |');
  });
});
