import type { AnswerPreview } from '@pbgdpl/contract';
import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { messages, t } from '../../i18n.js';
import { ConsoleElement } from '../../ui/console-element.js';

const m = messages({
  vi: { answer: 'Trả lời', citations: 'Căn cứ pháp lý', docNo: 'văn bản số', asked: 'Câu hỏi' },
  en: { answer: 'Answer', citations: 'Legal basis', docNo: 'document no.', asked: 'Question' },
});

/**
 * An answer as the citizen will read it in the qa-box: the HTML the server's sanitiser returned
 * (POST /api/v1/admin/questions/preview, the only HTML this console renders), styled like the
 * widget's answer, and the citations linked where the province publishes the document.
 */
@customElement('pa-answer-preview')
export class PaAnswerPreview extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      .box {
        border: 1px solid var(--pa-line);
        border-radius: 8px;
        padding: 12px 16px;
        background: #fff;
        line-height: 1.5;
        /* Long unbroken words (addresses, pasted links) wrap instead of widening the page. */
        overflow-wrap: anywhere;
      }
      .title {
        font-weight: 700;
        margin: 0 0 0.25em;
      }
      .content {
        white-space: pre-line;
        margin: 0;
      }
      .label {
        margin: 0.5em 0 0.25em;
        font-weight: 700;
      }
      .answer-html > :first-child {
        margin-top: 0;
      }
      .answer-html p,
      .answer-html ul,
      .answer-html ol,
      .answer-html blockquote {
        margin: 0 0 0.5em;
      }
      .cites {
        margin: 0;
        padding-inline-start: 1.25em;
        font-size: 0.9375em;
      }
    `,
  ];

  @property({ attribute: false }) preview: AnswerPreview | null = null;
  /** The citizen's title and question, shown as text above the answer as the qa-box does. */
  @property() heading = '';
  @property() content = '';

  override render() {
    const text = t(m);
    const p = this.preview;
    if (!p) return nothing;
    return html`<div class="box">
      <p class="title">${this.heading}</p>
      <p class="label">${text.asked}</p>
      <p class="content">${this.content}</p>
      <p class="label">${text.answer}</p>
      <div class="answer-html">${unsafeHTML(p.html)}</div>
      ${
        p.citations.length
          ? html`<p class="label">${text.citations}</p>
            <ul class="cites">
              ${p.citations.map((c) => {
                const doc = `${text.docNo} ${c.number}`;
                const link = c.url && /^https?:\/\//.test(c.url) ? html`<a href=${c.url} target="_blank" rel="noopener noreferrer">${doc}</a>` : doc;
                return html`<li>${c.article ? `${c.article} ` : ''}${link}</li>`;
              })}
            </ul>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-answer-preview': PaAnswerPreview;
  }
}
