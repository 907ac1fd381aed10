import { describe, expect, it } from 'vitest';
import { installBoneAgeHook, recordCase, recordReady, recordStartup, timeCase, type BoneAgeHook } from '../../../src/perf/page-timings';

describe('page timings', () => {
  const target: { __boneage?: BoneAgeHook } = {};
  installBoneAgeHook(target);
  const hook = target.__boneage!;

  it('keeps start-up stages as durations and ready as time since navigation start', () => {
    recordStartup('load', 100, 350);
    recordReady(1234);
    expect(hook.startup()).toMatchObject({ load_ms: 250, ready_ms: 1234 });
    expect(hook.startup().script_ms).toBeGreaterThanOrEqual(0);
    // A copy: changing it changes nothing in the page.
    hook.startup().load_ms = 1;
    expect(hook.startup().load_ms).toBe(250);
  });

  it('records case stages, and forgets all but the last 8 cases', () => {
    for (let seq = 1; seq <= 10; seq++) recordCase(seq, 'decode', 0, seq);
    expect(timeCase(10, 'preprocess', () => 'done')).toBe('done');
    expect(hook.caseTimings(10)).toMatchObject({ decode_ms: 10 });
    expect(hook.caseTimings(10)!.preprocess_ms).toBeGreaterThanOrEqual(0);
    expect(hook.caseTimings(3)).toMatchObject({ decode_ms: 3 });
    expect(hook.caseTimings(2)).toBeNull();
    expect(hook.caseTimings(1)).toBeNull();
    // Their performance entries go too (the timeline never empties itself).
    expect(performance.getEntriesByName('boneage:decode#1')).toEqual([]);
    expect(performance.getEntriesByName('boneage:decode#10').length).toBe(1);
  });

  it('times a stage that throws, and rethrows', () => {
    expect(() => timeCase(11, 'decode', () => { throw new Error('bad file'); })).toThrow('bad file');
    expect(hook.caseTimings(11)!.decode_ms).toBeGreaterThanOrEqual(0);
  });

  it('is installed once, frozen and not writable', () => {
    installBoneAgeHook(target);
    expect(target.__boneage).toBe(hook);
    expect(Object.isFrozen(hook)).toBe(true);
    expect(() => {
      (target as { __boneage: unknown }).__boneage = {};
    }).toThrow();
    expect(hook.version).toBe(1);
  });
});
