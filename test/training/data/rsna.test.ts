import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLabels } from '../../../training/data/rsna';

const write = (text: string) => {
  const p = join(mkdtempSync(join(tmpdir(), 'csv-')), 'labels.csv');
  writeFileSync(p, text);
  return p;
};

describe('readLabels', () => {
  it('reads the RSNA columns in any order, True/False sex, CRLF', () => {
    const rows = readLabels(write('male,id,boneage\r\nTrue,1377,180\r\nFalse,1378,12\r\n'));
    expect(rows).toEqual([
      { id: '1377', boneAgeMonths: 180, male: true },
      { id: '1378', boneAgeMonths: 12, male: false },
    ]);
  });
  it('names the missing column or the bad row', () => {
    expect(() => readLabels(write('id,age,male\n1,2,True\n'))).toThrow(/no "boneage" column/);
    expect(() => readLabels(write('id,boneage,male\n1,abc,True\n'))).toThrow(/:2: bad row/);
  });
});
