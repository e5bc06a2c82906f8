// Start-up, Rapport's production build: from the bundle's first line to a complaint form on screen,
// following a customization document of the page's own (the default with a field renamed), with the
// client and HTTP adapter a live page uses (an anonymous visitor's form sends nothing until submitted).
import '@rapport/widgets/complaint-form';
import {httpAdapter} from '@rapport/adapter-http';
import {createClient} from '@rapport/core';
import {defaultCustomization} from '@rapport/schema';

const form = document.createElement('rapport-complaint-form');
form.client = createClient(httpAdapter({url: `${location.origin}/api`, getToken: async () => ''}));
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
