// The form machinery's look (fields, help and errors, submit and success), shared by every widget that
// takes input: the complaint form, the tracker's reply box, the survey.
import {css} from 'lit';

export const formStyles = css`
  .title {
    margin: 0 0 calc(var(--_space) * 1.5);
    font-size: 1.15em;
    font-weight: 600;
  }
  form {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.5);
  }
  .form-control {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .label {
    font-weight: 600;
  }
  .required {
    color: var(--_danger);
  }
  input:not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    padding: calc(var(--_space) * 0.75) var(--_space);
    width: 100%;
  }
  textarea {
    resize: vertical;
    min-height: 7em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  .help-text,
  .count {
    color: var(--_muted);
    font-size: 0.85em;
  }
  .error {
    color: var(--_danger);
    font-size: 0.9em;
  }
  .error-summary,
  .failure,
  .notice {
    border: 1px solid var(--_danger);
    border-radius: calc(var(--_radius) * 0.6);
    padding: var(--_space) calc(var(--_space) * 1.5);
    color: var(--_danger);
  }
  .notice {
    border-color: var(--_border);
    color: var(--_muted);
  }
  .error-summary p {
    margin: 0 0 4px;
    font-weight: 600;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .error-summary a {
    color: inherit;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .success {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
  }
  .success p {
    margin: 0;
  }
  .reference {
    font-size: 1.3em;
    font-weight: 700;
    letter-spacing: 0.03em;
  }
  .success:focus {
    outline: none;
  }
`;
