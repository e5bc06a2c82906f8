// What both start-up pages end with: a complaint form shown with the document, and the time since the
// bundle's first line.
import '@rapport/widgets/complaint-form';
import {createClient} from '@rapport/core';
import {backend} from './shared.js';
import {customization} from './startup-doc.js';

export async function showForm(validateMs) {
  const form = document.createElement('rapport-complaint-form');
  form.client = createClient(backend(5));
  form.customization = customization;
  form.customerId = 'c-001';
  document.body.append(form);
  await form.updateComplete;
  if (!form.shadowRoot.querySelector('label[for="f-subject"]'))
    throw new Error('the form did not render its fields');
  window.result = {ms: performance.now() - globalThis.__t0, validateMs};
}
