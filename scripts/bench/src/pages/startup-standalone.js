// Start-up, Rapport as shipped: from the first line of the bundle to a complaint form on screen with its
// customization validated by the validator compiled at build time.
import {showForm} from './startup-form.js';

await showForm(0);
