// Requests: a page of N cards (compact, and full with their activity), counting what reaches the
// adapter through the client.
import '@rapport/widgets/all';
import {createClient} from '@rapport/core';
import {backend, until} from './shared.js';

const adapter = backend();
const ids = adapter.data.customers.map((c) => c.id);

window.bench = {
  /** `n` cards showing `distinct` different customers. */
  async page(n, distinct, variant) {
    const requests = [];
    const client = createClient(adapter, {
      hooks: {
        onRequest: (e) =>
          requests.push({
            resource: e.resource,
            operation: e.operation,
            ids: e.ids ?? (e.customerId ? [e.customerId] : []),
          }),
      },
    });
    const provider = document.createElement('rapport-provider');
    provider.client = client;
    for (let i = 0; i < n; i++) {
      const card = document.createElement('rapport-customer-card');
      card.customerId = ids[i % distinct];
      card.variant = variant;
      provider.append(card);
    }
    document.body.append(provider);
    const cards = [...provider.children];
    // Every card shows its customer; the cards on screen also their activity (read only near the viewport).
    await until(() => cards.every((c) => c.shadowRoot?.querySelector('[part~="name"]')));
    const onScreen = cards.filter((c) => c.getBoundingClientRect().top < innerHeight);
    await until(
      () =>
        variant === 'compact' ||
        onScreen.every((c) => c.shadowRoot?.querySelector('[part~="footer"] span:not(.skeleton)')),
    );
    provider.remove();
    const reads = requests.filter((r) => r.resource === 'customers' && r.operation === 'read');
    const requested = reads.flatMap((r) => r.ids);
    return {
      batchedCalls: reads.length,
      idsRequested: requested.length,
      duplicateIds: requested.length - new Set(requested).size,
      maxBatch: adapter.capabilities.maxBatchSize,
      listCalls: requests.filter((r) => r.operation === 'list').length,
    };
  },
};
