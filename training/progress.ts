/** A one-line console progress bar with ETA, redrawn in place on a TTY, printed every 10% otherwise. */
export class ProgressBar {
  private readonly start = Date.now();
  private lastPct = -1;
  constructor(private readonly label: string, private readonly total: number, private readonly out = process.stderr) {}

  update(done: number, extra: string): void {
    const frac = Math.min(1, done / this.total);
    const elapsed = (Date.now() - this.start) / 1000;
    const eta = done > 0 ? (elapsed / done) * (this.total - done) : 0;
    const width = 28;
    const bar = '█'.repeat(Math.round(frac * width)).padEnd(width, '·');
    const line = `${this.label} ${bar} ${String(Math.round(frac * 100)).padStart(3)}% ${done}/${this.total} ${fmt(elapsed)} ETA ${fmt(eta)} ${extra}`;
    if (this.out.isTTY) this.out.write(`\r${line}\x1b[K`);
    else {
      const pct = Math.floor(frac * 10);
      if (pct !== this.lastPct || done === this.total) this.out.write(line + '\n');
      this.lastPct = pct;
    }
  }

  done(extra: string): void {
    this.update(this.total, extra);
    if (this.out.isTTY) this.out.write('\n');
  }
}

function fmt(s: number): string {
  const m = Math.floor(s / 60);
  return `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}
