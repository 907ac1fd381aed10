import { sdBands, type BandPoint } from '../age/chart-bands';
import type { Sex } from '../age/types';
import './report.css';

const MAX_MONTHS = 228; // 19 years: the RSNA range and past the end of both SD tables
const W = 360;
const H = 320;
const M = { left: 40, right: 12, top: 26, bottom: 38 };
const PW = W - M.left - M.right;
const PH = H - M.top - M.bottom;

const x = (months: number) => M.left + (Math.min(Math.max(months, 0), MAX_MONTHS) / MAX_MONTHS) * PW;
const y = (months: number) => M.top + PH - (Math.min(Math.max(months, 0), MAX_MONTHS) / MAX_MONTHS) * PH;

/** A closed polygon: along the upper edge left to right, back along the lower edge. */
function band(points: BandPoint[], upper: (p: BandPoint) => number, lower: (p: BandPoint) => number): string {
  const top = points.map((p) => `${x(p.ageMonths).toFixed(1)},${y(upper(p)).toFixed(1)}`);
  const bottom = [...points].reverse().map((p) => `${x(p.ageMonths).toFixed(1)},${y(lower(p)).toFixed(1)}`);
  return [...top, ...bottom].join(' ');
}

export interface AgeChartProps {
  sex: Sex | null;
  /** Completed months; null draws the bone age as a horizontal line instead of a point. */
  chronologicalMonths: number | null;
  boneAgeMonths: number;
}

/**
 * Bone age against chronological age (years), the identity line, and the Greulich–Pyle ±1 and ±2 SD
 * bands for the child's sex, with this case marked. Plain SVG with solid strokes so it prints.
 */
export function AgeChart({ sex, chronologicalMonths, boneAgeMonths }: AgeChartProps) {
  const bands = sex ? sdBands(sex) : [];
  const ticks = Array.from({ length: 10 }, (_, i) => i * 24);
  const title = `Bone age vs chronological age${sex ? ` — ${sex === 'M' ? 'boys' : 'girls'}, Greulich–Pyle SD bands` : ' (no SD bands: sex unknown)'}`;
  return (
    <svg
      className="age-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={title}
      data-testid="age-chart"
      data-sex={sex ?? ''}
      data-bands={bands.length ? 'yes' : 'no'}
    >
      <text className="chart-title" x={W / 2} y={14} textAnchor="middle">
        {title}
      </text>
      <rect className="chart-frame" x={M.left} y={M.top} width={PW} height={PH} />
      {ticks.map((t) => (
        <g key={t}>
          <line className="chart-grid" x1={x(t)} x2={x(t)} y1={M.top} y2={M.top + PH} />
          <line className="chart-grid" x1={M.left} x2={M.left + PW} y1={y(t)} y2={y(t)} />
          <text className="chart-tick" x={x(t)} y={M.top + PH + 13} textAnchor="middle">
            {t / 12}
          </text>
          <text className="chart-tick" x={M.left - 5} y={y(t) + 3.5} textAnchor="end">
            {t / 12}
          </text>
        </g>
      ))}
      <text className="chart-axis" x={M.left + PW / 2} y={H - 6} textAnchor="middle">
        Chronological age (years)
      </text>
      <text className="chart-axis" transform={`translate(11 ${M.top + PH / 2}) rotate(-90)`} textAnchor="middle">
        Bone age (years)
      </text>
      {bands.length ? (
        <>
          <polygon className="chart-band2" points={band(bands, (p) => p.plus2, (p) => p.minus2)} data-testid="band-2sd" />
          <polygon className="chart-band1" points={band(bands, (p) => p.plus1, (p) => p.minus1)} data-testid="band-1sd" />
          <polyline className="chart-band-edge" points={bands.map((p) => `${x(p.ageMonths)},${y(p.plus2)}`).join(' ')} />
          <polyline className="chart-band-edge" points={bands.map((p) => `${x(p.ageMonths)},${y(p.minus2)}`).join(' ')} />
        </>
      ) : null}
      <line className="chart-identity" x1={x(0)} y1={y(0)} x2={x(MAX_MONTHS)} y2={y(MAX_MONTHS)} />
      {chronologicalMonths !== null ? (
        <g data-testid="chart-case-point" data-x-months={chronologicalMonths} data-y-months={boneAgeMonths.toFixed(1)}>
          <line className="chart-case-guide" x1={x(chronologicalMonths)} x2={x(chronologicalMonths)} y1={y(0)} y2={y(boneAgeMonths)} />
          <circle className="chart-case" cx={x(chronologicalMonths)} cy={y(boneAgeMonths)} r={5} />
        </g>
      ) : (
        <line className="chart-case-line" data-testid="chart-case-line" x1={x(0)} x2={x(MAX_MONTHS)} y1={y(boneAgeMonths)} y2={y(boneAgeMonths)} />
      )}
      <g className="chart-legend" transform={`translate(${M.left + 8} ${M.top + 8})`}>
        <rect className="chart-band1" width={12} height={8} />
        <text x={16} y={8}>±1 SD</text>
        <rect className="chart-band2" y={13} width={12} height={8} />
        <text x={16} y={21}>±2 SD</text>
        <circle className="chart-case" cx={6} cy={31} r={4} />
        <text x={16} y={35}>this case</text>
      </g>
    </svg>
  );
}
