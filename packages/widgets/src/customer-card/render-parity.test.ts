// The Lit half of the render parity suite (the HubSpot half is hosts/hubspot's parity test).
import {expect, fixture, html} from '@open-wc/testing';
import '@rapport/widgets/customer-card';
import '@rapport/widgets/translations/zh-CN.js';
import type {RapportCustomerCard} from '@rapport/widgets';
import {cardLabels, parityCases} from '../../test-support/render-parity.js';
import {allInside, demoClient, inside, until} from '../../test-support/support.js';

describe('the render plan, as the Lit card shows it', () => {
  for (const parity of parityCases)
    it(`lists the fields of the plan, in its order with its labels: ${parity.name}`, async () => {
      const {client} = demoClient();
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          customer-id="c-001"
          .client=${client}
          .customization=${parity.customization}
          viewer-role=${parity.role}
          locale=${parity.locale}
        ></rapport-customer-card>`,
      );
      await until(() => inside(card, '[part~="name"]'), 'the card');
      const labels = allInside(card, 'dt').map((dt) => dt.textContent);
      expect(labels).to.deep.equal(cardLabels(parity));
      for (const label of parity.shows) expect(labels).to.include(label);
      for (const label of parity.hides) expect(labels).not.to.include(label);
    });
});
