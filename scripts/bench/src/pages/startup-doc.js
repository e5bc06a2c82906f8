// The document the start-up pages validate: the default one with a field renamed, so it is not the
// built-in (trusted) document and must be checked.
import {defaultCustomization} from '@rapport/schema';

export const customization = {
  ...defaultCustomization,
  fields: {
    ...defaultCustomization.fields,
    subject: {...defaultCustomization.fields.subject, label: 'Headline'},
  },
};
