// What a team would otherwise build a configurable complaint form with: react-jsonschema-form with its
// Ajv validator, on React.
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import {createElement} from 'react';
import {createRoot} from 'react-dom/client';

export function mount(element, schema) {
  createRoot(element).render(createElement(Form, {schema, validator}));
}
