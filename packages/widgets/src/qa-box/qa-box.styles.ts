import { css } from 'lit';

/**
 * Every row above the list is 44px high (a button label too long for one line takes two lines
 * inside it), every collapsed question has the same height whatever its text (the title is clamped
 * to two lines), and the skeleton uses the same boxes: the widget keeps one height from loading to
 * loaded, `calc(5.575em + 178px + limit × (5.9em + 1px))`.
 * The forms' styles come with the forms (qa-box.forms.styles.ts).
 */
export const qaBoxStyles = css`
  :host {
    --_danger: #b42318;
    --_ok: #116329;
  }
  :host([theme='dark']) {
    --_danger: #ff8182;
    --_ok: #56d364;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_danger: #ff8182;
      --_ok: #56d364;
    }
  }
  [hidden] {
    display: none !important;
  }
  p {
    margin: 0 0 0.5em;
  }
  .actions,
  .search,
  .filter {
    display: flex;
    gap: 0.5em;
    min-height: 44px;
    margin: 0 0 0.5em;
    min-width: 0;
  }
  /* A label too long for the row wraps (two lines still fit in 44px) instead of being cut. */
  .actions button,
  .search button,
  .filter button,
  .footer button {
    min-height: 44px;
    padding-block: 0;
    /* Two lines and the border in 44px up to a 21px font; larger text keeps its spacing and the row grows. */
    line-height: clamp(1.05em, 21px, 1.25em);
    overflow-wrap: break-word;
    flex: 0 1 auto;
    min-width: 44px;
  }
  .filter button {
    max-width: 100%;
  }
  .search button {
    flex: none;
  }
  input,
  select {
    min-height: 44px;
    padding: 0.375em 0.625em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .search input {
    flex: 1 1 auto;
    min-width: 0;
    height: 44px;
  }
  .panel {
    margin: 0 0 0.75em;
  }
  #filter-panel {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  #filter-panel select {
    flex: 1 1 12em;
    min-width: 0;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    border-top: 1px solid var(--_border);
  }
  .item:first-child {
    border-top-color: transparent;
  }
  .q {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    width: 100%;
    height: 5.9em;
    margin: 0;
    padding: 0.625em 0;
    border: 0;
    border-radius: 0;
    background: transparent;
    color: var(--_text);
    text-align: start;
    line-height: 1.45;
  }
  .q-title {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    height: 2.9em;
    line-height: 1.45em;
    overflow: hidden;
    font-weight: 600;
    color: var(--_accent);
  }
  button.q .q-title::before {
    content: '';
    display: inline-block;
    width: 0.4em;
    height: 0.4em;
    margin: 0 0.55em 0.15em 0.1em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
  }
  button.q[aria-expanded='true'] .q-title::before {
    transform: rotate(45deg);
  }
  .q-meta {
    display: flex;
    gap: 0.75em;
    height: calc(1.5em / 0.8125);
    font-size: 0.8125em;
    line-height: calc(1.5em / 0.8125);
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
  }
  .q-field {
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
  }
  .q-date {
    flex: none;
  }
  .skeleton.bar-line {
    height: 0.9em;
    margin: 0.275em 0;
  }
  .skeleton.bar-line.short {
    width: 70%;
  }
  .skeleton.bar-meta {
    width: 45%;
    height: 0.9em;
    margin-top: 0.3em;
  }
  .answer {
    padding: 0 0 0.75em;
  }
  .label {
    margin: 0.5em 0 0.25em;
    font-weight: 700;
  }
  .content {
    white-space: pre-line;
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
  .answer-html h3,
  .answer-html h4 {
    margin: 0.75em 0 0.25em;
    font-size: 1em;
  }
  .cites {
    margin: 0;
    padding-inline-start: 1.25em;
    font-size: 0.9375em;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    min-height: calc(44px + 0.5em);
    padding-top: 0.5em;
  }
  .empty,
  .hint,
  .total {
    color: var(--_muted);
  }
  .total {
    margin: 0;
    font-size: 0.875em;
  }
  .hint {
    font-size: 0.875em;
  }
  .more-error {
    color: var(--_danger);
    font-size: 0.875em;
  }
  .notice.error {
    border-color: var(--_danger);
  }

`;
