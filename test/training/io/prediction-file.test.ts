import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREDICTIONS_FILE, readPredictionFile, writePredictionFile } from '../../../training/io/prediction-file';
import { parsePredictionLines } from '../../../training/reports/compare-predictions';

describe('validation prediction files', () => {
  it('round-trip the rows with the sex, estimates rounded to 0.01 month, readable by compare', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preds-'));
    expect(readPredictionFile(dir)).toBeNull();
    writePredictionFile(dir, [{ id: '1377', boneage: 180, predicted: 171.23456, male: false }, { id: '1378', boneage: 12, predicted: 20.005, male: true }]);
    expect(readPredictionFile(dir)).toEqual([{ id: '1377', boneage: 180, predicted: 171.23, male: false }, { id: '1378', boneage: 12, predicted: 20.01, male: true }]);
    expect(parsePredictionLines(readFileSync(join(dir, PREDICTIONS_FILE), 'utf8'))).toHaveLength(2);
    expect(existsSync(join(dir, `${PREDICTIONS_FILE}.tmp`))).toBe(false);
  });
  it('replaces the previous file whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preds-'));
    writePredictionFile(dir, [{ id: 'a', boneage: 1, predicted: 2, male: true }, { id: 'b', boneage: 1, predicted: 2, male: true }]);
    writePredictionFile(dir, [{ id: 'c', boneage: 3, predicted: 4, male: false }]);
    expect(readPredictionFile(dir)!.map((r) => r.id)).toEqual(['c']);
  });
});
