// The validation step alone, standalone against runtime-compiled, on the same document.
import Ajv from 'ajv';
import schema from '@rapport/schema/customization.schema.json';
import {validateCustomization} from '@rapport/schema';
import {ajvOptions} from '../../../../packages/schema/scripts/ajv-options.mjs';
import {customization} from './startup-doc.js';

window.bench = {
  standalone() {
    const started = performance.now();
    const valid = validateCustomization(customization).valid;
    return {ms: performance.now() - started, valid};
  },
  runtime() {
    const started = performance.now();
    const valid = new Ajv(ajvOptions).compile(schema)(customization);
    return {ms: performance.now() - started, valid};
  },
};
