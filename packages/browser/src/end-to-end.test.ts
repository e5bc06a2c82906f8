// Widgets, client, HTTP adapter and a real gateway on 127.0.0.1 over the memory backend: what a page
// embedding Rapport against its own server does.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient, type ComplaintInput, type RequestErrorEvent} from '@rapport/core';
import {defaultCustomization} from '@rapport/schema';
import type {
  ComplaintSubmittedEvent,
  RapportComplaintForm,
  RapportCustomerCard,
  RapportProvider,
} from '@rapport/widgets';
import {fill, inside, until} from '../../widgets/test-support/support.js';

interface Gateway {
  url: string;
  agentToken: string;
  customerToken: string;
}
const gateway = (payload: {role?: string; customerId?: string} = {}) =>
  executeServerCommand<Gateway, typeof payload>('rapport-gateway', payload);

describe('end to end: widgets → client → adapter-http → gateway → memory backend', () => {
  afterEach(() => executeServerCommand('rapport-gateway-faults', null));

  it('shows a customer their own card, without what their role may not see, and takes their complaint', async () => {
    const {url, customerToken} = await gateway({customerId: 'c-003'});
    const client = createClient(httpAdapter({url, getToken: () => customerToken}));
    const provider =
      await fixture<RapportProvider>(html`<rapport-provider .client=${client} viewer-role="customer">
      <rapport-customer-card customer-id="c-003"></rapport-customer-card>
      <rapport-complaint-form customer-id="c-003"></rapport-complaint-form>
    </rapport-provider>`);
    const card = provider.querySelector<RapportCustomerCard>('rapport-customer-card')!;
    await until(() => inside(card, '[part~="name"]'), 'the card');
    expect(inside(card, '.badge.segment')).to.be.null;

    const form = provider.querySelector<RapportComplaintForm>('rapport-complaint-form')!;
    fill(form, {
      category: 'service',
      severity: 'medium',
      subject: 'e2e: rude reply',
      description: 'The reply to my e-mail was rude.',
    });
    setTimeout(() => inside<HTMLButtonElement>(form, '[part~="submit"]')!.click());
    const {complaint} = (await oneEvent(
      form,
      'rapport-complaint-submitted',
    )) as ComplaintSubmittedEvent;
    expect(complaint.customerId).to.equal('c-003');
    expect(
      await executeServerCommand('rapport-gateway-subjects', {prefix: 'e2e: rude'}),
    ).to.deep.equal(['e2e: rude reply']);
    await until(
      () => /e2e: rude reply/.test(inside(card, '[part~="footer"]')?.textContent ?? ''),
      'the card to show the new complaint',
    );
  });

  it("refuses another customer's card to a customer token", async () => {
    const {url, customerToken} = await gateway({customerId: 'c-003'});
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-004" .client=${createClient(httpAdapter({url, getToken: () => customerToken}))}></rapport-customer-card>`,
    );
    await until(() => inside(card, '[data-state="forbidden"]'), 'the forbidden state');
  });

  it("refuses another customer's complaint form to a customer token before anything is typed", async () => {
    const {url, customerToken} = await gateway({customerId: 'c-003'});
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-004" .client=${createClient(httpAdapter({url, getToken: () => customerToken}))}></rapport-complaint-form>`,
    );
    await until(() => inside(form, '[data-state="forbidden"]'), 'the forbidden state');
    expect(inside(form, '#f-subject')).to.be.null;
  });

  it("shows the customer's own card beside a stranger's, from one batched read", async () => {
    const {url, customerToken} = await gateway({customerId: 'c-003'});
    const reads: string[] = [];
    const client = createClient(httpAdapter({url, getToken: () => customerToken}), {
      hooks: {onRequest: (event) => event.operation === 'read' && reads.push(event.resource)},
    });
    const provider = await fixture<RapportProvider>(html`<rapport-provider .client=${client}>
      <rapport-customer-card customer-id="c-003"></rapport-customer-card>
      <rapport-customer-card customer-id="c-004"></rapport-customer-card>
    </rapport-provider>`);
    const [own, other] = provider.querySelectorAll<RapportCustomerCard>('rapport-customer-card');
    await until(() => inside(other!, '[data-state="forbidden"]'), "the stranger's card refused");
    await until(() => inside(own!, '[part~="name"]'), 'the own card');
    expect(inside(own!, '[data-state="forbidden"]')).to.be.null;
    expect(reads.filter((r) => r === 'customers')).to.have.length(1, 'one batch for both cards');
  });

  it("shows the gateway's per-field refusals beside the fields, keeping what the person typed", async () => {
    const {url, customerToken} = await gateway({customerId: 'c-003'});
    const client = createClient(httpAdapter({url, getToken: () => customerToken}));
    // The page's document is looser than the gateway's: the server's rules still hold.
    const loose = structuredClone(defaultCustomization);
    delete loose.fields.description!.validation!.minLength;
    delete loose.fields.orderNumber!.validation!.pattern;
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-003" .client=${client} .customization=${loose}></rapport-complaint-form>`,
    );
    await until(() => inside(form, '#f-category'), 'the form');
    fill(form, {
      category: 'delivery',
      severity: 'medium',
      subject: 'e2e: server rules',
      description: 'Too short',
    });
    await until(() => inside(form, '#f-orderNumber'), 'the order number field');
    fill(form, {orderNumber: 'order 12'});
    setTimeout(() => inside<HTMLButtonElement>(form, '[part~="submit"]')!.click());
    await oneEvent(form, 'rapport-complaint-failed');
    await until(() => inside(form, '#f-description-error'), 'the description message');
    const description = inside<HTMLTextAreaElement>(form, '#f-description')!;
    expect(description.value).to.equal('Too short');
    expect(description.getAttribute('aria-invalid')).to.equal('true');
    expect(inside(form, '#f-orderNumber-error')!.textContent).to.match(/SO-123456/);
    expect(inside<HTMLInputElement>(form, '#f-orderNumber')!.value).to.equal('order 12');
    expect(
      await executeServerCommand('rapport-gateway-subjects', {prefix: 'e2e: server rules'}),
    ).to.deep.equal([], 'nothing was stored');
  });

  it('stores exactly 1,000 complaints, none twice, through 30% transient failures and 429s', async () => {
    const {url, agentToken} = await gateway();
    await executeServerCommand('rapport-gateway-faults', {
      rate: 0.3,
      kinds: ['unavailable', 'timeout', 'rate_limited'],
      retryAfterMs: 5,
      seed: 7,
    });
    const errors: RequestErrorEvent[] = [];
    const client = createClient(httpAdapter({url, getToken: () => agentToken}), {
      retry: {attempts: 12, baseDelayMs: 2, maxDelayMs: 20},
      hooks: {onError: (e) => errors.push(e)},
    });
    const input = (i: number): ComplaintInput => ({
      customerId: `c-0${String((i % 50) + 1).padStart(2, '0')}`,
      channel: 'web',
      category: 'delivery',
      severity: 'low',
      subject: `bulk-${i}`,
      description: 'Sent through simulated failures.',
    });
    for (let start = 0; start < 1000; start += 100) {
      await Promise.all(
        Array.from({length: 100}, (_, i) => client.create('complaints', input(start + i))),
      );
    }
    const stored = await executeServerCommand<string[], {prefix: string}>(
      'rapport-gateway-subjects',
      {prefix: 'bulk-'},
    );
    expect(stored.length).to.equal(1000);
    expect(new Set(stored).size).to.equal(1000);
    const codes = new Set(errors.map((e) => (e.error as {code?: string}).code));
    expect([...codes].sort()).to.deep.equal(['rate_limited', 'timeout', 'unavailable']);
    expect(errors.length).to.be.greaterThan(300);
  });
});
