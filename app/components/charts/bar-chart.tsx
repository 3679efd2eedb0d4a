import { ChartFigure } from "./chart-figure";

export interface BarCategory {
  label: string;
  /** One value per series. */
  values: number[];
}

interface BarChartProps {
  id: string;
  title: string;
  summary: string;
  categoryHeader: string;
  series: Array<{ name: string }>;
  categories: BarCategory[];
  direction: "ltr" | "rtl";
  format?: (value: number) => string;
}

/** Drawn at about the size it is shown in a dashboard column, so that its text reads at the page's text size. */
const WIDTH = 400;
const PAD = 4;
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const ROW_GAP = 12;
/** Room kept at the end of the longest bar for its value. */
const VALUE_ROOM = 44;
/** About what fits on a line of the drawing; longer labels are cut there (the data table has them whole). */
const LABEL_MAX = 52;

const fitted = (label: string) => (label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1).trimEnd()}…` : label);

/**
 * Horizontal bars drawn on the server, one group per category and one bar per series. Bars grow from the inline start
 * (the right edge in Arabic); labels follow the page's direction, numbers are always written left to right.
 */
export function BarChart({ id, title, summary, categoryHeader, series, categories, direction, format = String }: BarChartProps) {
  const max = Math.max(1, ...categories.flatMap((category) => category.values));
  const rowHeight = LABEL_HEIGHT + series.length * (BAR_HEIGHT + BAR_GAP) + ROW_GAP;
  const height = Math.max(rowHeight * categories.length, 1);
  const span = WIDTH - 2 * PAD - VALUE_ROOM;
  const rtl = direction === "rtl";
  const start = rtl ? WIDTH - PAD : PAD;
  return (
    <ChartFigure
      id={id}
      title={title}
      columns={[categoryHeader, ...series.map((entry) => entry.name)]}
      rows={categories.map((category) => ({ label: category.label, values: category.values.map(format) }))}
      legend={series.map((entry, index) => ({ name: entry.name, className: `chart__series-${index}` }))}
    >
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} direction={direction}>
        {categories.map((category, row) => {
          const top = row * rowHeight;
          return (
            <g key={`${category.label}-${row}`}>
              <text className="chart__label" x={start} y={top + 14} textAnchor="start" direction={direction}>
                {fitted(category.label)}
              </text>
              {category.values.map((value, index) => {
                const length = (value / max) * span;
                const y = top + LABEL_HEIGHT + index * (BAR_HEIGHT + BAR_GAP);
                const end = rtl ? start - length : start + length;
                return (
                  <g key={index}>
                    <rect className={`chart__series-${index}`} x={rtl ? end : start} y={y} width={Math.max(length, 0.5)} height={BAR_HEIGHT} rx={3} />
                    <text className="chart__value" x={rtl ? end - 6 : end + 6} y={y + BAR_HEIGHT - 4} textAnchor={rtl ? "end" : "start"} direction="ltr">
                      {format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </ChartFigure>
  );
}
