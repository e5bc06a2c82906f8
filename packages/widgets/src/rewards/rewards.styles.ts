import {css} from 'lit';

// The code box selects as one piece (user-select: all), so a person who copies by hand takes the
// whole code and nothing around it.
export const rewardsStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .balance,
  .name,
  .title,
  p {
    margin: 0;
  }
  .amount {
    font-size: 1.6em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .unit,
  .hint,
  .when,
  .reason {
    color: var(--_muted);
  }
  .tier {
    border-color: var(--_accent);
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .benefits li::before {
    content: '✓ ' / '';
    color: var(--_success);
  }
  .header {
    margin-bottom: calc(var(--_space) * 2);
  }
  .reward {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5) 0;
    border-top: 1px solid var(--_border);
  }
  .name,
  .title {
    font-weight: 600;
  }
  .fields .pair {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.5em;
  }
  .confirm,
  .outcome {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_accent);
    border-radius: calc(var(--_radius) * 0.6);
  }
  .outcome {
    margin-bottom: calc(var(--_space) * 2);
    align-items: flex-start;
  }
  .actions,
  .code-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .error {
    color: var(--_danger);
  }
  .code {
    font-family: ui-monospace, monospace;
    font-size: 1.3em;
    letter-spacing: 0.08em;
    padding: 0.2em 0.6em;
    border: 2px dashed var(--_accent);
    border-radius: calc(var(--_radius) * 0.5);
    user-select: all;
  }
  .code.small {
    font-size: 0.95em;
    border-width: 1px;
  }
  .history {
    margin-top: calc(var(--_space) * 2);
  }
  .disclosure::after {
    content: ' ▸' / '';
  }
  .disclosure[aria-expanded='true']::after {
    content: ' ▾' / '';
  }
  .lines li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    padding: 4px 0;
  }
  .points {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    color: var(--_success);
  }
  .points.taken,
  .expiring {
    color: var(--_danger);
  }
  .reason {
    flex-basis: 100%;
    font-size: 0.9em;
  }
`;
