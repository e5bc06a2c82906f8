// The floor: the smallest useful LitElement, so Lit's own weight is visible.
import {LitElement, css, html} from 'lit';

class MinimalCard extends LitElement {
  static properties = {name: {}};
  static styles = css`
    :host {
      display: block;
    }
  `;
  render() {
    return html`<p>${this.name}</p>`;
  }
}
customElements.define('minimal-card', MinimalCard);
