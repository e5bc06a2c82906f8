import {css} from 'lit';

// Series colours: --rapport-chart-1 (the accent by default) to -4. Points show a ring when focused.
export const reportStyles = css`
  :host {
    --_s0: var(--rapport-chart-1, var(--_accent));
    --_s1: var(--rapport-chart-2, #c2410c);
    --_s2: var(--rapport-chart-3, #6d28d9);
    --_s3: var(--rapport-chart-4, #a16207);
  }
  .title {
    margin: 0;
    font-size: 1.1em;
  }
  .range,
  .focused {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    min-height: 1.4em;
  }
  figure {
    margin: 0;
  }
  .chart {
    display: block;
    width: 100%;
    height: auto;
    overflow: visible;
  }
  .grid {
    stroke: var(--_border);
  }
  .tick {
    fill: var(--_muted);
    font-size: 11px;
  }
  .point > rect {
    stroke: none;
  }
  .line {
    stroke-width: 2;
  }
  path.line {
    fill: none;
  }
  .gap {
    fill: transparent;
    stroke: none;
  }
  .point:focus {
    outline: none;
  }
  .point:focus > :not(.gap) {
    stroke: var(--_text);
    stroke-width: 2;
  }
  .point:focus > .gap {
    fill: var(--_subtle);
  }
  .s0 {
    --_s: var(--_s0);
  }
  .s1 {
    --_s: var(--_s1);
  }
  .s2 {
    --_s: var(--_s2);
  }
  .s3 {
    --_s: var(--_s3);
  }
  .point,
  .line {
    fill: var(--_s);
    stroke: var(--_s);
  }
  .swatch {
    background: var(--_s);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0 0 var(--_space);
  }
  .figures dt {
    color: var(--_muted);
  }
  .figures dd {
    margin: 0;
    font-size: 1.3em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    padding: 0;
    margin: 0 0 var(--_space);
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-end: 0.3em;
    border-radius: 2px;
  }
  table {
    border-collapse: collapse;
    margin-block: var(--_space);
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.25em 0.6em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }
  td {
    text-align: end;
  }
  details {
    margin-block: var(--_space);
  }
`;
