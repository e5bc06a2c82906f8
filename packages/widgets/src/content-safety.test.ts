// A customization document and the data it shows cannot attack the page: theme tokens never make the
// browser fetch, a pattern never freezes the form, and an e-mail address never smuggles mailto:
// headers. Each also holds for a document that skipped validation (changed after it was checked).
import {expect, fixture, html} from '@open-wc/testing';
import '@rapport/widgets/all';
import {createClient, type CrmAdapter} from '@rapport/core';
import {
  defaultCustomization,
  resolveLayout,
  validateCustomization,
  validateValue,
  type CustomizationDocument,
} from '@rapport/schema';
import type {RapportComplaintForm, RapportCustomerCard} from '@rapport/widgets';
import {captureWarnings, demoClient, inside, text, until} from '../test-support/support.js';

const attacks = [
  'url(https://attacker.test/a)',
  'URL(https://attacker.test/b)',
  'u\\72l(https://attacker.test/c)',
  'image-set("https://attacker.test/d" 1x)',
  '-webkit-image-set(url(https://attacker.test/e) 1x)',
] as const;

/** Every inline property of an element, as `name: value`. */
const inlineStyle = (element: HTMLElement): string[] =>
  Array.from(element.style, (name) => `${name}: ${element.style.getPropertyValue(name)}`);

describe('theme tokens that try to fetch', () => {
  it('are refused by validateCustomization, and a widget given them reports the problem and sets no token', async () => {
    for (const value of attacks) {
      for (const token of ['surface', 'accent', 'radius', 'font']) {
        const document: CustomizationDocument = {
          ...structuredClone(defaultCustomization),
          theme: {tokens: {[token]: value}},
        };
        expect(
          validateCustomization(document).problems.map((p) => p.pointer),
          `${token}: ${value}`,
        ).to.deep.equal([`/theme/tokens/${token}`]);
      }
    }
    const {client} = demoClient();
    const warnings = captureWarnings();
    try {
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          customer-id="c-001"
          .client=${client}
          .customization=${{
            ...structuredClone(defaultCustomization),
            theme: {tokens: {surface: attacks[1]}},
          }}
        ></rapport-customer-card>`,
      );
      await until(() => inside(card, '[data-state="invalid-customization"]'), 'the problem');
      // The visitor reads a neutral sentence; the developer finds the problem in the console.
      expect(text(inside(card, '[data-state="invalid-customization"]'))).to.equal(
        'This information is not available right now.',
      );
      expect(warnings.messages.join('\n')).to.contain('/theme/tokens/surface');
      expect(inlineStyle(card)).to.deep.equal([]);
    } finally {
      warnings.restore();
    }
  });

  it('never reach the element’s style from a document changed after it was validated', async () => {
    const {client} = demoClient();
    const document = structuredClone(defaultCustomization);
    document.theme = {tokens: {accent: '#123456'}};
    const first = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id="c-001"
        .client=${client}
        .customization=${document}
      ></rapport-customer-card>`,
    );
    await until(() => inside(first, '[part~="name"]'), 'the first card');
    expect(first.style.getPropertyValue('--rapport-color-accent')).to.equal('#123456');

    // The widgets validate a document object once; what it holds afterwards is not checked again.
    Object.assign(document.theme, {
      tokens: {
        accent: '#654321',
        surface: attacks[0],
        border: attacks[1],
        muted: attacks[2],
        text: attacks[3],
        radius: attacks[4],
        font: attacks[0],
        constructor: 'red',
      } as never,
      dark: {surface: attacks[0], accent: '#abcdef'},
    });
    const second = await fixture<RapportCustomerCard>(
      html`<rapport-customer-card
        customer-id="c-001"
        .client=${client}
        .customization=${document}
      ></rapport-customer-card>`,
    );
    await until(() => inside(second, '[part~="name"]'), 'the second card');
    expect(inlineStyle(second), 'only the safe tokens are set').to.deep.equal([
      '--rapport-color-accent: #654321',
      '--rapport-color-accent-dark: #abcdef',
    ]);
    expect(getComputedStyle(inside(second, '.base')!).backgroundImage).to.equal('none');
  });
});

describe('a pattern that could backtrack catastrophically', () => {
  const withPattern = (pattern: string): CustomizationDocument => {
    const document = structuredClone(defaultCustomization);
    document.fields.subject!.validation = {required: true, pattern, message: 'Only the letter a.'};
    return document;
  };

  it('is refused by validateCustomization, and the complaint form shows the problem', async () => {
    const document = withPattern('(a+)+$');
    expect(
      validateCustomization(document).problems.map(({pointer, code}) => ({pointer, code})),
    ).to.deep.equal([{pointer: '/fields/subject/validation/pattern', code: 'unsafe-pattern'}]);
    const {client} = demoClient();
    const warnings = captureWarnings();
    try {
      const form = await fixture<RapportComplaintForm>(
        html`<rapport-complaint-form
          customer-id="c-001"
          .client=${client}
          .customization=${document}
        ></rapport-complaint-form>`,
      );
      await until(() => inside(form, '[data-state="invalid-customization"]'), 'the problem');
      expect(text(inside(form, '[data-state="invalid-customization"]'))).to.equal(
        'This information is not available right now.',
      );
      expect(warnings.messages.join('\n')).to.contain('/fields/subject/validation/pattern');
    } finally {
      warnings.restore();
    }
  });

  it('is never run on a value, even from a document that skipped validation', async () => {
    const subject = resolveLayout(withPattern('(a+)+$'), 'complaint-form', {
      role: 'customer',
    }).fields.find((f) => f.id === 'subject')!;
    // Run, the pattern would accept "aaa", and take longer than anyone waits on 50 a's and a "!".
    expect(validateValue(subject, 'aaa', 'en')).to.equal('Only the letter a.');
    expect(validateValue(subject, `${'a'.repeat(50)}!`, 'en')).to.equal('Only the letter a.');

    // Through the form: a document validated with a safe pattern, then changed.
    const document = withPattern('a+');
    const {client} = demoClient();
    const checked = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${client}
        .customization=${document}
      ></rapport-complaint-form>`,
    );
    expect(inside(checked, '#f-subject')).to.exist;
    document.fields.subject!.validation!.pattern = '(a+)+$';
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        locale="en-GB"
        .client=${client}
        .customization=${document}
      ></rapport-complaint-form>`,
    );
    const input = inside<HTMLInputElement>(form, '#f-subject')!;
    input.value = `${'a'.repeat(50)}!`;
    input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
    input.dispatchEvent(new FocusEvent('focusout', {bubbles: true, composed: true}));
    await form.updateComplete;
    expect(text(inside(form, '#f-subject-error'))).to.equal('Only the letter a.');
  });
});

describe('an e-mail address that tries to smuggle mailto: headers', () => {
  it('is shown as text, with no mailto: link carrying "?", "&" or "%"', async () => {
    const {adapter} = demoClient();
    const emails = [
      'a@b.test?bcc=x@evil.test&subject=hi',
      'a@b.test?cc=x%40evil.test&subject=hi',
      'a%40evil.test@b.test',
      'ada@example.com',
    ];
    const base = adapter.data.customers[0]!;
    const withEmails: CrmAdapter = {
      ...adapter,
      resources: {
        ...adapter.resources,
        customers: {
          read: async (ids) =>
            ids.map((id) => ({id, record: {...base, id, email: emails[Number(id.slice(2))]!}})),
        },
      },
    };
    const client = createClient(withEmails);
    for (const [i, email] of emails.entries()) {
      const card = await fixture<RapportCustomerCard>(
        html`<rapport-customer-card
          customer-id=${`e-${i}`}
          viewer-role="supervisor"
          .client=${client}
        ></rapport-customer-card>`,
      );
      await until(() => inside(card, '[part~="name"]'), 'the card');
      expect((card.shadowRoot!.textContent ?? '').includes(email), email).to.equal(true);
      const links = [...card.shadowRoot!.querySelectorAll('a[href^="mailto:"]')].map((a) =>
        a.getAttribute('href'),
      );
      if (email === 'ada@example.com') expect(links).to.deep.equal(['mailto:ada@example.com']);
      else expect(links, email).to.deep.equal([]);
      for (const href of links) expect(href).not.to.match(/[?&%#,]|bcc/i);
    }
  });
});
