import { css } from 'lit';

/** The ask and tracking forms' styles, adopted into the shadow root (adoptPartStyles) when a form's code arrives. */
export const formStyles = css`
  textarea {
    min-height: 44px;
    padding: 0.375em 0.625em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    resize: vertical;
    line-height: 1.5;
  }
  form.ask,
  form.track,
  .receipt,
  .result {
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .form-title,
  .receipt-title {
    margin: 0 0 0.25em;
    font-size: 1.0625em;
    font-weight: 700;
  }
  .row {
    margin: 0 0 0.75em;
  }
  .row > label,
  #track-panel label {
    display: block;
    font-weight: 600;
  }
  .row input,
  .row select,
  .row textarea,
  .track input {
    display: block;
    width: 100%;
  }
  .count {
    margin: 0.25em 0 0;
    text-align: end;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .star {
    color: var(--_danger);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error {
    margin: 0.25em 0 0;
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }
  fieldset {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  legend {
    padding: 0 0.25em;
    font-weight: 600;
  }
  .notice-text {
    font-size: 0.875em;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
    margin: 0 0 0.75em;
  }
  .check input {
    flex: none;
    width: 24px;
    height: 24px;
    min-height: 0;
    margin: 0;
    accent-color: var(--_accent);
  }
  .req {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .summary {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .summary-title {
    font-weight: 700;
    color: var(--_danger);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .summary:focus,
  .receipt:focus,
  .result:focus {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .form-status .notice {
    margin-top: 0;
  }
  .suggest {
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
  }
  .sg-title {
    font-weight: 700;
  }
  .sg-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .sg-list > li {
    padding: 0.25em 0;
    border-top: 1px solid var(--_border);
  }
  .sg-list > li:first-child {
    border-top: 0;
  }
  .sg-q {
    display: block;
    width: 100%;
    padding: 0.375em 0;
    border: 0;
    background: transparent;
    color: var(--_text);
    text-align: start;
  }
  .sg-q-title {
    display: block;
    font-weight: 600;
    color: var(--_accent);
  }
  .excerpt {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .sg-law .hint {
    display: block;
  }
  .sg-number {
    font-weight: 600;
  }
  .receipt {
    margin: 0 0 0.75em;
    border: 2px solid var(--_ok);
  }
  .code-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .code {
    font-size: 1.375em;
    letter-spacing: 0.05em;
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
  }
  .remember {
    margin: 0.75em 0;
  }
  .remember label {
    display: block;
    font-weight: 600;
  }
  .remember p {
    margin: 0;
  }
  .inline {
    display: flex;
    gap: 0.5em;
  }
  .track .inline input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .inline button {
    flex: none;
    white-space: nowrap;
  }
  .codes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .codes li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    max-width: 100%;
  }
  .forget-all {
    margin: 0.5em 0 0;
    max-width: 100%;
  }
  .result {
    margin: 0.75em 0 0;
  }
  .result-title {
    font-weight: 700;
  }
  .facts {
    display: grid;
    gap: 0.25em;
    margin: 0 0 0.5em;
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .status.answered {
    color: var(--_ok);
  }
  .status.rejected {
    color: var(--_danger);
  }
`;
