/**
 * Applies the shipping rule (training/reports/shipping-rule.ts) to a candidate model against the shipped one,
 * from four `evaluate --predictions` files: both read on the validation split and on the full-resolution check.
 *   npm run --silent shipping-check -- --shipped-validation a.jsonl --candidate-validation b.jsonl \
 *     --shipped-fullres c.jsonl --candidate-fullres d.jsonl
 * Prints each condition to stderr and one JSON object (the verdict and both comparisons) as the last stdout line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from './cli-args';
import { comparePredictions, parsePredictionLines } from './reports/compare-predictions';
import { shippingVerdict } from './reports/shipping-rule';

const names = ['shipped-validation', 'candidate-validation', 'shipped-fullres', 'candidate-fullres'] as const;
const args = parseArgs(process.argv.slice(2), Object.fromEntries(names.map((n) => [n, 'string' as const])));
for (const n of names) if (!args[n]) throw new Error(`--${n} is required. Usage: shipping-check ${names.map((x) => `--${x} <file>`).join(' ')}`);
const read = (n: (typeof names)[number]) => parsePredictionLines(readFileSync(String(args[n]), 'utf8'));
const validation = comparePredictions([read('shipped-validation'), read('candidate-validation')]);
const fullres = comparePredictions([read('shipped-fullres'), read('candidate-fullres')]);
const verdict = shippingVerdict(validation.vsFirst[0], fullres.vsFirst[0]);
console.error(`validation: shipped ${validation.mae[0].toFixed(3)}, candidate ${validation.mae[1].toFixed(3)} (n ${validation.n}); full resolution: shipped ${fullres.mae[0].toFixed(3)}, candidate ${fullres.mae[1].toFixed(3)} (n ${fullres.n})`);
for (const r of verdict.reasons) console.error(`  ${r}`);
console.error(verdict.ship ? 'The candidate may ship.' : 'The candidate does not ship.');
console.log(JSON.stringify({ ...verdict, validation: { mae: validation.mae, ...validation.vsFirst[0] }, fullres: { mae: fullres.mae, ...fullres.vsFirst[0] } }));
