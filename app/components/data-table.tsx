interface DataTableProps {
  /** The column headers, in order. */
  columns: string[];
  /** The rows (`<tr>`s). */
  children: React.ReactNode;
  caption?: string;
  /**
   * The id of the heading that names the table. The wrapper then becomes a named, focusable region: it scrolls
   * sideways on phones, and keyboard users can scroll it too.
   */
  labelledBy?: string;
  className?: string;
}

/** A table of records in a wrapper that scrolls sideways when the screen is narrower than the table. */
export function DataTable({ columns, children, caption, labelledBy, className }: DataTableProps) {
  const region = labelledBy ? ({ tabIndex: 0, role: "region", "aria-labelledby": labelledBy } as const) : {};
  return (
    <div className="table-wrap" {...region}>
      <table className={className}>
        {caption ? <caption className="table-caption">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
