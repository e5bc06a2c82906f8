import {css} from 'lit';

// The badge variant is sized by its content and sits on the text's baseline, like any badge: no
// containment there.
export const loyaltyStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space);
  }
  .balance {
    margin: 0;
  }
  .amount {
    font-size: 2em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    color: var(--_text);
  }
  .unit {
    color: var(--_muted);
    margin-inline-start: 0.3em;
  }
  .tier {
    --_tier: var(--tier-color, var(--_accent));
    border: 1px solid var(--_tier);
    color: var(--_text);
    font-weight: 600;
  }
  .progress {
    margin-top: var(--_space);
  }
  .track {
    height: 8px;
    border-radius: 999px;
    background: var(--_subtle);
    overflow: hidden;
  }
  .bar {
    height: 100%;
    background: var(--_accent);
    transform-origin: left;
    transform: scaleX(var(--progress, 0));
  }
  .hint {
    margin: calc(var(--_space) * 0.5) 0 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul {
    list-style: none;
    margin: var(--_space) 0 0;
    padding: 0;
    font-size: 0.9em;
  }
  li + li {
    margin-top: 2px;
  }
  .expiring {
    color: var(--_danger);
  }
  .extra {
    margin-top: var(--_space);
  }
  :host([variant='badge']) {
    display: inline-block;
    margin-block-end: 0;
  }
  :host([variant='badge']) .base {
    contain: none;
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.25em 0.75em;
    border-radius: 999px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bar {
      transition: transform 0.6s ease-out;
    }
    .amount.changed {
      animation: flash 0.8s ease-out;
    }
    @keyframes flash {
      from {
        color: var(--_accent);
      }
    }
  }
`;
