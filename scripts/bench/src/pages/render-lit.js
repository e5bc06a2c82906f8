// Render cost, a minimal LitElement: the same card as a bare Lit component given its data.
import {LitElement, css, html, unsafeCSS} from 'lit';
import {cardCss, cardData} from './cards-data.js';
import {measureMount} from './shared.js';

class BareCard extends LitElement {
  static properties = {data: {attribute: false}};
  static styles = css`
    :host {
      display: block;
    }
    ${unsafeCSS(cardCss)}
  `;
  render() {
    const d = this.data;
    return html`<article class="card">
      <header>
        <div class="avatar">${d.initials}</div>
        <div><p class="name">${d.name}</p><p class="company">${d.company}</p><div class="badges">${d.badges.map((b) => html`<span class="badge">${b}</span>`)}</div></div>
      </header>
      <div class="grid">${d.fields.map(([label, value]) => html`<dl><dt>${label}</dt><dd>${value}</dd></dl>`)}</div>
      <footer><span>${d.open ? `${d.open} open complaints` : 'No open complaints'}</span><span>Last contact: ${d.last}</span></footer>
    </article>`;
  }
}
customElements.define('bare-card', BareCard);
const data = cardData();

window.bench = {
  mount(n) {
    return measureMount(n, async () => {
      const container = document.createElement('div');
      const cards = [];
      for (let i = 0; i < n; i++) {
        const card = document.createElement('bare-card');
        card.data = data[i % data.length];
        container.append(card);
        cards.push(card);
      }
      document.body.append(container);
      await Promise.all(cards.map((c) => c.updateComplete));
      return container;
    });
  },
};
