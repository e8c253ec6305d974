import { css } from 'lit';

/**
 * What every screen shares: type, forms, buttons, tables, badges, the visually-hidden class.
 * Colours meet WCAG AA on white; focus is always visible; touch targets are at least 44 px high.
 */
export const sharedStyles = css`
  :host {
    display: block;
    --pa-ink: #1b1f24;
    --pa-muted: #4a5561;
    --pa-line: #c9d1d9;
    --pa-surface: #fff;
    --pa-primary: #0b4f9c;
    --pa-primary-ink: #fff;
    --pa-danger: #a4161a;
    --pa-warn-bg: #fff4d6;
    --pa-warn-ink: #6b4500;
    --pa-ok-bg: #e3f4e8;
    --pa-ok-ink: #185c2e;
    --pa-focus: #f2a900;
    color: var(--pa-ink);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1 {
    font-size: 1.5em;
    line-height: 1.25;
    margin: 0 0 0.75em;
  }
  h2 {
    font-size: 1.2em;
    margin: 1.25em 0 0.5em;
  }
  a {
    color: var(--pa-primary);
  }
  :focus-visible {
    outline: 3px solid var(--pa-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .panel {
    background: var(--pa-surface);
    border: 1px solid var(--pa-line);
    border-radius: 6px;
    padding: 16px;
    margin-bottom: 16px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: flex-end;
    margin-bottom: 12px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-bottom: 12px;
    min-width: 0;
  }
  .field label,
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--pa-muted);
    font-size: 0.875em;
  }
  .error {
    color: var(--pa-danger);
    font-size: 0.9em;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid #6e7781;
    border-radius: 4px;
    background: #fff;
    max-width: 100%;
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--pa-danger);
    box-shadow: inset 0 0 0 1px var(--pa-danger);
  }
  button,
  .button {
    font: inherit;
    min-height: 44px;
    padding: 8px 16px;
    border-radius: 4px;
    border: 1px solid var(--pa-primary);
    background: #fff;
    color: var(--pa-primary);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  button.primary,
  .button.primary {
    background: var(--pa-primary);
    color: var(--pa-primary-ink);
  }
  button.danger {
    border-color: var(--pa-danger);
    color: var(--pa-danger);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .link-button {
    border: 0;
    background: none;
    padding: 0;
    min-height: auto;
    color: var(--pa-primary);
    text-decoration: underline;
  }
  table.list {
    width: 100%;
    border-collapse: collapse;
    background: var(--pa-surface);
  }
  table.list th,
  table.list td {
    text-align: left;
    vertical-align: top;
    padding: 8px 10px;
    border-bottom: 1px solid var(--pa-line);
  }
  table.list th {
    font-weight: 600;
    background: #eef1f4;
  }
  .table-scroll {
    overflow-x: auto;
  }
  .badge {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    font-size: 0.85em;
    background: #e6eaef;
    white-space: nowrap;
  }
  .badge.warn {
    background: var(--pa-warn-bg);
    color: var(--pa-warn-ink);
  }
  .badge.danger {
    background: #fbe3e4;
    color: var(--pa-danger);
    font-weight: 600;
  }
  .badge.ok {
    background: var(--pa-ok-bg);
    color: var(--pa-ok-ink);
  }
  .notice {
    padding: 12px 16px;
    border-radius: 4px;
    border-left: 4px solid var(--pa-primary);
    background: #e8f0fb;
    margin-bottom: 12px;
  }
  .notice.error {
    border-color: var(--pa-danger);
    background: #fbe3e4;
    color: var(--pa-ink);
    font-size: 1em;
  }
  .notice.ok {
    border-color: var(--pa-ok-ink);
    background: var(--pa-ok-bg);
  }
  .grid-2 {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
    gap: 0 16px;
  }
  .muted {
    color: var(--pa-muted);
  }
  .skeleton {
    min-height: 12em;
  }
  @media (max-width: 600px) {
    table.stack thead {
      display: none;
    }
    table.stack tr {
      display: block;
      border-bottom: 1px solid var(--pa-line);
      padding: 8px 0;
    }
    table.stack td {
      display: block;
      border: 0;
      padding: 2px 10px;
    }
  }
`;
