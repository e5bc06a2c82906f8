// Start-up, Rapport's production build: from the bundle's first line to a complaint form on screen,
// following a customization document of the page's own (the default with a field renamed).
import '@rapport/widgets/complaint-form';
import {createClient} from '@rapport/core';
import {defaultCustomization} from '@rapport/schema';
import {backend} from './shared.js';

const form = document.createElement('rapport-complaint-form');
form.client = createClient(backend(5));
form.customization = {
  ...defaultCustomization,
  fields: {
    ...defaultCustomization.fields,
    subject: {...defaultCustomization.fields.subject, label: 'Headline'},
  },
};
document.body.append(form);
await form.updateComplete;
if (!form.shadowRoot.querySelector('#f-subject'))
  throw new Error('the form did not render its fields');
window.result = {ms: performance.now() - globalThis.__t0};
