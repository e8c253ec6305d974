import { css } from 'lit';

/**
 * Before the citizen touches it the form shows only the title, the question and the five answers,
 * and that block has the same height at every width (one title line, two lines kept for the
 * question, five rows of 44px), so a host can reserve it: docs/embedding.md gives the figure.
 * The rest of the form brings its own rules (feedback-form.parts.styles.ts); the private
 * properties they read are declared here.
 */
export const feedbackFormStyles = css`
  :host {
    --_error: #b3261e;
    --_selected: #eef4ff;
  }
  :host([theme='dark']) {
    --_error: #ff9a8f;
    --_selected: #1c2a3f;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_error: #ff9a8f;
      --_selected: #1c2a3f;
    }
  }
  form {
    margin: 0;
  }
  p {
    margin: 0;
  }
  fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    display: block;
    width: 100%;
    padding: 0;
  }
  .question {
    display: flex;
    align-items: flex-end;
    min-height: 3em;
    margin-bottom: 0.5em;
    font-weight: 600;
  }
  .options {
    display: grid;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-height: 44px;
    padding: 0 0.5em;
    line-height: 1.25;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .option:hover {
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .option:has(input:checked) {
    background: var(--_selected);
    box-shadow: inset 0 0 0 2px var(--_accent);
    font-weight: 600;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .notice.error {
    border-color: var(--_error);
  }
`;
