import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles, chartTable, niceMax } from './chart-table.js';
import { ConsoleElement } from './console-element.js';

const W = 640;
const H = 240;
const PAD = { top: 16, right: 12, bottom: 44, left: 44 };

let ids = 0;

/**
 * A line chart in SVG of one series over time (page views per day or week), with its numbers as a
 * table beside it. The drawing is hidden from screen readers: the table says it all.
 */
@customElement('pa-line-chart')
export class PaLineChart extends ConsoleElement {
  static override styles = [...ConsoleElement.styles, chartStyles];

  @property() heading = '';
  @property({ attribute: 'category-header' }) categoryHeader = '';
  @property({ attribute: 'value-header' }) valueHeader = '';
  @property({ attribute: false }) categories: string[] = [];
  @property({ attribute: false }) values: number[] = [];
  @property({ attribute: false }) format: (value: number) => string = String;

  private readonly chartId = `line-chart-${++ids}`;

  override render() {
    const max = niceMax(Math.max(0, ...this.values));
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const n = this.values.length;
    const x = (i: number) => PAD.left + (n > 1 ? (i / (n - 1)) * plotW : plotW / 2);
    const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
    const points = this.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    const every = Math.max(1, Math.ceil(((Math.max(0, ...this.categories.map((c) => c.length)) * 7 + 12) * n) / plotW));
    return html`<figure class="chart">
      <svg viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">
        ${[0, 0.5, 1].map(
          (f) => svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(max * f)} y2=${y(max * f)}></line>
            <text x=${PAD.left - 6} y=${y(max * f) + 4} text-anchor="end">${this.format(max * f)}</text>`,
        )}
        <line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${PAD.top + plotH} y2=${PAD.top + plotH}></line>
        ${n ? svg`<polyline class="line" points=${points}></polyline>` : nothing}
        ${this.categories.map((label, i) => (i % every === 0 ? svg`<text x=${x(i)} y=${H - PAD.bottom + 16} text-anchor="middle">${label}</text>` : nothing))}
      </svg>
      ${chartTable(this.chartId, this.heading, this.categoryHeader, this.categories, [{ name: this.valueHeader, cells: this.values.map(this.format) }])}
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-line-chart': PaLineChart;
  }
}
