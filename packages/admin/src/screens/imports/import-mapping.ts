import type { ImportField } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { messages, t } from '../../i18n.js';
import { ConsoleElement } from '../../ui/console-element.js';
import { IMPORT_FIELDS, REQUIRED, fieldLabel } from './import-words.js';

const m = messages({
  vi: {
    legend: 'Ghép cột của tệp với thông tin văn bản',
    hint: 'Hệ thống đã đề xuất theo tên cột. Kiểm tra và sửa nếu cần; cột không dùng thì chọn “Bỏ qua”.',
    column: 'Cột trong tệp',
    field: 'Thông tin văn bản',
    ignore: 'Bỏ qua',
    required: 'bắt buộc',
    twice: (f: string) => `“${f}” được chọn cho nhiều cột: mỗi thông tin chỉ ghép với một cột.`,
    missing: (fs: string) => `Chưa có cột nào cho: ${fs}.`,
  },
  en: {
    legend: "Match the file's columns with the document's details",
    hint: 'Proposed from the column names. Check and change them; choose "Ignore" for a column not used.',
    column: 'Column in the file',
    field: 'Document detail',
    ignore: 'Ignore',
    required: 'required',
    twice: (f: string) => `"${f}" is chosen for several columns: each detail takes one column.`,
    missing: (fs: string) => `No column yet for: ${fs}.`,
  },
});

/** header → field, '' for an ignored column. */
export type ColumnChoice = Record<string, ImportField | ''>;

/** What a choice of columns lacks or repeats; empty when it can be sent. */
export function choiceProblems(choice: ColumnChoice): { twice: ImportField[]; missing: ImportField[] } {
  const chosen = Object.values(choice).filter((f): f is ImportField => f !== '');
  return {
    twice: [...new Set(chosen.filter((f, i) => chosen.indexOf(f) !== i))],
    missing: [...REQUIRED].filter((f) => !chosen.includes(f)),
  };
}

/** The mapping the API takes: field → header. */
export const mappingOf = (choice: ColumnChoice) => Object.fromEntries(Object.entries(choice).flatMap(([header, field]) => (field ? [[field, header]] : [])));

/**
 * The proposed column mapping as a form: each column of the file → a detail of the document, or ignored.
 *
 * @fires pa-choice-change - detail: the new ColumnChoice
 */
@customElement('pa-import-mapping')
export class PaImportMapping extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
      }
      legend {
        font-weight: 600;
        font-size: 1.1em;
        margin-bottom: 4px;
      }
      td select {
        width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) headers: string[] = [];
  @property({ attribute: false }) choice: ColumnChoice = {};

  override render() {
    const text = t(m);
    const { twice, missing } = choiceProblems(this.choice);
    const set = (header: string, field: ImportField | '') =>
      this.dispatchEvent(new CustomEvent('pa-choice-change', { detail: { ...this.choice, [header]: field }, bubbles: true, composed: true }));
    return html`<fieldset aria-describedby="map-hint">
      <legend>${text.legend}</legend>
      <p class="hint" id="map-hint">${text.hint}</p>
      <div class="table-scroll">
        <table class="list stack">
          <thead>
            <tr>
              <th scope="col">${text.column}</th>
              <th scope="col">${text.field}</th>
            </tr>
          </thead>
          <tbody>
            ${this.headers.filter(Boolean).map(
              (header, i) =>
                html`<tr>
                    <th scope="row"><label for="map-${i}">${header}</label></th>
                    <td>
                      <select
                        id="map-${i}"
                        aria-invalid=${twice.includes(this.choice[header] as ImportField) ? 'true' : 'false'}
                        @change=${(e: Event) => set(header, (e.target as HTMLSelectElement).value as ImportField | '')}
                      >
                        <option value="" ?selected=${!this.choice[header]}>${text.ignore}</option>
                        ${IMPORT_FIELDS.map(
                          (f) =>
                            html`<option value=${f} ?selected=${this.choice[header] === f}>
                              ${fieldLabel(f)}${REQUIRED.has(f) ? ` (${text.required})` : ''}
                            </option>`,
                        )}
                      </select>
                    </td>
                  </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div aria-live="polite">
        ${twice.map((f) => html`<p class="error">${text.twice(fieldLabel(f))}</p>`)}
        ${missing.length ? html`<p class="error">${text.missing(missing.map(fieldLabel).join(', '))}</p>` : nothing}
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-import-mapping': PaImportMapping;
  }
}
