// Typing: script time per keystroke in a complaint form of 12 fields, and proof that the fields not
// being typed in are not touched.
import '@rapport/widgets/complaint-form';
import {createClient} from '@rapport/core';
import {defaultCustomization} from '@rapport/schema';
import {backend, until} from './shared.js';

const custom = (id, label, type, extra = {}) => [
  id,
  {entity: 'complaint', source: `customFields.${id}`, label, type, ...extra},
];
const customization = {
  ...defaultCustomization,
  fields: {
    ...defaultCustomization.fields,
    ...Object.fromEntries([
      custom('store_visited', 'Store visited', 'select', {
        options: [
          {value: 'soho', label: 'Soho'},
          {value: 'online', label: 'Online'},
        ],
      }),
      custom('purchase_date', 'Purchase date', 'date'),
      custom('amount', 'Amount paid', 'money', {currency: 'CNY'}),
      custom('receipt', 'Receipt number', 'text', {validation: {maxLength: 40}}),
      custom('preferred_contact', 'Reach me by', 'select', {
        options: [
          {value: 'email', label: 'E-mail'},
          {value: 'phone', label: 'Phone'},
        ],
      }),
      custom('callback', 'Call me back', 'boolean'),
    ]),
  },
  widgets: {
    'complaint-form': {
      layout: {
        type: 'VerticalLayout',
        elements: [
          'category',
          'severity',
          'channel',
          'subject',
          'description',
          'orderNumber',
          'store_visited',
          'purchase_date',
          'amount',
          'receipt',
          'preferred_contact',
          'callback',
        ].map((field) => ({type: 'Control', field})),
      },
    },
  },
};

window.bench = {
  async type(keystrokes) {
    const form = document.createElement('rapport-complaint-form');
    form.client = createClient(backend(5));
    form.customization = customization;
    form.customerId = 'c-001';
    document.body.append(form);
    await until(() => form.shadowRoot?.querySelector('#f-description'));
    const root = form.shadowRoot;
    const fields = root.querySelectorAll('[part~="form-control"]').length;
    const description = root.querySelector('#f-description');
    let untouched = 0;
    const observer = new MutationObserver((records) => (untouched += records.length));
    for (const control of root.querySelectorAll('[part~="form-control"]')) {
      if (!control.contains(description))
        observer.observe(control, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
    }
    const times = [];
    const allStarted = performance.now();
    for (let i = 0; i < keystrokes; i++) {
      const started = performance.now();
      description.value += 'x';
      description.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      await form.updateComplete;
      times.push(performance.now() - started);
    }
    const totalMs = performance.now() - allStarted;
    await until(() => true);
    observer.disconnect();
    form.remove();
    return {fields, times, totalMs, untouchedMutations: untouched};
  },
};
