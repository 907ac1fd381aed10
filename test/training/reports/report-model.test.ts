import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_MODEL, loadReportModel } from '../../../training/reports/report-model';

describe('loadReportModel', () => {
  it('loads the shipped model by default, on wasm, and it reads a plane', async () => {
    const { modelDir, card, model } = await loadReportModel({});
    expect(modelDir).toBe(DEFAULT_REPORT_MODEL);
    expect(card.name).toBe('bonet-rsna100');
    const { width, height } = card.input;
    // A generated ramp, z-scored by hand: any finite estimate proves the network and card agree on shapes.
    const n = width * height;
    const data = new Float32Array(n).map((_, i) => ((i % width) / width - 0.5) * 3.4);
    const [e] = await model.estimatePlanes([{ width, height, data }], ['female']);
    expect(Number.isFinite(e.boneAgeMonths)).toBe(true);
  }, 60_000);

  it('names the folder it cannot read', async () => {
    await expect(loadReportModel({ model: 'no/such/model-folder' })).rejects.toThrow(/no\/such\/model-folder/);
  });
});
