import { css } from 'lit';

/**
 * Every item is at least as tall as a skeleton row (the abstract is clamped to two lines), so the
 * list does not move up when data replaces the placeholders; a short abstract has its meta line
 * right below it, and the room left over goes to the end of the item. Document numbers and issuers
 * wrap rather than being cut: on a narrow phone an item may grow by a line for them.
 */
export const latestLawsStyles = css`
  :host {
    --_row: 1.5em;
    --_abstract-lines: 2;
    --_abstract-line: 1.45em;
  }
  :host([compact]) {
    --_abstract-lines: 1;
  }
  .search {
    display: flex;
    gap: 0.5em;
    margin: 0 0 0.5em;
  }
  .search button {
    flex: none;
    min-height: 44px;
    /* Two lines and the border in 44px up to a 21px font; larger text keeps its spacing and the row grows. */
    line-height: clamp(1.05em, 21px, 1.25em);
  }
  .search input {
    flex: 1 1 auto;
    min-width: 0;
    min-height: 44px;
    padding: 0.375em 0.625em;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .item {
    display: grid;
    grid-template-rows: auto;
    align-content: start;
    row-gap: 0.25em;
    min-height: calc(2 * var(--_row) + var(--_abstract-lines) * var(--_abstract-line) + 0.5em + 1.25em + 1px);
    padding: 0.625em 0;
    border-top: 1px solid var(--_border);
  }
  :host([compact]) .item {
    min-height: calc(var(--_row) + var(--_abstract-lines) * var(--_abstract-line) + 0.25em + 1em + 1px);
    padding: 0.5em 0;
  }
  /* The skeleton's rows are the reserved boxes, exactly. */
  .list[aria-hidden] .item {
    grid-template-rows: var(--_row) calc(var(--_abstract-lines) * var(--_abstract-line)) var(--_row);
  }
  :host([compact]) .list[aria-hidden] .item {
    grid-template-rows: calc(var(--_abstract-lines) * var(--_abstract-line)) var(--_row);
  }
  .item:first-child {
    border-top-color: transparent;
  }
  .number {
    font-size: 0.875em;
    line-height: calc(var(--_row) / 0.875 * 1);
    font-weight: 600;
    min-width: 0;
  }
  .no {
    display: inline-block;
    max-width: 100%;
  }
  .abstract {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_abstract-lines);
    line-clamp: var(--_abstract-lines);
    line-height: var(--_abstract-line);
    overflow: hidden;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.5em;
    min-width: 0;
    font-size: 0.8125em;
    line-height: calc(var(--_row) / 0.8125 * 1);
    color: var(--_muted);
  }
  .meta .number {
    font-size: 1em;
    line-height: inherit;
    color: var(--_text);
  }
  .issuer {
    min-width: 0;
  }
  .date {
    flex: none;
    white-space: nowrap;
  }
  .badge {
    flex: none;
    white-space: nowrap;
    padding: 0 0.5em;
    border-radius: 999px;
    line-height: 1.5;
    font-weight: 600;
    color: #116329;
    background: #dafbe1;
  }
  .badge.het-hieu-luc-mot-phan {
    color: #7d4e00;
    background: #fff8c5;
  }
  .badge.het-hieu-luc-toan-bo {
    color: #82071e;
    background: #ffebe9;
  }
  .badge.chua-co-hieu-luc {
    color: #0a3069;
    background: #ddf4ff;
  }
  .badge.ngung-hieu-luc {
    color: #424a53;
    background: #eaeef2;
  }
  .skeleton.bar-number {
    width: 40%;
    height: 0.9em;
    align-self: center;
  }
  .skeleton.bar-line {
    height: 0.9em;
    margin: 0.275em 0;
  }
  .skeleton.bar-line.short {
    width: 70%;
  }
  .skeleton.bar-meta {
    width: 55%;
    height: 0.9em;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    min-height: calc(44px + 0.5em);
    padding-top: 0.5em;
  }
  /* 44px at any font size (two lines of text fit too), so the footer is as tall loaded as it was reserved. */
  .footer button {
    min-height: 44px;
    padding-block: 0;
    /* Two lines and the border in 44px up to a 21px font; larger text keeps its spacing and the row grows. */
    line-height: clamp(1.05em, 21px, 1.25em);
  }
  .empty {
    margin: 0.5em 0;
    color: var(--_muted);
  }
  .more-error {
    font-size: 0.875em;
  }
`;
