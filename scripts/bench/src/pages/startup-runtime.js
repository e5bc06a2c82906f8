// Start-up, the alternative: the same page, but the customization is checked by compiling the JSON
// Schema with Ajv in the browser (what a runtime validator costs; it also needs 'unsafe-eval').
import Ajv from 'ajv';
import schema from '@rapport/schema/customization.schema.json';
import {ajvOptions} from '../../../../packages/schema/scripts/ajv-options.mjs';
import {customization} from './startup-doc.js';
import {showForm} from './startup-form.js';

const validateStarted = performance.now();
const validate = new Ajv(ajvOptions).compile(schema);
if (!validate(customization)) throw new Error('the benchmark document should be valid');
const validateMs = performance.now() - validateStarted;

await showForm(validateMs);
