// Data and configuration text always render as text: every naughty string, in every text field of a
// customer and of the complaint form, executes nothing and is shown exactly as it was given.
import {expect, fixture, html} from '@open-wc/testing';
import '@rapport/widgets/all';
import {createClient, type CrmAdapter, type Customer} from '@rapport/core';
import type {RapportComplaintForm, RapportCustomerCard, RapportProvider} from '@rapport/widgets';
import {demoClient, inside, naughtyStrings, until} from '../test-support/support.js';

declare global {
  interface Window {
    __rapportCanary: number;
  }
}

// Payloads that would bump the canary if anything ever ran them, on top of the list's alert() ones.
const canaries = [
  '<img src=x onerror="window.__rapportCanary++">',
  '<script>window.__rapportCanary++</script>',
  'javascript:window.__rapportCanary++',
  '"><svg onload="window.__rapportCanary++">',
  '<iframe srcdoc="<script>parent.__rapportCanary++</script>"></iframe>',
];

describe('rendering untrusted text', () => {
  let executions = 0;
  const trapped = {alert: window.alert, confirm: window.confirm, prompt: window.prompt};
  before(() => {
    window.__rapportCanary = 0;
    window.alert = () => void executions++;
    window.confirm = () => (executions++, false);
    window.prompt = () => (executions++, null);
  });
  after(() => Object.assign(window, trapped));

  it('shows every naughty string in every text field of a customer card as text, running nothing', async () => {
    const strings = [...(await naughtyStrings()), ...canaries];
    const {adapter} = demoClient();
    const base = adapter.data.customers[0]!;
    const customer = (i: number): Customer => {
      const s = strings[i]!;
      return {
        ...base,
        id: `n-${i}`,
        displayName: s,
        company: s,
        email: s,
        phone: s,
        avatarUrl: s,
        tags: [s],
        segment: s as never,
        lifecycleStage: s as never,
        customFields: {preferred_store: s, membership_number: s, birthday: s},
      };
    };
    const naughty: CrmAdapter = {
      ...adapter,
      resources: {
        ...adapter.resources,
        customers: {
          read: async (ids) => ids.map((id) => ({id, record: customer(Number(id.slice(2)))})),
        },
      },
    };
    const client = createClient(naughty);
    for (let start = 0; start < strings.length; start += 100) {
      const ids = strings.slice(start, start + 100).map((_, i) => `n-${start + i}`);
      const provider = await fixture<RapportProvider>(
        html`<rapport-provider .client=${client} viewer-role="supervisor">
          ${ids.map((id) => html`<rapport-customer-card customer-id=${id}></rapport-customer-card>`)}
        </rapport-provider>`,
      );
      const cards = [...provider.querySelectorAll<RapportCustomerCard>('rapport-customer-card')];
      await until(() => cards.every((c) => inside(c, '[part~="name"]')), 'the cards');
      cards.forEach((card, i) => {
        const s = strings[start + i]!;
        expect(inside(card, '[part~="name"]')!.textContent, JSON.stringify(s)).to.equal(s);
        expect(
          card.shadowRoot!.querySelectorAll('script, iframe, svg, object, embed'),
        ).to.have.length(0);
        for (const img of card.shadowRoot!.querySelectorAll('img'))
          expect(img.getAttribute('src')).to.match(/^https:\/\//);
        for (const a of card.shadowRoot!.querySelectorAll('a'))
          expect(a.getAttribute('href')).to.match(/^(mailto:|tel:|https:\/\/)/);
      });
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(executions).to.equal(0);
    expect(window.__rapportCanary).to.equal(0);
  });

  it('keeps every naughty string typed into the complaint form, and shows submitted ones as text', async () => {
    const strings = [...(await naughtyStrings()), ...canaries];
    const {client} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form .client=${client}></rapport-complaint-form>`,
    );
    const ids = ['contactName', 'contactEmail', 'subject', 'description'];
    for (const s of strings) {
      for (const id of ids) {
        const input = inside<HTMLInputElement>(form, `#f-${id}`)!;
        input.value = s;
        input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
        input.dispatchEvent(new FocusEvent('focusout', {bubbles: true, composed: true}));
      }
      await form.updateComplete;
      for (const id of ids) {
        const input = inside<HTMLInputElement>(form, `#f-${id}`)!;
        // The browser's own value sanitizing is all that may change a value: single-line inputs drop line
        // breaks, e-mail inputs also trim ASCII whitespace, textareas normalize line breaks.
        const expected =
          input.tagName === 'TEXTAREA'
            ? s.replace(/\r\n?/g, '\n')
            : input.type === 'email'
              ? s.replace(/[\r\n]/g, '').replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')
              : s.replace(/[\r\n]/g, '');
        expect(input.value, JSON.stringify(s)).to.equal(expected);
      }
    }
    // Complaints whose subjects are naughty strings, shown back in a card's activity.
    const subjects = strings
      .filter((s) => s.trim() !== '' && Array.from(s).length <= 200)
      .slice(-60);
    for (const subject of subjects) {
      await client.create('complaints', {
        customerId: 'c-001',
        channel: 'web',
        category: 'other',
        severity: 'low',
        subject,
        description: 'Naughty string test.',
      });
    }
    const card = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card customer-id="c-001" .client=${client}></rapport-customer-card>`,
    );
    await until(() => inside(card, '[part~="footer"] time'), 'the activity');
    expect(inside(card, '[part~="footer"]')!.textContent).to.contain(subjects.at(-1)!.trim());
    await new Promise((r) => setTimeout(r, 200));
    expect(executions).to.equal(0);
    expect(window.__rapportCanary).to.equal(0);
  });
});
