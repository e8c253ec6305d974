import { css, html } from 'lit';

/** One column of a chart's table: its heading and a cell per category. */
export interface ChartColumn {
  name: string;
  cells: string[];
}

/**
 * The numbers of a chart as a table, beside the drawing: screen readers read it, and staff who
 * want the exact figures see them. Long tables scroll inside a focusable box.
 */
export const chartTable = (id: string, caption: string, categoryHeader: string, categories: string[], columns: ChartColumn[]) =>
  html`<div class="chart-table" tabindex="0" role="region" aria-labelledby="${id}-caption">
    <table class="list">
      <caption id="${id}-caption">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${categoryHeader}</th>
          ${columns.map((c) => html`<th scope="col">${c.name}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${categories.map(
          (label, i) => html`<tr>
            <th scope="row">${label}</th>
            ${columns.map((c) => html`<td>${c.cells[i] ?? ''}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;

export const chartStyles = css`
  .chart {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(14em, 2fr);
    gap: 16px;
    align-items: start;
  }
  @media (max-width: 800px) {
    .chart {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  svg {
    width: 100%;
    height: auto;
    display: block;
  }
  .chart-table {
    max-height: 22em;
    overflow: auto;
  }
  .chart-table caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 4px;
  }
  .chart-table th[scope='row'] {
    font-weight: normal;
    white-space: nowrap;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    margin: 4px 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    margin-right: 4px;
    vertical-align: middle;
  }
  .s0 {
    fill: #0b4f9c;
    background: #0b4f9c;
  }
  .s1 {
    fill: #b35c00;
    background: #b35c00;
  }
  .target {
    stroke: #a4161a;
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  .line {
    fill: none;
    stroke: #0b4f9c;
    stroke-width: 2;
  }
  .axis {
    stroke: #4a5561;
    stroke-width: 1;
  }
  .grid {
    stroke: #c9d1d9;
    stroke-width: 1;
  }
  text {
    fill: #1b1f24;
    font-size: 12px;
  }
  .target-label {
    fill: #a4161a;
    color: #a4161a;
    font-weight: 600;
  }
`;

/** A round maximum for an axis: 1, 2, 5 × 10ⁿ at or above `value`. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}
