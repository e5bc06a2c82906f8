import {css} from 'lit';

// The customer's own replies lean to the end, the business's to the start, as in a conversation.
export const trackerStyles = css`
  .title {
    margin: 0 0 var(--_space);
    font-size: 1.15em;
    font-weight: 600;
  }
  .complaints,
  .thread {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .complaint {
    border-top: 1px solid var(--_border);
    padding: var(--_space) 0;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    width: 100%;
    text-align: start;
    background: transparent;
    color: var(--_text);
    border-color: transparent;
  }
  .summary::before {
    content: '▸' / '';
    color: var(--_muted);
  }
  .summary[aria-expanded='true']::before {
    content: '▾' / '';
  }
  .reference {
    font-weight: 600;
  }
  .subject {
    flex: 1 1 12em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .due,
  .count,
  .meta,
  .no-replies {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .due {
    padding-inline-start: calc(var(--_space) * 1.75);
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_space) 0 0 calc(var(--_space) * 1.75);
  }
  .fields {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .thread-title {
    margin: var(--_space) 0 0;
    font-weight: 600;
  }
  .thread {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .update {
    max-width: 85%;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .update[data-author='customer'] {
    align-self: flex-end;
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .change {
    margin: 0;
    font-weight: 600;
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .reply {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .form-control {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .label {
    font-weight: 600;
  }
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    padding: calc(var(--_space) * 0.75) var(--_space);
    width: 100%;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error,
  .failure {
    color: var(--_danger);
  }
  .failure,
  .notice {
    margin: 0;
    border: 1px solid var(--_danger);
    border-radius: calc(var(--_radius) * 0.6);
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  .failure p {
    margin: 0 0 4px;
  }
  .notice {
    border-color: var(--_border);
    color: var(--_success);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;
