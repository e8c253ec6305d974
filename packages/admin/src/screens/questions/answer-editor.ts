import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { messages, t } from '../../i18n.js';
import { ConsoleElement } from '../../ui/console-element.js';

const m = messages({
  vi: {
    toolbar: 'Định dạng câu trả lời',
    bold: 'Đậm',
    italic: 'Nghiêng',
    bullets: 'Danh sách dấu đầu dòng',
    numbers: 'Danh sách đánh số',
    link: 'Liên kết',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    linkUrl: 'Địa chỉ liên kết',
    linkHint: 'Bắt đầu bằng https://, http://, mailto: hoặc tel:',
    linkApply: 'Gắn liên kết',
    linkRemove: 'Bỏ liên kết',
    cancel: 'Huỷ',
    badUrl: 'Địa chỉ phải bắt đầu bằng https://, http://, mailto: hoặc tel:',
    keys: 'Phím tắt: Ctrl+B đậm, Ctrl+I nghiêng, Ctrl+Shift+8 danh sách, Ctrl+Shift+7 danh sách số. Tab rời khỏi ô soạn thảo.',
  },
  en: {
    toolbar: 'Answer formatting',
    bold: 'Bold',
    italic: 'Italic',
    bullets: 'Bulleted list',
    numbers: 'Numbered list',
    link: 'Link',
    undo: 'Undo',
    redo: 'Redo',
    linkUrl: 'Link address',
    linkHint: 'Starts with https://, http://, mailto: or tel:',
    linkApply: 'Add link',
    linkRemove: 'Remove link',
    cancel: 'Cancel',
    badUrl: 'The address must start with https://, http://, mailto: or tel:',
    keys: 'Shortcuts: Ctrl+B bold, Ctrl+I italic, Ctrl+Shift+8 list, Ctrl+Shift+7 numbered list. Tab leaves the editor.',
  },
});

/** What the server's sanitiser lets through as a link (mail/sanitize-answer.ts). */
const SAFE_URL = /^(?:https?:\/\/|mailto:|tel:)\S+$/i;

/**
 * A rich-text editor for answers, so staff never write HTML: paragraphs, line breaks, bold,
 * italic, bulleted and numbered lists, links. Exactly what the server's answer sanitiser keeps;
 * everything else (headings, code, images) is left out of the editor.
 *
 * @fires pa-change - the answer changed; `detail` is its HTML.
 */
@customElement('pa-answer-editor')
export class PaAnswerEditor extends ConsoleElement {
  static override styles = [
    ...ConsoleElement.styles,
    css`
      .frame {
        border: 1px solid #6e7781;
        border-radius: 4px;
        background: #fff;
      }
      .frame:focus-within {
        outline: 3px solid var(--pa-focus);
        outline-offset: 2px;
      }
      [role='toolbar'] {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        padding: 4px;
        border-bottom: 1px solid var(--pa-line);
        background: #f4f6f8;
      }
      [role='toolbar'] button {
        padding: 4px 10px;
      }
      [role='toolbar'] button[aria-pressed='true'] {
        background: var(--pa-primary);
        color: var(--pa-primary-ink);
      }
      .bold {
        font-weight: 700;
      }
      .italic {
        font-style: italic;
      }
      .ProseMirror {
        min-height: 12em;
        padding: 8px 12px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        outline: none;
      }
      .ProseMirror p,
      .ProseMirror ul,
      .ProseMirror ol {
        margin: 0 0 0.5em;
      }
      .link-form {
        padding: 8px;
        border-bottom: 1px solid var(--pa-line);
      }
      .link-form input {
        width: 100%;
      }
    `,
  ];

  /** The visible label of the editor. */
  @property() label = '';
  /** The HTML it starts with; setting it later replaces the content. */
  @property() value = '';
  @property({ type: Boolean }) invalid = false;
  /** Id of an element (in the same root) describing an error. */
  @property({ attribute: 'error-text' }) errorText = '';

  @state() private linkOpen = false;
  @state() private linkError = '';
  /** Bumped on every transaction, so the toolbar's pressed states follow the selection. */
  @state() private tick = 0;

  @query('.content') private host!: HTMLElement;
  @query('#link-url') private linkInput?: HTMLInputElement;

  private editor?: Editor;

  get html(): string {
    return this.editor?.isEmpty ? '' : (this.editor?.getHTML() ?? '');
  }

  override firstUpdated() {
    this.editor = new Editor({
      element: this.host,
      // The console's CSP allows no <style> element: the editor's rules are in this element's styles.
      injectCSS: false,
      content: this.value || '',
      extensions: [
        StarterKit.configure({
          heading: false,
          blockquote: false,
          code: false,
          codeBlock: false,
          horizontalRule: false,
          strike: false,
          underline: false,
          dropcursor: false,
          link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto', 'tel'], defaultProtocol: 'https' },
        }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': 'editor-label',
          'aria-describedby': 'editor-keys',
        },
      },
      onTransaction: () => void this.tick++,
      onUpdate: () => this.dispatchEvent(new CustomEvent('pa-change', { detail: this.html, bubbles: true, composed: true })),
    });
    this.syncInvalid();
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('value') && this.editor && this.value !== this.html) this.editor.commands.setContent(this.value || '', { emitUpdate: false });
    if (changed.has('invalid')) this.syncInvalid();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.editor?.destroy();
    this.editor = undefined;
  }

  override focus() {
    this.editor?.commands.focus();
  }

  private syncInvalid() {
    const dom = this.editor?.view.dom;
    if (!dom) return;
    dom.setAttribute('aria-invalid', String(this.invalid));
    if (this.errorText) dom.setAttribute('aria-errormessage', 'editor-error');
    else dom.removeAttribute('aria-errormessage');
  }

  private button(label: string, cls: string, active: boolean | null, run: () => void) {
    return html`<button
      type="button"
      class=${cls}
      aria-pressed=${ifDefined(active === null ? undefined : active ? 'true' : 'false')}
      @mousedown=${(e: Event) => e.preventDefault()}
      @click=${run}
    >
      ${label}
    </button>`;
  }

  private openLink() {
    this.linkOpen = true;
    this.linkError = '';
    void this.updateComplete.then(() => {
      if (this.linkInput) {
        this.linkInput.value = (this.editor?.getAttributes('link').href as string | undefined) ?? '';
        this.linkInput.focus();
      }
    });
  }

  private applyLink(e: Event) {
    e.preventDefault();
    const href = this.linkInput?.value.trim() ?? '';
    if (!SAFE_URL.test(href)) {
      this.linkError = t(m).badUrl;
      this.linkInput?.focus();
      return;
    }
    const chain = this.editor!.chain().focus();
    if (this.editor!.state.selection.empty && !this.editor!.isActive('link')) {
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange('link').setLink({ href }).run();
    }
    this.linkOpen = false;
  }

  private removeLink() {
    this.editor?.chain().focus().extendMarkRange('link').unsetLink().run();
    this.linkOpen = false;
  }

  override render() {
    const text = t(m);
    const ed = this.editor;
    void this.tick;
    const on = (name: string) => (ed ? ed.isActive(name) : false);
    return html`
      <span class="label" id="editor-label">${this.label}</span>
      <div class="frame">
        <div role="toolbar" aria-label=${text.toolbar} aria-controls="editor-content">
          ${this.button(text.bold, 'bold', on('bold'), () => ed?.chain().focus().toggleBold().run())}
          ${this.button(text.italic, 'italic', on('italic'), () => ed?.chain().focus().toggleItalic().run())}
          ${this.button(text.bullets, '', on('bulletList'), () => ed?.chain().focus().toggleBulletList().run())}
          ${this.button(text.numbers, '', on('orderedList'), () => ed?.chain().focus().toggleOrderedList().run())}
          ${this.button(text.link, '', on('link'), () => this.openLink())}
          ${this.button(text.undo, '', null, () => ed?.chain().focus().undo().run())}
          ${this.button(text.redo, '', null, () => ed?.chain().focus().redo().run())}
        </div>
        ${
          this.linkOpen
            ? html`<form class="link-form" @submit=${this.applyLink} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.linkOpen = false)}>
              <div class="field">
                <label for="link-url">${text.linkUrl}</label>
                <input
                  id="link-url"
                  type="url"
                  inputmode="url"
                  autocomplete="url"
                  aria-describedby="link-hint ${this.linkError ? 'link-error' : ''}"
                  aria-invalid=${this.linkError ? 'true' : 'false'}
                />
                <span class="hint" id="link-hint">${text.linkHint}</span>
                ${this.linkError ? html`<span class="error" id="link-error">${this.linkError}</span>` : nothing}
              </div>
              <div class="toolbar">
                <button type="submit" class="primary">${text.linkApply}</button>
                ${on('link') ? html`<button type="button" @click=${this.removeLink}>${text.linkRemove}</button>` : nothing}
                <button type="button" @click=${() => ((this.linkOpen = false), ed?.commands.focus())}>${text.cancel}</button>
              </div>
            </form>`
            : nothing
        }
        <div class="content" id="editor-content"></div>
      </div>
      <p class="hint" id="editor-keys">${text.keys}</p>
      ${this.errorText ? html`<p class="error" id="editor-error">${this.errorText}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pa-answer-editor': PaAnswerEditor;
  }
}
