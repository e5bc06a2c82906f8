import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';
import {createClient, RapportError, type CrmAdapter} from '@rapport/core';
import {defaultCustomization, type CustomizationDocument} from '@rapport/schema';
import type {
  ComplaintBeforeSubmitEvent,
  ComplaintSubmittedEvent,
  RapportComplaintForm,
  RapportErrorEvent,
} from '@rapport/widgets';
import {
  deepActiveElement,
  demoClient,
  fill,
  inside,
  text,
  until,
} from '../../test-support/support.js';

const field = (form: RapportComplaintForm, id: string) =>
  inside<HTMLInputElement>(form, `#f-${id}`)!;

async function fillValid(form: RapportComplaintForm): Promise<void> {
  fill(form, {category: 'delivery'});
  fill(form, {severity: 'high'});
  fill(form, {subject: 'Parcel late'});
  fill(form, {description: 'Ordered two weeks ago and still nothing.'});
  await form.updateComplete;
}

const submit = (form: RapportComplaintForm) =>
  inside<HTMLButtonElement>(form, '[part~="submit"]')!.click();

/**
 * A valid form whose first submission failed (the backend refuses every call until its faults are
 * cleared), with every idempotency key the client sent.
 */
async function failedOnce() {
  const {adapter} = demoClient();
  const keys: string[] = [];
  const client = createClient(adapter, {
    retry: {attempts: 1},
    hooks: {onRequest: (e) => e.idempotencyKey && keys.push(e.idempotencyKey)},
  });
  const form = await fixture<RapportComplaintForm>(
    html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
  );
  await fillValid(form);
  adapter.setFaults({rate: 1, kinds: ['unavailable'], seed: 4});
  submit(form);
  await oneEvent(form, 'rapport-complaint-failed');
  return {adapter, keys, form};
}

describe('<rapport-complaint-form>', () => {
  afterEach(() => sessionStorage.clear());

  it('is accessible empty, invalid, submitting and after success', async () => {
    const {client} = demoClient({latency: 150});
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    await expect(form).to.be.accessible();
    submit(form);
    await until(() => inside(form, '[part~="error-summary"]'), 'the error summary');
    await expect(form).to.be.accessible();
    await fillValid(form);
    submit(form);
    await until(() => form.shadowRoot!.querySelector('form[aria-busy="true"]'), 'submitting');
    await expect(form).to.be.accessible();
    await until(() => inside(form, '.success'), 'success');
    await expect(form).to.be.accessible();
  });

  it('checks a field once the person leaves it, tying the message to the input', async () => {
    const {client} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    const subject = field(form, 'subject');
    fill(form, {subject: 'x'});
    await form.updateComplete;
    expect(subject.getAttribute('aria-invalid')).to.equal(
      'false',
      'no nagging before the field is left',
    );
    subject.focus();
    fill(form, {subject: ''});
    subject.dispatchEvent(new FocusEvent('focusout', {bubbles: true, composed: true}));
    await form.updateComplete;
    expect(subject.getAttribute('aria-invalid')).to.equal('true');
    const error = inside(form, '#f-subject-error')!;
    expect(text(error)).to.equal('This field is required.');
    expect(subject.getAttribute('aria-describedby')).to.contain('f-subject-error');
    fill(form, {subject: 'Now filled'});
    await form.updateComplete;
    expect(subject.getAttribute('aria-invalid')).to.equal('false', 'corrected as the person types');
  });

  it('checks a multiselect once the person leaves its checkboxes', async () => {
    const {client} = demoClient();
    const base = defaultCustomization.widgets['complaint-form']!;
    const customization = {
      ...defaultCustomization,
      fields: {
        ...defaultCustomization.fields,
        products: {
          entity: 'complaint',
          source: 'customFields.products',
          label: 'Products',
          type: 'multiselect',
          options: [
            {value: 'tea', label: 'Tea'},
            {value: 'cups', label: 'Cups'},
          ],
          validation: {required: true},
        },
      },
      widgets: {
        ...defaultCustomization.widgets,
        'complaint-form': {
          ...base,
          layout: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'products'}]},
        },
      },
    } as CustomizationDocument;
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${client}
        .customization=${customization}
      ></rapport-complaint-form>`,
    );
    const tea = inside<HTMLInputElement>(form, '#f-products input[type="checkbox"]')!;
    tea.focus();
    tea.dispatchEvent(new FocusEvent('focusout', {bubbles: true, composed: true}));
    await form.updateComplete;
    expect(text(inside(form, '#f-products-error'))).to.equal('This field is required.');
    await expect(form).to.be.accessible();
  });

  it('on an invalid submit shows a summary and focuses the first field to correct', async () => {
    const {client, requests} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    fill(form, {category: 'delivery'});
    await form.updateComplete;
    fill(form, {orderNumber: 'SO-1'});
    submit(form);
    await until(() => inside(form, '[part~="error-summary"]'), 'the summary');
    const summary = inside(form, '[part~="error-summary"]')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect([...summary.querySelectorAll('li')].map(text)).to.deep.equal([
      'How serious is it?: This field is required.',
      'Subject: This field is required.',
      'What happened?: This field is required.',
      'Order number: Order numbers look like SO-123456.',
    ]);
    await until(
      () => deepActiveElement() === field(form, 'severity'),
      'focus on the first invalid field',
    );
    expect(requests.filter((r) => r.operation === 'create')).to.have.length(0);
  });

  it('counts characters of the description against its limit', async () => {
    const {client} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    fill(form, {description: '😀 tea'});
    await form.updateComplete;
    expect(text(inside(form, '#f-description-count'))).to.equal('5 of 5,000 characters');
    expect(field(form, 'description').getAttribute('aria-describedby')).to.contain(
      'f-description-count',
    );
  });

  it('sends once, shows the reference and the promised reply time, and fires its events', async () => {
    const {client, requests, adapter} = demoClient({latency: 50});
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    await fillValid(form);
    const before = adapter.data.complaints.length;
    setTimeout(() => {
      submit(form);
      submit(form); // a double click
      form.shadowRoot!.querySelector('form')!.requestSubmit();
    });
    const {complaint} = (await oneEvent(
      form,
      'rapport-complaint-submitted',
    )) as ComplaintSubmittedEvent;
    expect(requests.filter((r) => r.operation === 'create')).to.have.length(1);
    expect(adapter.data.complaints.length).to.equal(before + 1);
    expect(complaint.severity).to.equal('high');
    await form.updateComplete;
    const success = inside(form, '.success')!;
    expect(success.textContent).to.contain(complaint.reference);
    expect(success.textContent).to.contain('within 4 hours');
    expect(deepActiveElement()).to.equal(success);
  });

  it('lets the host cancel a submission', async () => {
    const {client, requests} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${client}
        @rapport-complaint-before-submit=${(e: Event) => e.preventDefault()}
      ></rapport-complaint-form>`,
    );
    await fillValid(form);
    submit(form);
    await new Promise((r) => setTimeout(r, 50));
    expect(requests.filter((r) => r.operation === 'create')).to.have.length(0);
    expect(inside(form, '.success')).to.be.null;
  });

  it('keeps every value after a failure and retries with the same idempotency key, storing the complaint once', async () => {
    const {adapter, keys, form} = await failedOnce();
    await form.updateComplete;
    expect(inside(form, '.failure')!.textContent).to.contain('could not be sent');
    expect(field(form, 'subject').value).to.equal('Parcel late');
    expect(field(form, 'description').value).to.equal('Ordered two weeks ago and still nothing.');
    await expect(form).to.be.accessible();

    adapter.setFaults(null);
    const before = adapter.data.complaints.length;
    inside<HTMLButtonElement>(form, '.failure button')!.click();
    await oneEvent(form, 'rapport-complaint-submitted');
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(adapter.data.complaints.length - before).to.be.at.most(1);
  });

  it("shows the backend's refusal under the field it concerns", async () => {
    const {client} = demoClient();
    const customization = structuredClone(defaultCustomization);
    customization.fields.subject!.validation = {}; // the form lets anything through; the backend does not
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${client}
        .customization=${customization}
      ></rapport-complaint-form>`,
    );
    await fillValid(form);
    fill(form, {subject: 'x'.repeat(201)});
    submit(form);
    await oneEvent(form, 'rapport-complaint-failed');
    await form.updateComplete;
    expect(inside(form, '#f-subject-error')!.textContent).to.equal(
      'must be at most 200 characters',
    );
    expect(field(form, 'subject').getAttribute('aria-invalid')).to.equal('true');
  });

  it('asks anonymous visitors for their name and e-mail', async () => {
    const {client, adapter} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form .client=${client}></rapport-complaint-form>`,
    );
    expect(field(form, 'contactName')).to.exist;
    expect(field(form, 'contactEmail').type).to.equal('email');
    await fillValid(form);
    submit(form);
    await until(() => inside(form, '[part~="error-summary"]'), 'the summary');
    expect(inside(form, '[part~="error-summary"]')!.textContent).to.contain('Your name');
    fill(form, {contactName: 'Ada Visitor'});
    fill(form, {contactEmail: 'ada@example.com'});
    submit(form);
    const {complaint} = (await oneEvent(
      form,
      'rapport-complaint-submitted',
    )) as ComplaintSubmittedEvent;
    expect(complaint.customerId).to.equal(null);
    expect(adapter.data.complaints.at(-1)!.contact).to.deep.equal({
      name: 'Ada Visitor',
      email: 'ada@example.com',
    });

    const known = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    expect(inside(known, '#f-contactName')).to.be.null;
  });

  it('shows the order number only for the categories that need it', async () => {
    const {client} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    expect(inside(form, '#f-orderNumber')).to.be.null;
    fill(form, {category: 'delivery'});
    await form.updateComplete;
    expect(inside(form, '#f-orderNumber')).to.exist;
    fill(form, {category: 'staff'});
    await form.updateComplete;
    expect(inside(form, '#f-orderNumber')).to.be.null;
  });

  it('keeps a draft across a reload only when the host opts in, and clears it on success', async () => {
    const {client} = demoClient();
    const first = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-009"
        save-draft
        .client=${client}
      ></rapport-complaint-form>`,
    );
    fill(first, {subject: 'Half written'});
    await new Promise((r) => setTimeout(r, 400));
    first.remove();
    const again = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-009"
        save-draft
        .client=${client}
      ></rapport-complaint-form>`,
    );
    expect(field(again, 'subject').value).to.equal('Half written');
    expect(inside(again, '.notice')!.textContent).to.contain('restored');
    await fillValid(again);
    submit(again);
    await oneEvent(again, 'rapport-complaint-submitted');
    expect(sessionStorage.getItem('rapport-complaint-draft:c-009')).to.equal(null);

    const plain = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-010" .client=${client}></rapport-complaint-form>`,
    );
    fill(plain, {subject: 'Private'});
    await new Promise((r) => setTimeout(r, 400));
    expect(sessionStorage.length).to.equal(0);
  });

  it('follows a customization that renames, hides for a role, adds a custom field and uses two columns', async () => {
    const {client, adapter} = demoClient();
    const customization = structuredClone(defaultCustomization);
    customization.fields.subject!.label = 'Headline';
    customization.fields.severity!.access = {customer: 'hidden'};
    customization.fields.storeVisited = {
      entity: 'complaint',
      source: 'customFields.store_visited',
      label: 'Store visited',
      type: 'select',
      options: [
        {value: 'london-soho', label: 'London Soho'},
        {value: 'online', label: 'Online'},
      ],
    };
    customization.widgets['complaint-form'] = {
      layout: {
        type: 'Grid',
        columns: 2,
        elements: [
          {type: 'Control', field: 'category'},
          {type: 'Control', field: 'severity'},
          {type: 'Control', field: 'storeVisited'},
          {type: 'Control', field: 'subject'},
          {type: 'Control', field: 'description'},
        ],
      },
    };
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        viewer-role="customer"
        .client=${client}
        .customization=${customization}
      ></rapport-complaint-form>`,
    );
    expect(inside(form, 'label[for="f-subject"]')!.textContent).to.contain('Headline');
    expect(inside(form, '#f-severity')).to.be.null;
    expect(inside(form, '.grid.cols-2 #f-storeVisited')).to.exist;
    fill(form, {category: 'product'});
    fill(form, {storeVisited: 'london-soho'});
    fill(form, {subject: 'Wrong tea'});
    fill(form, {description: 'I received black tea instead of green.'});
    submit(form);
    const {complaint} = (await oneEvent(
      form,
      'rapport-complaint-submitted',
    )) as ComplaintSubmittedEvent;
    expect(complaint.customFields).to.deep.equal({store_visited: 'london-soho'});
    expect(complaint.severity).to.equal('medium', 'a hidden field falls back to its default');
    expect(adapter.data.complaints.at(-1)!.id).to.equal(complaint.id);
  });

  it('speaks Chinese with a zh-CN locale', async () => {
    const {client} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        locale="zh-CN"
        .client=${client}
      ></rapport-complaint-form>`,
    );
    expect(inside(form, 'label[for="f-subject"]')!.textContent).to.contain('主题');
    submit(form);
    await until(() => inside(form, '#f-subject-error'), 'errors');
    expect(text(inside(form, '#f-subject-error'))).to.equal('此项为必填项。');
    expect(text(inside(form, '[part~="submit"]'))).to.equal('提交投诉');
  });

  it('can be filled and sent with the keyboard alone', async () => {
    const {client, adapter} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    (document.body as HTMLElement).focus();
    const before = adapter.data.complaints.length;
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(field(form, 'category'));
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(field(form, 'severity'));
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'Tea tin dented'});
    await sendKeys({press: 'Tab'});
    await sendKeys({type: 'The tin arrived dented on one side.'});
    await sendKeys({press: 'Tab'});
    if (deepActiveElement() === field(form, 'orderNumber')) {
      await sendKeys({type: 'SO-123456'});
      await sendKeys({press: 'Tab'});
    }
    expect(deepActiveElement()).to.equal(inside(form, '[part~="submit"]'));
    await sendKeys({press: 'Enter'});
    await until(() => inside(form, '.success'), 'success');
    const stored = adapter.data.complaints.at(-1)!;
    expect(adapter.data.complaints.length).to.equal(before + 1);
    expect(stored.subject).to.equal('Tea tin dented');
    expect(stored.category).to.equal(defaultCustomization.fields.category!.options![1]!.value);
  });
});

describe('<rapport-complaint-form> controls', () => {
  /** A yes/no switch in place of the checkbox: a button that says its state with aria-checked. */
  const toSwitch: NonNullable<RapportComplaintForm['controls']>['boolean'] = (c) =>
    html`<button
      type="button"
      role="switch"
      class="switch"
      id=${c.id}
      aria-checked=${c.value === true ? 'true' : 'false'}
      aria-describedby=${c.describedBy}
      @click=${() => c.set(c.value !== true)}
    >
      ${c.label}
    </button>`;

  /** The default document with a required yes/no custom field after the description. */
  function withCallback() {
    const customization = structuredClone(defaultCustomization);
    customization.fields.callback = {
      entity: 'complaint',
      source: 'customFields.callback',
      label: 'Call me back',
      help: 'We call within a working day.',
      type: 'boolean',
      validation: {required: true},
    };
    customization.widgets['complaint-form'] = {
      layout: {
        type: 'VerticalLayout',
        elements: ['category', 'severity', 'subject', 'description', 'callback'].map((id) => ({
          type: 'Control',
          field: id,
        })),
      },
    };
    return customization;
  }

  it('lets a host render one field type its own way, and still checks and sends that field', async () => {
    const {client} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${client}
        .customization=${withCallback()}
        .controls=${{boolean: toSwitch}}
      ></rapport-complaint-form>`,
    );
    const toggle = inside<HTMLButtonElement>(form, '#f-callback')!;
    expect(toggle.getAttribute('role')).to.equal('switch', 'the host control, not a checkbox');
    expect(inside(form, 'input[type="checkbox"]')).to.be.null;
    expect(inside(form, 'select#f-category'), 'other types keep the built-in controls').to.exist;
    expect(toggle.getAttribute('aria-describedby')).to.equal('f-callback-help');
    await expect(form).to.be.accessible();

    await fillValid(form);
    submit(form);
    await until(() => inside(form, '#f-callback-error'), 'the switch’s message');
    expect(
      [...inside(form, '[part~="error-summary"]')!.querySelectorAll('li')].map(text),
    ).to.deep.equal(['Call me back: This field is required.']);
    expect(toggle.getAttribute('aria-describedby')).to.equal('f-callback-help f-callback-error');
    await until(() => deepActiveElement() === toggle, 'focus on the switch to correct');
    await expect(form).to.be.accessible();

    toggle.click();
    await form.updateComplete;
    expect(toggle.getAttribute('aria-checked')).to.equal('true');
    expect(inside(form, '#f-callback-error'), 'corrected as the person switches').to.be.null;
    // The memory backend knows no such custom field: read what the form sends, and stop there.
    form.addEventListener('rapport-complaint-before-submit', (e) => e.preventDefault());
    setTimeout(() => submit(form));
    const {input} = (await oneEvent(
      form,
      'rapport-complaint-before-submit',
    )) as ComplaintBeforeSubmitEvent;
    expect(input.customFields).to.deep.equal({callback: true});
  });

  it('sends numbers and tags typed as text in their own types', async () => {
    const {client} = demoClient();
    const customization = structuredClone(defaultCustomization);
    customization.fields.amount = {
      entity: 'complaint',
      source: 'customFields.amount',
      label: 'Amount paid',
      type: 'money',
    };
    customization.fields.labels = {
      entity: 'complaint',
      source: 'customFields.labels',
      label: 'Labels',
      type: 'tags',
    };
    customization.widgets['complaint-form'] = {
      layout: {
        type: 'VerticalLayout',
        elements: ['category', 'severity', 'subject', 'description', 'amount', 'labels'].map(
          (id) => ({type: 'Control', field: id}),
        ),
      },
    };
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${client}
        .customization=${customization}
      ></rapport-complaint-form>`,
    );
    expect(field(form, 'amount').inputMode).to.equal('decimal');
    await fillValid(form);
    fill(form, {amount: ' 19.90 '});
    fill(form, {labels: 'late, tea ,'});
    form.addEventListener('rapport-complaint-before-submit', (e) => e.preventDefault());
    setTimeout(() => submit(form));
    const {input} = (await oneEvent(
      form,
      'rapport-complaint-before-submit',
    )) as ComplaintBeforeSubmitEvent;
    expect(input.customFields).to.deep.equal({amount: 19.9, labels: ['late', 'tea']});
  });

  it('gives its messages in the new language when the locale changes under them', async () => {
    const {client} = demoClient();
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form customer-id="c-001" .client=${client}></rapport-complaint-form>`,
    );
    submit(form);
    await until(() => inside(form, '#f-subject-error'), 'the messages');
    form.locale = 'zh-CN';
    await until(() => text(inside(form, '#f-subject-error')) === '此项为必填项。', 'Chinese');
    expect(text(inside(form, 'label[for="f-subject"]'))).to.contain('主题');
    await expect(form).to.be.accessible();
  });
});

describe('<rapport-complaint-form> drafts and retries', () => {
  afterEach(() => sessionStorage.clear());

  it('keeps a draft when the element leaves the page before typing pauses, and starts empty after success', async () => {
    const {client} = demoClient();
    const make = () =>
      fixture<RapportComplaintForm>(
        html`<rapport-complaint-form save-draft .client=${client}></rapport-complaint-form>`,
      );
    const first = await make();
    fill(first, {contactName: 'Ada Visitor'});
    first.remove(); // at once: no pause in typing
    expect(JSON.parse(sessionStorage.getItem('rapport-complaint-draft:anonymous')!)).to.deep.equal({
      contactName: 'Ada Visitor',
    });

    const again = await make();
    expect(field(again, 'contactName').value).to.equal('Ada Visitor');
    expect(text(inside(again, '.notice'))).to.equal('We restored the draft you started.');
    await expect(again).to.be.accessible();
    await fillValid(again);
    fill(again, {contactEmail: 'ada@example.com'});
    submit(again);
    await oneEvent(again, 'rapport-complaint-submitted');
    expect(sessionStorage.getItem('rapport-complaint-draft:anonymous')).to.equal(null);
    await again.updateComplete;
    inside<HTMLButtonElement>(again, '.success button')!.click();
    await again.updateComplete;
    expect(field(again, 'contactName').value).to.equal('', 'another complaint starts empty');
    expect(inside(again, '.notice')).to.be.null;

    const third = await make();
    expect(field(third, 'contactName').value).to.equal('', 'the sent draft is gone');
  });

  it('makes a new idempotency key when the person changes what they send, and reuses it for the same input', async () => {
    const {keys, form} = await failedOnce();
    fill(form, {subject: 'Parcel very late'});
    await form.updateComplete;
    expect(inside(form, '.failure'), 'editing again after a change').to.be.null;
    submit(form);
    await oneEvent(form, 'rapport-complaint-failed');
    submit(form);
    await oneEvent(form, 'rapport-complaint-failed');
    expect(keys).to.have.length(3);
    expect(keys[1]).to.not.equal(keys[0], 'another input, another key');
    expect(keys[2]).to.equal(keys[1], 'the same input, the same key');
  });
});

describe('<rapport-complaint-form> customer', () => {
  it('says before anyone types that the customer is unknown, and tells the developer why', async () => {
    const {client} = demoClient();
    const errors: RapportErrorEvent[] = [];
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="nobody"
        .client=${client}
        @rapport-error=${(e: RapportErrorEvent) => errors.push(e)}
      ></rapport-complaint-form>`,
    );
    await until(() => inside(form, '[data-state="not-found"]'), 'the unknown customer message');
    expect(text(inside(form, '[data-state="not-found"]'))).to.equal(
      'We could not find your customer record. Please contact us another way.',
    );
    expect(inside(form, 'form'), 'no fields to fill in vain').to.be.null;
    expect(errors).to.have.length(1);
    expect((errors[0]!.error as RapportError).code).to.equal('not_found');
    expect(errors[0]!.widget).to.equal('rapport-complaint-form');
    await expect(form).to.be.accessible();

    form.locale = 'zh-CN';
    await form.updateComplete;
    expect(text(inside(form, '[data-state="not-found"]'))).to.equal(
      '我们找不到您的客户记录，请通过其他方式联系我们。',
    );

    form.customerId = 'c-001';
    await until(() => inside(form, '#f-subject'), 'the form for a known customer');
  });

  it("shows the neutral forbidden message for someone else's customer, and keeps the form for other failures", async () => {
    const {adapter} = demoClient();
    const failingRead = (error: RapportError): CrmAdapter => ({
      ...adapter,
      resources: {...adapter.resources, customers: {read: () => Promise.reject(error)}},
    });
    const errors: RapportErrorEvent[] = [];
    const forbidden = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${createClient(failingRead(new RapportError('forbidden', 'Not yours')))}
        @rapport-error=${(e: RapportErrorEvent) => errors.push(e)}
      ></rapport-complaint-form>`,
    );
    await until(() => inside(forbidden, '[data-state="forbidden"]'), 'the forbidden message');
    expect(text(inside(forbidden, '[data-state="forbidden"]'))).to.equal(
      'You do not have access to this information.',
    );
    expect((errors[0]?.error as RapportError).code).to.equal('forbidden');
    await expect(forbidden).to.be.accessible();

    const requests: string[] = [];
    const unavailable = createClient(failingRead(new RapportError('unavailable', 'Down')), {
      retry: {attempts: 1},
      hooks: {onRequest: (e) => requests.push(`${e.operation} ${e.resource}`)},
    });
    const form = await fixture<RapportComplaintForm>(
      html`<rapport-complaint-form
        customer-id="c-001"
        .client=${unavailable}
        @rapport-error=${(e: RapportErrorEvent) => errors.push(e)}
      ></rapport-complaint-form>`,
    );
    await until(() => requests.includes('read customers'), 'the customer read');
    await fillValid(form);
    submit(form);
    const {complaint} = (await oneEvent(
      form,
      'rapport-complaint-submitted',
    )) as ComplaintSubmittedEvent;
    expect(complaint.customerId).to.equal('c-001', 'a failed read does not stop the visitor');
    expect(errors, 'only the refusal was reported').to.have.length(1);
  });
});
