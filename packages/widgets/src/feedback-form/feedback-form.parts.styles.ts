import { css } from 'lit';

/** The open form: fields, consents, the error summary, notices and the thanks. Loaded with feedback-form.parts.ts. */
export const partsStyles = css`
  .subject {
    min-height: 1.5em;
    margin-top: 1em;
  }
  .subject-label {
    color: var(--_muted);
  }
  .field {
    margin-top: 1em;
  }
  .label {
    display: block;
    font-weight: 600;
  }
  .hint,
  .count {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .count {
    margin-top: 0.25em;
  }
  .count.over {
    color: var(--_error);
    font-weight: 600;
  }
  textarea,
  input[type='text'] {
    display: block;
    width: 100%;
    min-height: 44px;
    margin-top: 0.25em;
    padding: 0.375em 0.625em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  [aria-invalid='true']:is(textarea, input[type='text']) {
    border: 2px solid var(--_error);
  }
  .error {
    margin-top: 0.25em;
    color: var(--_error);
    font-weight: 600;
  }
  .consents {
    margin-top: 1em;
    padding: 0.5em 0.75em 0.25em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .consents legend {
    width: auto;
    padding: 0 0.25em;
    font-weight: 600;
  }
  .privacy {
    font-size: 0.875em;
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.625em;
    min-height: 44px;
    padding: 0.5em 0;
    cursor: pointer;
  }
  .check input {
    margin-top: 0.125em;
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-top: 1em;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .summary {
    margin: 0 0 1em;
    padding: 0.625em 0.875em;
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .summary-title {
    font-weight: 700;
  }
  .summary ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .done {
    padding: 0.25em 0;
  }
  .thanks {
    font-size: 1.125em;
    font-weight: 700;
  }
  .done p + p,
  .queued p + p {
    margin-top: 0.25em;
  }
  .done button,
  .queued-panel {
    margin-top: 0.75em;
  }
`;
