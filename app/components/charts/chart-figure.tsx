import { useTranslation } from "react-i18next";

export interface ChartRow {
  label: string;
  /** One value per column, already formatted for reading. */
  values: string[];
}

interface ChartFigureProps {
  id: string;
  title: string;
  /** The column headers of the data table: the category, then one per value. */
  columns: string[];
  rows: ChartRow[];
  /** Series names with the class that colours them, shown as a legend when there are several. */
  legend?: Array<{ name: string; className: string }>;
  /** The picture: an `<svg role="img">` whose accessible name summarises the data. */
  children: React.ReactNode;
}

/**
 * A chart with its title, legend and the table of its data (folded away under the picture): the picture is for the
 * eye, the table for everyone else and for exact figures.
 */
export function ChartFigure({ id, title, columns, rows, legend, children }: ChartFigureProps) {
  const { t } = useTranslation("committee");
  return (
    <figure className="chart card" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted">{t("dashboard.empty")}</p>
      ) : (
        <>
          {legend && legend.length > 1 ? (
            <ul className="chart__legend">
              {legend.map((entry) => (
                <li key={entry.name}>
                  <svg className="chart__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                    <rect className={entry.className} width="10" height="10" rx="2" />
                  </svg>
                  {entry.name}
                </li>
              ))}
            </ul>
          ) : null}
          {children}
          <details className="chart__data">
            <summary>{t("dashboard.data")}</summary>
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    {columns.map((column) => (
                      <th key={column} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={`${row.label}-${index}`}>
                      <th scope="row" dir="auto">
                        {row.label}
                      </th>
                      {row.values.map((value, column) => (
                        <td key={column} className="chart__number">
                          {value}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
