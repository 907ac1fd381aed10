import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs `tsx training/train.ts …` as a child process (one model at a time, its progress on our stderr)
 * and resolves with train.ts's last stdout line, the JSON summary. Shared by kfold and the architecture study.
 */
export function runTrain(args: string[]): Promise<string> {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['training/train.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`train.ts ${args.join(' ')} exited with ${code}.`));
      else resolve(last);
    });
  });
}
