// The HubSpot half of the render parity suite (the Lit half is packages/widgets'
// src/customer-card/render-parity.test.ts): the same cases, the same expected labels.
import {DescriptionListItem, Heading} from '@hubspot/ui-extensions';
import {createRenderer} from '@hubspot/ui-extensions/testing';
import {describe, expect, it} from 'vitest';
import {memoryAdapter} from '@rapport/adapter-memory';
import {createClient} from '@rapport/core';
// As RapportCard.tsx, the app's entry, registers it.
import '@rapport/widgets/translations/zh-CN.js';
import {
  cardLabels,
  parityCases,
} from '../../../../../../packages/widgets/test-support/render-parity.js';
import {CustomerCard} from './index.js';

const asOf = new Date('2026-11-01T00:00:00Z');

describe('the render plan, as the HubSpot card shows it', () => {
  for (const parity of parityCases)
    it(`lists the fields of the plan, in its order with its labels: ${parity.name}`, async () => {
      const client = createClient(memoryAdapter({asOf, size: 30}));
      const {render, find, findAll, waitFor} = createRenderer('crm.record.tab');
      render(
        <CustomerCard
          client={client}
          customization={parity.customization}
          viewerRole={parity.role}
          locale={parity.locale}
          customerId="c-001"
        />,
      );
      await waitFor(() => expect(find(Heading).text).toBeTruthy());
      const labels = findAll(DescriptionListItem).map((item) => item.props.label);
      expect(labels).toEqual(cardLabels(parity));
      for (const label of parity.shows) expect(labels).toContain(label);
      for (const label of parity.hides) expect(labels).not.toContain(label);
    });
});
