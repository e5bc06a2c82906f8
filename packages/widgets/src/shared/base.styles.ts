import {css} from 'lit';

/** The dark values of the tokens, used by theme="dark", and by theme="auto" in the system's dark scheme. */
const darkTokens = css`
  --_accent: var(--rapport-color-accent-dark, var(--rapport-color-accent, #5fd3c9));
  --_accent-text: var(--rapport-color-accent-text-dark, #04211f);
  --_text: var(--rapport-color-text-dark, #e4e7eb);
  --_muted: var(--rapport-color-muted-dark, #a7b1bc);
  --_surface: var(--rapport-color-surface-dark, #1b2128);
  --_subtle: var(--rapport-color-subtle-dark, #262e37);
  --_border: var(--rapport-color-border-dark, #3a4450);
  --_danger: var(--rapport-color-danger-dark, #ff8a80);
  --_success: var(--rapport-color-success-dark, #6ce9a6);
`;

/**
 * Design tokens shared by every widget. Each reads a public --rapport-* property and falls back to a
 * default, light or dark. Light is the default; dark applies with theme="dark", or with theme="auto"
 * when the system's scheme is dark (the widget's own theme, else its provider's, set as data-theme);
 * a token's dark value is its --rapport-*-dark property.
 *
 * Layout every widget shares: a block with `--rapport-gap` (default 1rem) below it when another element
 * follows; a card (`.base`) that is its own layout island (`contain: content`); grids and rows whose
 * columns are at least 216 px wide, so they become one column when the widget is narrower than about
 * 480 px, however wide the page is (a CRM's sidebar); values that wrap anywhere rather than overflow
 * (long e-mail addresses).
 *
 * Grids: at most N columns, each at least `--_column` (216 px) wide, never wider than the widget;
 * sized by the grid's own width rather than a container query: making every widget a size
 * container was slower for 1,000 cards (style and layout 535 against 391 ms, median of 15 shows on a
 * shared machine). An empty value shows a dash
 * (`.empty::before`, silent) and says "Not set" to screen readers. `.required` (the mark after a
 * required field's label) never wraps, so it stays on the line of the label's last word.
 *
 * A widget with nothing to show (`data-quiet`, see widget.ts) takes no room, like `hidden`.
 *
 * (Comments live here rather than in the CSS: text inside css`` ships in every bundle.)
 */
export const baseStyles = css`
  :host {
    --_accent: var(--rapport-color-accent, #0b6e69);
    --_accent-text: var(--rapport-color-accent-text, #ffffff);
    --_text: var(--rapport-color-text, #1f2933);
    --_muted: var(--rapport-color-muted, #52606d);
    --_surface: var(--rapport-color-surface, #ffffff);
    --_subtle: var(--rapport-color-subtle, #f3f5f7);
    --_border: var(--rapport-color-border, #d9e2ec);
    --_danger: var(--rapport-color-danger, #b42318);
    --_success: var(--rapport-color-success, #027a48);
    --_radius: var(--rapport-radius, 10px);
    --_space: var(--rapport-spacing, 8px);
    --_font: var(
      --rapport-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      'PingFang SC',
      'Microsoft YaHei',
      sans-serif
    );
    --_font-size: var(--rapport-font-size, 14px);
    --_column: 216px;
    display: block;
    box-sizing: border-box;
    margin-block-end: var(--rapport-gap, 1rem);
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
  }
  :host(:last-child) {
    margin-block-end: 0;
  }
  :host([hidden]),
  :host([data-quiet]) {
    display: none;
  }
  :host([data-theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([data-theme='auto']) {
      ${darkTokens}
    }
  }
  .base,
  input,
  select,
  textarea,
  button {
    box-sizing: border-box;
  }
  .base {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    contain: content;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
    color: var(--_muted);
  }
  .state[data-kind='error'] {
    color: var(--_danger);
  }
  .skeleton {
    display: block;
    height: 0.9em;
    margin: 0.4em 0;
    border-radius: 4px;
    background: var(--_subtle);
  }
  .skeleton.wide {
    width: 70%;
  }
  .skeleton.narrow {
    width: 40%;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.7);
    border: 1px solid var(--_accent);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.75);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--_accent) 55%, transparent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.85em;
    background: var(--_subtle);
    color: var(--_text);
    border: 1px solid var(--_border);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .row > * {
    flex: 1 1 var(--_column);
    min-width: 0;
  }
  .grid {
    --_gap: calc(var(--_space) * 2);
    display: grid;
    gap: var(--_space) var(--_gap);
  }
  .grid.cols-2 {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, max(var(--_column), calc((100% - var(--_gap)) / 2))), 1fr));
  }
  .grid.cols-3 {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, max(var(--_column), calc((100% - 2 * var(--_gap)) / 3))), 1fr));
  }
  .grid.cols-4 {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, max(var(--_column), calc((100% - 3 * var(--_gap)) / 4))), 1fr));
  }
  .group {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .group.merged {
    display: contents;
  }
  .group-label {
    grid-column: 1 / -1;
    margin: calc(var(--_space) * 1.5) 0 0;
    font-size: 0.8em;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .pair {
    margin: 0;
    min-width: 0;
  }
  dt {
    font-size: 0.85em;
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  dd > .badge {
    margin: 0 4px 2px 0;
  }
  .empty::before {
    content: '—' / '';
  }
  .required {
    white-space: nowrap;
  }
`;
