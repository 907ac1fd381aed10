import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Browser tests load a model and run inference on software GPU/CPU backends: be patient.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two cores: one test file at a time (each browser test file starts its own Chromium).
    fileParallelism: false,
  },
});
