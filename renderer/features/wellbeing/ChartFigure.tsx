import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type FigureTable = { columns: string[]; rows: { key: string; header: string; cells: string[] }[] };

/** A chart with its title, and the same figures as a table: for screen readers, and for anyone who prefers numbers. */
export function ChartFigure({ id, title, table, children }: { id: string; title: string; table: FigureTable; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <figure className="ledger-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <div className="ledger-chart-area">{children}</div>
      <details>
        <summary>{t('wellbeing.charts.showTable')}</summary>
        <table className="ledger-table">
          <thead>
            <tr>{table.columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.header}</th>
                {row.cells.map((cell, index) => <td key={index}>{cell}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
