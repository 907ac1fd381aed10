/**
 * Compares several readings of the same cases, each the output of `evaluate --predictions` saved to a file:
 * each file's MAE on the cases they share, each against the first (mean per-case difference of the absolute
 * errors with its 95 % interval, cases better / worse), and the MAE of the mean of their predictions (what an
 * ensemble of those readings would score; `npm run combine` builds one).
 *   npm run --silent compare -- runs/preds/v4-axis1.jsonl runs/preds/other-axis1.jsonl [...]
 * The last stdout line is one JSON object.
 */
import { readFileSync } from 'node:fs';
import { comparePredictions, parsePredictionLines } from './reports/compare-predictions';
import { signedFigure } from './reports/paired';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length < 2) throw new Error('Usage: compare <predictions file> <predictions file> [...] (each from evaluate --predictions)');
const c = comparePredictions(files.map((f) => parsePredictionLines(readFileSync(f, 'utf8'))));
const line = (p: { meanDiff: number; ci95: [number, number]; better: number; worse: number }) =>
  `${signedFigure(p.meanDiff)} months [${signedFigure(p.ci95[0])}, ${signedFigure(p.ci95[1])}], ${p.better} better / ${p.worse} worse`;
console.error(`${c.n} cases in every file`);
files.forEach((f, i) => console.error(`  ${f}: MAE ${c.mae[i].toFixed(3)}${i ? `; against the first ${line(c.vsFirst[i - 1])}` : ''}`));
console.error(`  mean of the ${files.length} readings: MAE ${c.meanOfPredictionsMae.toFixed(3)}; against the first ${line(c.meanVsFirst)}`);
console.log(JSON.stringify({ files, ...c }));
