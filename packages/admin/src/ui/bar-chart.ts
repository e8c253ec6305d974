import { html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { chartStyles, chartTable, niceMax, type ChartColumn } from './chart-table.js';
import { ConsoleElement } from './console-element.js';

/** One series of bars: a value per category, null where there is none (no bar, "—" in the table). */
export interface BarSeries {
  name: string;
  values: (number | null)[];
}

const W = 640;
const H = 260;
const PAD = { top: 16, right: 12, bottom: 44, left: 44 };

let ids = 0;

/**
 * A bar chart in SVG (one or two series side by side per category) with an optional target line,
 * and its numbers as a table beside it. The drawing is hidden from screen readers: the table says it all.
 */
@customElement('pa-bar-chart')
export class PaBarChart extends ConsoleElement {
  static override styles = [...ConsoleElement.styles, chartStyles];

  /** The table's caption: what the chart shows. */
  @property() heading = '';
  /** The heading of the categories' column ("Tháng"). */
  @property({ attribute: 'category-header' }) categoryHeader = '';
  @property({ attribute: false }) categories: string[] = [];
  @property({ attribute: false }) series: BarSeries[] = [];
  /** Further columns for the table only (the counts behind a percentage). */
  @property({ attribute: false }) extra: ChartColumn[] = [];
  /** The top of the scale; by default a round number above the largest value. */
  @property({ type: Number }) max: number | null = null;
  /** A horizontal line, such as the province's target. */
  @property({ type: Number }) target: number | null = null;
  @property({ attribute: 'target-label' }) targetLabel = '';
  @property({ attribute: false }) format: (value: number) => string = String;

  private readonly chartId = `bar-chart-${++ids}`;

  override render() {
    const values = this.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
    const max = this.max ?? niceMax(Math.max(0, ...values, this.target ?? 0));
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const n = Math.max(1, this.categories.length);
    const slot = plotW / n;
    const barW = Math.max(2, (slot * 0.7) / Math.max(1, this.series.length));
    const y = (v: number) => PAD.top + plotH - (Math.min(v, max) / max) * plotH;
    // Labels never overlap: every second or third one when they are too wide for their slot.
    const every = Math.max(1, Math.ceil((Math.max(0, ...this.categories.map((c) => c.length)) * 7 + 8) / slot));
    const columns: ChartColumn[] = [
      ...this.series.map((s) => ({ name: s.name, cells: s.values.map((v) => (v === null ? '—' : this.format(v))) })),
      ...this.extra,
    ];
    return html`<figure class="chart">
      <div>
        <svg viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false">
          ${[0, 0.5, 1].map(
            (f) => svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(max * f)} y2=${y(max * f)}></line>
              <text x=${PAD.left - 6} y=${y(max * f) + 4} text-anchor="end">${this.format(max * f)}</text>`,
          )}
          ${this.series.map((s, si) =>
            s.values.map((v, i) =>
              v === null
                ? nothing
                : svg`<rect class="s${si % 2}" x=${PAD.left + i * slot + slot * 0.15 + si * barW} y=${y(v)} width=${barW} height=${Math.max(0, PAD.top + plotH - y(v))}></rect>`,
            ),
          )}
          ${this.categories.map((label, i) =>
            i % every === 0 ? svg`<text x=${PAD.left + i * slot + slot / 2} y=${H - PAD.bottom + 16} text-anchor="middle">${label}</text>` : nothing,
          )}
          <line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${PAD.top + plotH} y2=${PAD.top + plotH}></line>
          ${
            this.target === null
              ? nothing
              : svg`<line class="target" x1=${PAD.left} x2=${W - PAD.right} y1=${y(this.target)} y2=${y(this.target)}></line>
              <text class="target-label" x=${W - PAD.right} y=${y(this.target) - 6} text-anchor="end">${this.targetLabel}</text>`
          }
        </svg>
        ${
          this.series.length > 1 || this.target !== null
            ? html`<ul class="legend" aria-hidden="true">
              ${this.series.map((s, si) => html`<li><span class="swatch s${si % 2}"></span>${s.name}</li>`)}
              ${this.target !== null ? html`<li><span class="target-label">- - -</span> ${this.targetLabel}</li>` : nothing}
            </ul>`
            : nothing
        }
      </div>
      ${chartTable(this.chartId, this.heading, this.categoryHeader, this.categories, columns)}
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-bar-chart': PaBarChart;
  }
}
