import { css } from 'lit';

/**
 * Every item has the same height whatever its text (the abstract is clamped), and the skeleton
 * uses the same boxes, so the list does not move when data replaces the placeholders.
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
    grid-template-rows: var(--_row) calc(var(--_abstract-lines) * var(--_abstract-line)) var(--_row);
    row-gap: 0.25em;
    height: calc(2 * var(--_row) + var(--_abstract-lines) * var(--_abstract-line) + 0.5em + 1.25em + 1px);
    padding: 0.625em 0;
    border-top: 1px solid var(--_border);
    overflow: hidden;
  }
  :host([compact]) .item {
    grid-template-rows: calc(var(--_abstract-lines) * var(--_abstract-line)) var(--_row);
    height: calc(var(--_row) + var(--_abstract-lines) * var(--_abstract-line) + 0.25em + 1em + 1px);
    padding: 0.5em 0;
  }
  .item:first-child {
    border-top-color: transparent;
  }
  .number {
    font-size: 0.875em;
    line-height: calc(var(--_row) / 0.875 * 1);
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
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
    align-items: center;
    gap: 0.5em;
    min-width: 0;
    font-size: 0.8125em;
    line-height: calc(var(--_row) / 0.8125 * 1);
    color: var(--_muted);
    white-space: nowrap;
  }
  .meta .number {
    font-size: 1em;
    line-height: inherit;
    color: var(--_text);
    flex: 0 1 auto;
  }
  .issuer {
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
    flex: 1 1 auto;
  }
  .date {
    flex: none;
  }
  .badge {
    flex: none;
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
  /* Exactly 44px at any font size, so the footer is as tall loaded as it was reserved. */
  .footer button {
    height: 44px;
    padding-block: 0;
  }
  .empty {
    margin: 0.5em 0;
    color: var(--_muted);
  }
  .more-error {
    font-size: 0.875em;
  }
`;
