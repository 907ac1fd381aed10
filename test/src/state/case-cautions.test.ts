import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../core/model/types';
import { caseCautions } from '../../../src/state/case-cautions';
import type { QcState } from '../../../src/state/qc-store';

const card = { training: { labelRangeMonths: [4, 228] } } as unknown as ModelCard;
const result = (months: number) => ({ estimate: { boneAgeMonths: months, map: { rows: 1, cols: 1, months: new Float32Array([months]) } } }) as never;
const qc = (byCase: QcState['byCase'], phase: QcState['phase'] = 'ready'): QcState => ({ phase, model: null, loadError: null, byCase });
const flagged = { report: { ok: false, flags: [{ code: 'mirrored', message: 'This looks like a right hand or a mirrored image.', score: 0.9 }], probabilities: null }, error: null, overridden: false } as never;
const passed = { report: { ok: true, flags: [], probabilities: null }, error: null, overridden: false } as never;

describe('caseCautions', () => {
  it('is empty for a checked, in-range estimate and for a case without one', () => {
    expect(caseCautions({ seq: 1, result: result(120) }, qc({ 1: passed }), card)).toEqual([]);
    expect(caseCautions({ seq: 1, result: null }, qc({ 1: flagged }), card)).toEqual([]);
  });
  it('names the quality-control flags of this case only', () => {
    const [line] = caseCautions({ seq: 2, result: result(120) }, qc({ 2: flagged, 3: passed }), card);
    expect(line).toMatch(/quality check flagged this image \(This looks like a right hand/);
    expect(caseCautions({ seq: 3, result: result(120) }, qc({ 2: flagged, 3: passed }), card)).toEqual([]);
  });
  it('says when the image was not checked, and when the estimate is outside the training range', () => {
    const lines = caseCautions({ seq: 4, result: result(-15.7) }, qc({}, 'failed'), card);
    expect(lines).toEqual(['The image was not quality-checked.', expect.stringMatching(/youngest bone age .* \(4 months\)/)]);
  });
});
