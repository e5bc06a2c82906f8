// Start-up, the floor: a minimal LitElement page showing the same complaint form (the fields the
// default document gives an anonymous visitor), with labels, inputs, the description's character
// count in the locale's digits and a send button.
import {LitElement, html} from 'lit';

const fields = [
  ['contactName', 'Your name', 'text'],
  ['contactEmail', 'Your email', 'email'],
  ['category', 'What is it about?', 'select'],
  ['severity', 'How serious is it?', 'select'],
  ['subject', 'Headline', 'text'],
  ['description', 'What happened?', 'longtext'],
  ['orderNumber', 'Order number', 'text'],
];

const count = new Intl.NumberFormat(document.documentElement.lang || 'en');

class BareForm extends LitElement {
  render() {
    return html`<form novalidate>
      ${fields.map(
        ([id, label, type]) => html`<div>
          <label for=${`f-${id}`}>${label}</label>
          ${type === 'longtext' ? html`<textarea id=${`f-${id}`}></textarea><div>${count.format(0)} of ${count.format(5000)} characters</div>` : type === 'select' ? html`<select id=${`f-${id}`}><option value="">Choose…</option><option>Delivery</option><option>Product</option></select>` : html`<input id=${`f-${id}`} type=${type} />`}
        </div>`,
      )}
      <button type="submit">Send complaint</button>
    </form>`;
  }
}
customElements.define('bare-form', BareForm);
const form = document.createElement('bare-form');
document.body.append(form);
await form.updateComplete;
if (!form.shadowRoot.querySelector('#f-subject')) throw new Error('the form did not render');
window.result = {ms: performance.now() - globalThis.__t0};
