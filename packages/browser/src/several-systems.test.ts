// Pages fed by several systems, each vendor adapter on its vendor's fake, composed with
// composeAdapters behind a real gateway on 127.0.0.1 (test-fixtures/several-systems.mjs). The page
// knows none of that: it has one client and one gateway.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient} from '@rapport/core';
import type {
  ComplaintSubmittedEvent,
  RapportComplaintForm,
  RapportCustomerCard,
  RapportLoyaltyBalance,
  RapportProvider,
} from '@rapport/widgets';
import {fill, inside, until} from '../../widgets/test-support/support.js';

interface Gateway {
  url: string;
  agentToken: string;
  customerToken: string;
}
const gateway = (payload: {role?: string; customerId?: string} = {}) =>
  executeServerCommand<Gateway, typeof payload>('rapport-several-systems', payload);
const tickets = () =>
  executeServerCommand<{subject: string; requesterId: number}[], undefined>(
    'rapport-several-systems-tickets',
  );

describe('one page, three systems: HubSpot customers, Zendesk complaints, LoyaltyLion points', () => {
  it('shows the HubSpot contact, the LoyaltyLion balance, and files the complaint as a Zendesk ticket', async () => {
    const {url, customerToken} = await gateway({customerId: 'mei.chen@example.com'});
    const client = createClient(httpAdapter({url, getToken: () => customerToken}));
    const provider =
      await fixture<RapportProvider>(html`<rapport-provider .client=${client} viewer-role="customer">
        <rapport-customer-card customer-id="mei.chen@example.com"></rapport-customer-card>
        <rapport-loyalty-balance customer-id="mei.chen@example.com"></rapport-loyalty-balance>
        <rapport-complaint-form customer-id="mei.chen@example.com"></rapport-complaint-form>
      </rapport-provider>`);

    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => inside(card, '[part~="name"]'), 'the card');
    expect(inside(card, '[part~="name"]')!.textContent).to.contain('Mei Chen');

    const balance = provider.querySelector<RapportLoyaltyBalance>('rapport-loyalty-balance')!;
    await until(() => inside(balance, '[part~="tier"]'), 'the balance');
    expect(inside(balance, '.amount')!.textContent).to.equal(
      new Intl.NumberFormat('en').format(820),
    );
    expect(inside(balance, '[part~="tier"]')!.textContent).to.contain('Silver');

    const form = provider.querySelector<RapportComplaintForm>('rapport-complaint-form')!;
    await until(() => inside(form, '#f-category'), 'the form');
    fill(form, {
      category: 'delivery',
      severity: 'high',
      subject: 'Parcel arrived crushed',
      description: 'The box was crushed and the vase inside is broken.',
    });
    setTimeout(() => inside<HTMLButtonElement>(form, '[part~="submit"]')!.click());
    const {complaint} = (await oneEvent(
      form,
      'rapport-complaint-submitted',
    )) as ComplaintSubmittedEvent;
    expect(complaint.reference).to.match(/^ZD-\d+$/);
    expect(await tickets()).to.deep.include({subject: 'Parcel arrived crushed', requesterId: 2001});
    // The card lists the customer's complaints from Zendesk too: the new ticket shows there.
    await until(
      () => /Parcel arrived crushed/.test(inside(card, '[part~="footer"]')?.textContent ?? ''),
      'the card to show the new complaint',
    );
  });

  it("keeps another customer's balance from a customer token, whichever system holds it", async () => {
    const {url, customerToken} = await gateway({customerId: 'mei.chen@example.com'});
    const balance = await fixture<RapportLoyaltyBalance>(
      html`<rapport-loyalty-balance customer-id="ada.lovelace@example.com" .client=${createClient(httpAdapter({url, getToken: () => customerToken}))}></rapport-loyalty-balance>`,
    );
    await until(() => inside(balance, '[data-state="forbidden"]'), 'the forbidden state');
    expect(inside(balance, '.amount')).to.be.null;
  });
});

describe('one page, two systems: Salesforce contacts and Cases, LoyaltyLion points', () => {
  it('renders all three widgets and files the complaint as a Salesforce Case', async () => {
    const [mei] = await executeServerCommand<string[], undefined>('rapport-salesforce-customers');
    const {url, agentToken} = await executeServerCommand<Gateway, {role: string}>(
      'rapport-salesforce',
      {role: 'agent'},
    );
    const client = createClient(httpAdapter({url, getToken: () => agentToken}));
    const provider =
      await fixture<RapportProvider>(html`<rapport-provider .client=${client} viewer-role="agent">
        <rapport-customer-card customer-id=${mei!}></rapport-customer-card>
        <rapport-loyalty-balance customer-id=${mei!}></rapport-loyalty-balance>
        <rapport-complaint-form customer-id=${mei!}></rapport-complaint-form>
      </rapport-provider>`);

    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => inside(card, '[part~="name"]'), 'the card');
    expect(inside(card, '[part~="name"]')!.textContent).to.contain('Mei Chen');
    const balance = provider.querySelector<RapportLoyaltyBalance>('rapport-loyalty-balance')!;
    await until(() => inside(balance, '[part~="tier"]'), 'the balance');
    expect(inside(balance, '.amount')!.textContent).to.equal(
      new Intl.NumberFormat('en').format(820),
    );
    expect(inside(balance, '[part~="tier"]')!.textContent).to.contain('Silver');

    const form = provider.querySelector<RapportComplaintForm>('rapport-complaint-form')!;
    await until(() => inside(form, '#f-category'), 'the form');
    fill(form, {
      category: 'product',
      severity: 'medium',
      subject: 'Kettle stopped heating',
      description: 'The kettle stopped heating after two weeks of use.',
    });
    setTimeout(() => inside<HTMLButtonElement>(form, '[part~="submit"]')!.click());
    const {complaint} = (await oneEvent(
      form,
      'rapport-complaint-submitted',
    )) as ComplaintSubmittedEvent;
    expect(complaint.customerId).to.equal(mei);
    expect(
      await executeServerCommand<{subject: string; contactId: string}[], undefined>(
        'rapport-salesforce-cases',
      ),
    ).to.deep.include({subject: 'Kettle stopped heating', contactId: mei});
    await until(
      () => /Kettle stopped heating/.test(inside(card, '[part~="footer"]')?.textContent ?? ''),
      'the card to show the new Case',
    );
  });
});
