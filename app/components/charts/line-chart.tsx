import { ChartFigure } from "./chart-figure";

export interface LinePoint {
  /** What the point is about, as read (a formatted date). */
  label: string;
  value: number;
}

interface LineChartProps {
  id: string;
  title: string;
  summary: string;
  labelHeader: string;
  valueHeader: string;
  points: LinePoint[];
  direction: "ltr" | "rtl";
  /** The top of the scale; by default the highest value. */
  max?: number;
  format?: (value: number) => string;
}

/** Drawn at about the size it is shown in a dashboard column, so that its text reads at the page's text size. */
const WIDTH = 400;
const HEIGHT = 200;
const PAD = { block: 16, inline: 52, bottom: 30 };

/**
 * A line over time drawn on the server, points evenly spaced in time order. Time runs in the reading direction (from
 * the right in Arabic); the scale's numbers are written left to right.
 */
export function LineChart({ id, title, summary, labelHeader, valueHeader, points, direction, max, format = String }: LineChartProps) {
  // Without a given top, the highest value rounded up to an even number: the middle line then falls on a whole one.
  const top = max ?? Math.max(2, Math.ceil(Math.max(...points.map((point) => point.value)) / 2) * 2);
  const rtl = direction === "rtl";
  const plotWidth = WIDTH - 2 * PAD.inline;
  const plotHeight = HEIGHT - PAD.block - PAD.bottom;
  const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
  const x = (index: number) => {
    const offset = points.length > 1 ? index * step : plotWidth / 2;
    return rtl ? WIDTH - PAD.inline - offset : PAD.inline + offset;
  };
  const y = (value: number) => PAD.block + plotHeight - (value / top) * plotHeight;
  const scaleX = rtl ? WIDTH - PAD.inline + 6 : PAD.inline - 6;
  const scaleAnchor = rtl ? "start" : "end";
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <ChartFigure id={id} title={title} columns={[labelHeader, valueHeader]} rows={points.map((point) => ({ label: point.label, values: [format(point.value)] }))}>
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        {[0, top / 2, top].map((value) => (
          <g key={value}>
            <line className="chart__grid" x1={PAD.inline} x2={WIDTH - PAD.inline} y1={y(value)} y2={y(value)} />
            <text className="chart__value" x={scaleX} y={y(value) + 4} textAnchor={scaleAnchor} direction="ltr">
              {format(value)}
            </text>
          </g>
        ))}
        <polyline className="chart__line" points={points.map((point, index) => `${x(index)},${y(point.value)}`).join(" ")} />
        {points.map((point, index) => (
          <circle key={`${point.label}-${index}`} className="chart__point" cx={x(index)} cy={y(point.value)} r={4} />
        ))}
        {first ? (
          <text className="chart__label" x={x(0)} y={HEIGHT - 8} textAnchor="middle" direction={direction}>
            {first.label}
          </text>
        ) : null}
        {last && points.length > 1 ? (
          <text className="chart__label" x={x(points.length - 1)} y={HEIGHT - 8} textAnchor="middle" direction={direction}>
            {last.label}
          </text>
        ) : null}
      </svg>
    </ChartFigure>
  );
}
