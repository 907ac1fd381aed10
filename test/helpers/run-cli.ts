import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Runs one of the project's TypeScript commands (e.g. training/train.ts) to the end: its stdout; throws if it fails. */
export const runCli = (script: string, args: string[]): string =>
  execFileSync(tsx, [script, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** A command that must be refused: its stderr (throws if it succeeds). */
export function refusalOf(script: string, args: string[]): string {
  try {
    runCli(script, args);
  } catch (e) {
    return String((e as { stderr?: string }).stderr);
  }
  throw new Error(`${script} ${args.join(' ')} succeeded; it should have been refused`);
}
