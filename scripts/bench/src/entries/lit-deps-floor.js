// The second floor: the smallest LitElement that uses what every Rapport widget builds on (a context
// consumer from @lit/context, a Task from @lit/task, the property and state decorators' runtime), so
// the weight no widget can shed is visible.
import {ContextConsumer, createContext} from '@lit/context';
import {Task} from '@lit/task';
import {LitElement, css, html} from 'lit';

const environment = createContext('environment');

class MinimalDataCard extends LitElement {
  static properties = {name: {}, loaded: {state: true}};
  static styles = css`
    :host {
      display: block;
    }
  `;
  environment = new ContextConsumer(this, {context: environment, subscribe: true});
  task = new Task(this, {
    task: async ([name]) => `${name}`,
    args: () => [this.name],
  });
  render() {
    return this.task.render({
      pending: () => html`<p>…</p>`,
      complete: (text) => html`<p>${text}</p>`,
    });
  }
}
customElements.define('minimal-data-card', MinimalDataCard);
