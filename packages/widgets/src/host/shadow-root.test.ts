// In a file of its own: the mode holds for every element the page creates afterwards.
import {expect, fixture, html} from '@open-wc/testing';
import '@rapport/widgets/all';
import {setShadowRootMode, type RapportCustomerCard, type RapportProvider} from '@rapport/widgets';
import {demoClient, text, until} from '../../test-support/support.js';

describe('setShadowRootMode', () => {
  it('closes every Rapport shadow root created afterwards (as Lightning Web Security requires), and the widgets still work', async () => {
    setShadowRootMode('closed');
    const {client, adapter} = demoClient();
    const customer = adapter.data.customers.find((c) => c.kind === 'person')!;
    const provider = await fixture<RapportProvider>(
      html`<rapport-provider .client=${client}>
        <rapport-customer-card customer-id=${customer.id}></rapport-customer-card>
      </rapport-provider>`,
    );
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    expect(provider.shadowRoot).to.equal(null);
    expect(card.shadowRoot).to.equal(null);
    // Lit keeps the closed root as renderRoot, which is how the widget renders into it.
    const root = card.renderRoot as ShadowRoot;
    expect(root.mode).to.equal('closed');
    await until(() => text(root.querySelector('[part~="name"]')), 'the customer’s name');
    expect(text(root.querySelector('[part~="name"]'))).to.contain(customer.displayName);
  });
});
