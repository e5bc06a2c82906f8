// Render cost, Rapport: N customer cards inside a provider, loading through the client from the memory
// backend, measured from insertion until every card shows its customer and its activity, laid out.
import '@rapport/widgets/all';
import {createClient} from '@rapport/core';
import {backend, measureMount, until} from './shared.js';

const adapter = backend();
const ids = adapter.data.customers.map((c) => c.id);

window.bench = {
  mount(n, variant = 'full') {
    return measureMount(n, async () => {
      const provider = document.createElement('rapport-provider');
      provider.client = createClient(adapter);
      provider.viewerRole = 'agent';
      for (let i = 0; i < n; i++) {
        const card = document.createElement('rapport-customer-card');
        card.customerId = ids[i % ids.length];
        card.variant = variant;
        provider.append(card);
      }
      document.body.append(provider);
      const cards = [...provider.children];
      // Every card shows its customer; the cards on screen also their activity (read only near the viewport).
      await until(() =>
        cards.every((c) =>
          c.shadowRoot?.querySelector(variant === 'full' ? '[part~="body"]' : '[part~="name"]'),
        ),
      );
      const onScreen =
        variant === 'full' ? cards.filter((c) => c.getBoundingClientRect().top < innerHeight) : [];
      await until(() =>
        onScreen.every((c) => c.shadowRoot?.querySelector('[part~="footer"] span:not(.skeleton)')),
      );
      return provider;
    });
  },
};
