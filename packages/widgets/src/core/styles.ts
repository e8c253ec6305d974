import { css } from 'lit';

/**
 * Shared by every widget. Inherited text properties are reset on the `base` wrapper so the host
 * page's `letter-spacing`, `text-transform` and the like stay out; font family and size are
 * inherited on purpose, so the widget reads like the page it sits in. Sizes are px and em only.
 */
const darkTokens = css`
  --_accent: var(--pbgdpl-accent, #7cb4ff);
  --_on-accent: var(--pbgdpl-on-accent, #0d1117);
  --_surface: var(--pbgdpl-surface, #161b22);
  --_text: var(--pbgdpl-text, #e6edf3);
  --_muted: var(--pbgdpl-muted, #9ea7b3);
  --_border: var(--pbgdpl-border, #3d444d);
  --_skeleton: #262c36;
`;

export const baseStyles = css`
  :host {
    display: block;
    --_font: var(--pbgdpl-font, inherit);
    --_accent: var(--pbgdpl-accent, #0b57d0);
    --_on-accent: var(--pbgdpl-on-accent, #ffffff);
    --_radius: var(--pbgdpl-radius, 6px);
    --_surface: var(--pbgdpl-surface, #ffffff);
    --_text: var(--pbgdpl-text, #1f2328);
    --_muted: var(--pbgdpl-muted, #57606a);
    --_border: var(--pbgdpl-border, #d0d7de);
    --_skeleton: #eaeef2;
    --_focus: var(--pbgdpl-focus, var(--_accent));
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: inherit;
    line-height: 1.5;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em 1em;
    text-align: start;
    overflow-wrap: anywhere;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  a {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    text-decoration-thickness: 2px;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }
  button {
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    padding: 0.375em 0.875em;
    min-height: 44px;
    min-width: 44px;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .heading {
    /* 0.5em of the widget's own size, so reserved heights stay simple sums (docs/embedding.md §4). */
    margin: 0 0 calc(0.5em / 1.125);
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.4;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    font-size: 0.875em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .skeleton {
    display: block;
    border-radius: 4px;
    background: var(--_skeleton);
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
