import { describe, expect, it } from 'vitest';
import { copyText, type CopyEnv } from '../../../src/report/copy-text';

function fakeDocument(execResult: boolean | 'throw') {
  const log: string[] = [];
  const doc = {
    body: { appendChild: (el: unknown) => (log.push('append'), el) },
    createElement: () => ({
      value: '',
      style: {} as Record<string, string>,
      setAttribute: () => undefined,
      select() {
        log.push(`select:${this.value}`);
      },
      remove: () => log.push('remove'),
    }),
    execCommand: (cmd: string) => {
      log.push(`exec:${cmd}`);
      if (execResult === 'throw') throw new Error('no');
      return execResult;
    },
  };
  return { doc: doc as unknown as CopyEnv['document'], log };
}

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    let written = '';
    const { doc, log } = fakeDocument(true);
    const outcome = await copyText('report', { clipboard: { writeText: async (t) => void (written = t) }, document: doc });
    expect(outcome).toBe('clipboard');
    expect(written).toBe('report');
    expect(log).toEqual([]);
  });
  it('falls back to execCommand when the Clipboard API is refused or missing', async () => {
    const a = fakeDocument(true);
    expect(await copyText('report', { clipboard: { writeText: () => Promise.reject(new Error('denied')) }, document: a.doc })).toBe('fallback');
    expect(a.log).toEqual(['append', 'select:report', 'exec:copy', 'remove']);
    const b = fakeDocument(true);
    expect(await copyText('x', { clipboard: undefined, document: b.doc })).toBe('fallback');
  });
  it('tells the reader what to do when nothing works, and cleans up', async () => {
    const a = fakeDocument(false);
    await expect(copyText('r', { clipboard: undefined, document: a.doc })).rejects.toThrow(/Ctrl\+C/);
    expect(a.log.at(-1)).toBe('remove');
    const b = fakeDocument('throw');
    await expect(copyText('r', { clipboard: undefined, document: b.doc })).rejects.toThrow(/select the report text/);
  });
});
