import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQcCard } from '../../src/inference/load-qc-model';

const shipped = JSON.parse(readFileSync('public/models/qc-hand/model-card.json', 'utf8'));

describe('QC model card parsing', () => {
  it('accepts the shipped card', () => {
    const card = parseQcCard(shipped);
    expect(card.okThreshold).toBeGreaterThan(0);
    expect(card.input.width).toBe(50);
  });

  it('refuses a card whose classes differ from the code\'s, or without a threshold', () => {
    expect(() => parseQcCard({ ...shipped, classes: ['ok', 'not-hand'] })).toThrow(/classes/);
    expect(() => parseQcCard({ ...shipped, okThreshold: undefined })).toThrow(/okThreshold/);
    expect(() => parseQcCard(null)).toThrow();
  });
});
