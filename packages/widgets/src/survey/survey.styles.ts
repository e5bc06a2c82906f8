import {css} from 'lit';

export const surveyStyles = css`
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.75);
    margin-block-start: var(--_space);
  }
  .csat .scale {
    flex-direction: column;
  }
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .option input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .number {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: 4px;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .question[aria-invalid='true'] .option {
    border-color: var(--_danger);
  }
  .question .error {
    margin: 4px 0 0;
  }
  .thanks .title {
    margin: 0;
  }
  .thanks:focus {
    outline: none;
  }
`;
