import type { ImportField, ImportReport } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiError, upload } from '../../api.js';
import { formatNumber } from '../../format.js';
import { messages, t } from '../../i18n.js';
import { href } from '../../router.js';
import { announce } from '../../ui/announce.js';
import '../../ui/bar-chart.js';
import { ScreenElement } from '../../ui/console-element.js';
import './import-mapping.js';
import { choiceProblems, mappingOf, type ColumnChoice } from './import-mapping.js';
import './import-rows.js';
import type { PaImportRows } from './import-rows.js';
import { fileProblemText } from './import-words.js';

const m = messages({
  vi: {
    title: 'Nhập văn bản từ tệp Excel',
    intro: 'Mỗi dòng của bảng tính là một văn bản; dòng đầu tiên là tên các cột. Văn bản đã có số ký hiệu trong hệ thống sẽ được cập nhật.',
    step1: '1. Chọn tệp',
    file: 'Tệp Excel (.xlsx) hoặc CSV',
    fileHint: 'Tối đa 20.000 dòng. Ô có công thức không được nhận: hãy dán dạng giá trị.',
    send: 'Tải lên và xem trước',
    sending: 'Đang tải lên',
    reading: 'Đang đọc tệp và kiểm tra từng dòng…',
    noFile: 'Hãy chọn một tệp trước.',
    step2: '2. Ghép cột',
    check: 'Chạy thử với cách ghép này',
    step3: '3. Kết quả chạy thử',
    dryNote: 'Chạy thử không ghi gì vào cơ sở dữ liệu.',
    counts: 'Số dòng theo kết quả',
    outcome: 'Kết quả',
    rowsLabel: 'Số dòng',
    create: 'Tạo mới',
    update: 'Cập nhật',
    unchanged: 'Không đổi',
    refused: 'Bị từ chối',
    summary: (r: number, c: number, u: number, s: number, x: number) =>
      `${formatNumber(r)} dòng: ${formatNumber(c)} tạo mới, ${formatNumber(u)} cập nhật, ${formatNumber(s)} không đổi, ${formatNumber(x)} bị từ chối.`,
    fixFirst: (n: number) => `${formatNumber(n)} dòng bị từ chối. Sửa các dòng đó trong tệp rồi tải lên lại: việc nhập chỉ ghi khi mọi dòng đều đúng.`,
    showRefused: 'Chỉ xem các dòng bị từ chối',
    step4: '4. Nhập vào hệ thống',
    apply: (n: number) => `Nhập ${formatNumber(n)} dòng (tất cả hoặc không dòng nào)`,
    applying: 'Đang nhập…',
    changed: 'Cách ghép cột đã đổi: hãy chạy thử lại trước khi nhập.',
    applied: (c: number, u: number, s: number) =>
      `Đã nhập xong: ${formatNumber(c)} văn bản mới, ${formatNumber(u)} văn bản cập nhật, ${formatNumber(s)} không đổi.`,
    refusedApply: 'Không nhập: có dòng bị từ chối, không có gì được ghi. Xem các dòng bên dưới.',
    toList: 'Xem danh sách văn bản',
    another: 'Nhập tệp khác',
    nothingToDo: 'Tệp không có dòng văn bản nào dưới dòng tiêu đề.',
  },
  en: {
    title: 'Import documents from a spreadsheet',
    intro: 'Each row is a document; the first row names the columns. A number already published updates that document.',
    step1: '1. Choose the file',
    file: 'Excel (.xlsx) or CSV file',
    fileHint: 'At most 20,000 rows. Formula cells are refused: paste them as values.',
    send: 'Upload and preview',
    sending: 'Uploading',
    reading: 'Reading the file and checking each row…',
    noFile: 'Choose a file first.',
    step2: '2. Match the columns',
    check: 'Dry run with this mapping',
    step3: '3. Dry run',
    dryNote: 'A dry run writes nothing.',
    counts: 'Rows by outcome',
    outcome: 'Outcome',
    rowsLabel: 'Rows',
    create: 'Created',
    update: 'Updated',
    unchanged: 'Unchanged',
    refused: 'Refused',
    summary: (r: number, c: number, u: number, s: number, x: number) =>
      `${formatNumber(r)} rows: ${formatNumber(c)} new, ${formatNumber(u)} updated, ${formatNumber(s)} unchanged, ${formatNumber(x)} refused.`,
    fixFirst: (n: number) => `${formatNumber(n)} rows are refused. Fix them in the file and upload it again: an import writes only when every row is right.`,
    showRefused: 'Show only the refused rows',
    step4: '4. Import',
    apply: (n: number) => `Import ${formatNumber(n)} rows (all or none)`,
    applying: 'Importing…',
    changed: 'The mapping changed: run the dry run again before importing.',
    applied: (c: number, u: number, s: number) => `Imported: ${formatNumber(c)} new documents, ${formatNumber(u)} updated, ${formatNumber(s)} unchanged.`,
    refusedApply: 'Not imported: some rows are refused, nothing was written. See the rows below.',
    toList: 'See the documents',
    another: 'Import another file',
    nothingToDo: 'The file has no document rows under its header row.',
  },
});

/**
 * A spreadsheet of documents in four steps: upload (the API proposes a mapping from the headers
 * and runs it dry), change the mapping, see every row's outcome, apply all or nothing.
 */
@customElement('pa-import')
export class PaImport extends ScreenElement {
  static override styles = [
    ...ScreenElement.styles,
    css`
      progress {
        width: 100%;
        max-width: 24em;
        height: 1em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
    `,
  ];

  @state() private file: File | null = null;
  @state() private progress: number | null = null;
  @state() private busy = false;
  @state() private problem: string | null = null;
  @state() private report: ImportReport | null = null;
  @state() private choice: ColumnChoice = {};
  /** The mapping (as JSON) the current report was made with: applying needs a dry run of the same. */
  @state() private checked: string | null = null;
  @state() private outcome: 'applied' | 'refused' | null = null;

  private async post(dryRun: boolean, withMapping: boolean) {
    if (!this.file) {
      this.problem = t(m).noFile;
      announce(this.problem, 'alert');
      this.renderRoot.querySelector<HTMLInputElement>('#import-file')?.focus();
      return;
    }
    const mapping = withMapping ? JSON.stringify(mappingOf(this.choice)) : null;
    const form = new FormData();
    form.append('file', this.file);
    if (mapping) form.append('mapping', mapping);
    form.append('dryRun', String(dryRun));
    this.problem = null;
    this.outcome = null;
    this.busy = true;
    this.progress = 0;
    try {
      const report = await upload<ImportReport>('POST', '/api/v1/admin/laws/imports', form, (share) => (this.progress = share));
      this.show(report);
      if (!dryRun) this.outcome = 'applied';
    } catch (error) {
      const body = error instanceof ApiError ? (error.problem as unknown as Partial<ImportReport> | null) : null;
      if (!dryRun && error instanceof ApiError && error.status === 422 && body?.rows) {
        this.show(body as ImportReport);
        this.outcome = 'refused';
      } else {
        this.problem = fileProblemText(error);
        announce(this.problem, 'alert');
        await this.focusOn('#problem');
      }
      return;
    } finally {
      this.busy = false;
      this.progress = null;
    }
    await this.afterReport();
  }

  private show(report: ImportReport) {
    this.report = report;
    const choice: ColumnChoice = {};
    for (const header of report.headers) if (header) choice[header] = '';
    for (const [field, header] of Object.entries(report.mapping)) choice[header] = field as ImportField;
    this.choice = choice;
    this.checked = report.missing.length ? null : JSON.stringify(mappingOf(choice));
  }

  private async afterReport() {
    const text = t(m);
    const r = this.report!;
    const c = r.counts;
    if (this.outcome === 'applied') {
      announce(text.applied(c.create, c.update, c.unchanged));
      return this.focusOn('#outcome');
    }
    if (this.outcome === 'refused') {
      announce(text.refusedApply, 'alert');
      return this.focusOn('#outcome');
    }
    if (r.missing.length) {
      announce(text.step2);
      return this.focusOn('#step2');
    }
    announce(text.summary(c.rows, c.create, c.update, c.unchanged, c.refused));
    await this.focusOn('#step3');
  }

  private async focusOn(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private reset() {
    this.file = null;
    this.report = null;
    this.outcome = null;
    this.problem = null;
    this.checked = null;
    void this.focusOn('#import-file');
  }

  override render() {
    const text = t(m);
    return html`<h1 tabindex="-1">${text.title}</h1>
      <p>${text.intro}</p>
      <section class="panel" aria-labelledby="step1">
        <h2 id="step1">${text.step1}</h2>
        <div class="field">
          <label for="import-file">${text.file}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby="import-file-hint"
            @change=${(e: Event) => {
              this.file = (e.target as HTMLInputElement).files?.[0] ?? null;
              this.report = null;
              this.outcome = null;
            }}
          />
          <span class="hint" id="import-file-hint">${text.fileHint}</span>
        </div>
        <div class="actions">
          <button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.post(true, false)}>${text.send}</button>
          ${
            this.progress !== null
              ? html`<label>${this.progress < 1 ? text.sending : text.reading} <progress max="1" .value=${this.progress}></progress></label>`
              : nothing
          }
        </div>
        ${this.problem ? html`<p class="notice error" id="problem" tabindex="-1" role="alert">${this.problem}</p>` : nothing}
      </section>
      ${this.report ? this.renderReport(this.report) : nothing}`;
  }

  private renderReport(r: ImportReport) {
    const text = t(m);
    const { twice, missing } = choiceProblems(this.choice);
    const current = JSON.stringify(mappingOf(this.choice));
    const canCheck = !twice.length && !missing.length;
    const stale = this.checked !== current;
    const c = r.counts;
    const canApply = !stale && !r.applied && c.rows > 0 && c.refused === 0 && !r.missing.length;
    return html`<section class="panel" aria-labelledby="step2">
        <h2 id="step2" tabindex="-1">${text.step2}</h2>
        <pa-import-mapping
          .headers=${r.headers}
          .choice=${this.choice}
          @pa-choice-change=${(e: CustomEvent<ColumnChoice>) => (this.choice = e.detail)}
        ></pa-import-mapping>
        <button type="button" ?disabled=${!canCheck || this.busy} @click=${() => this.post(true, true)}>${text.check}</button>
      </section>
      ${
        r.missing.length
          ? nothing
          : html`<section class="panel" aria-labelledby="step3">
              <h2 id="step3" tabindex="-1">${r.applied ? text.step4 : text.step3}</h2>
              ${
                this.outcome === 'applied'
                  ? html`<p class="notice ok" id="outcome" tabindex="-1" role="status">
                    ${text.applied(c.create, c.update, c.unchanged)} <a href=${href('laws')}>${text.toList}</a>
                    <button type="button" class="link-button" @click=${this.reset}>${text.another}</button>
                  </p>`
                  : this.outcome === 'refused'
                    ? html`<p class="notice error" id="outcome" tabindex="-1" role="alert">${text.refusedApply}</p>`
                    : html`<p class="muted">${text.dryNote}</p>`
              }
              <p>${text.summary(c.rows, c.create, c.update, c.unchanged, c.refused)}</p>
              ${c.rows === 0 ? html`<p class="notice">${text.nothingToDo}</p>` : nothing}
              <pa-bar-chart
                heading=${text.counts}
                category-header=${text.outcome}
                .categories=${[text.create, text.update, text.unchanged, text.refused]}
                .series=${[{ name: text.rowsLabel, values: [c.create, c.update, c.unchanged, c.refused] }]}
                .format=${formatNumber}
              ></pa-bar-chart>
              ${
                c.refused
                  ? html`<p class="notice error">
                    ${text.fixFirst(c.refused)}
                    <button type="button" class="link-button" @click=${() => this.renderRoot.querySelector<PaImportRows>('pa-import-rows')?.showRefused()}>
                      ${text.showRefused}
                    </button>
                  </p>`
                  : nothing
              }
              <pa-import-rows .rows=${r.rows} ?applied=${r.applied}></pa-import-rows>
            </section>
            ${
              r.applied
                ? nothing
                : html`<section class="panel" aria-labelledby="step4">
                  <h2 id="step4">${text.step4}</h2>
                  ${stale ? html`<p class="notice">${text.changed}</p>` : nothing}
                  <button class="primary" type="button" ?disabled=${!canApply || this.busy} @click=${() => this.post(false, true)}>
                    ${this.busy ? text.applying : text.apply(c.rows)}
                  </button>
                </section>`
            }`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-import': PaImport;
  }
}
