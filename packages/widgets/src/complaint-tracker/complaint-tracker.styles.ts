import {css} from 'lit';

// The customer's own replies lean to the end, the business's to the start, as in a conversation.
export const trackerStyles = css`
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
  .ref,
  .thread-title,
  .body p,
  .due {
    margin: 0;
  }
  .due,
  .meta,
  .no-replies {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .body,
  .thread {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .update {
    max-width: 85%;
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  [data-author='customer'] {
    align-self: flex-end;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
