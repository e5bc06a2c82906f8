import {
  channels,
  complaintStatuses,
  type FieldDescriptor,
  type FieldOption,
  type FieldType,
} from '@rapport/core';
import type {CheckedOptions} from './options.js';
import type {ZendeskField} from './zendesk-types.js';

/**
 * Zendesk's field types (ticket and user fields) and the Rapport type each shows as. A table, so a
 * type Zendesk adds later falls back to text in one place.
 *
 * | Zendesk                    | Rapport      |
 * |----------------------------|--------------|
 * | text, regexp               | text         |
 * | textarea                   | longtext     |
 * | integer, decimal           | number       |
 * | checkbox                   | boolean      |
 * | date                       | date         |
 * | tagger, dropdown           | select       |
 * | multiselect                | multiselect  |
 * | lookup, partialcreditcard  | text, read-only |
 */
const typeOf: Readonly<Record<string, FieldType>> = {
  text: 'text',
  regexp: 'text',
  textarea: 'longtext',
  integer: 'number',
  decimal: 'number',
  checkbox: 'boolean',
  date: 'date',
  tagger: 'select',
  dropdown: 'select',
  multiselect: 'multiselect',
  lookup: 'text',
  partialcreditcard: 'text',
};
/** Types the API refuses or masks on write. */
const readOnlyTypes = new Set(['lookup', 'partialcreditcard']);

const optionsOf = (field: ZendeskField): FieldOption[] =>
  (field.custom_field_options ?? []).map((o) => ({value: o.value, label: o.name}));

/** One Zendesk custom field as a Rapport field under `customFields.<key>`. */
export function customDescriptor(key: string, field: ZendeskField): FieldDescriptor {
  const type = typeOf[field.type] ?? 'text';
  return {
    path: `customFields.${key}`,
    label: field.title,
    type,
    custom: true,
    ...((type === 'select' || type === 'multiselect') && {options: optionsOf(field)}),
    ...(readOnlyTypes.has(field.type) && {readOnly: true}),
  };
}

const select = (
  path: string,
  label: string,
  values: readonly string[],
  readOnly = false,
): FieldDescriptor => ({
  path,
  label,
  type: 'select',
  custom: false,
  options: values.map((value) => ({value, label: value})),
  ...(readOnly && {readOnly}),
});

/** The complaint catalog: the ticket's standard parts, then the mapped custom ticket fields. */
export function complaintDescriptors(
  options: CheckedOptions,
  ticketFields: readonly ZendeskField[],
): FieldDescriptor[] {
  const byId = new Map(ticketFields.map((f) => [f.id, f]));
  const priority = ticketFields.find((f) => f.type === 'priority');
  const priorityName = new Map(
    (priority?.system_field_options ?? []).map((o) => [o.value, o.name]),
  );
  const category =
    options.categoryField === undefined ? undefined : byId.get(options.categoryField);
  const fields: FieldDescriptor[] = [
    {path: 'reference', label: 'Ticket', type: 'text', custom: false, readOnly: true},
    {path: 'subject', label: 'Subject', type: 'text', custom: false},
    {path: 'description', label: 'Description', type: 'longtext', custom: false},
    {
      path: 'severity',
      label: priority?.title ?? 'Priority',
      type: 'select',
      custom: false,
      // The severities in Rapport's words, labelled with the account's names of their priorities.
      options: Object.entries(options.priorityOf).map(([severity, p]) => ({
        value: severity,
        label: priorityName.get(p) ?? p,
      })),
    },
    category && (typeOf[category.type] ?? 'text') === 'select'
      ? {
          path: 'category',
          label: category.title,
          type: 'select',
          custom: false,
          options: optionsOf(category),
        }
      : {path: 'category', label: category?.title ?? 'Category', type: 'text', custom: false},
    select('channel', 'Channel', channels),
    select('status', 'Status', complaintStatuses, true),
    {path: 'contact.name', label: 'Name', type: 'text', custom: false},
    {path: 'contact.email', label: 'Email', type: 'email', custom: false},
    {path: 'createdAt', label: 'Requested', type: 'datetime', custom: false, readOnly: true},
    {path: 'updatedAt', label: 'Updated', type: 'datetime', custom: false, readOnly: true},
    {path: 'responseDueAt', label: 'Response due', type: 'datetime', custom: false, readOnly: true},
    {
      path: 'resolutionDueAt',
      label: 'Resolution due',
      type: 'datetime',
      custom: false,
      readOnly: true,
    },
  ];
  for (const [key, id] of options.customFields) {
    const field = byId.get(id);
    if (field) fields.push(customDescriptor(key, field));
  }
  return fields;
}

/** The customer catalog: the user's standard parts, then every active user field under its key. */
export function customerDescriptors(userFields: readonly ZendeskField[]): FieldDescriptor[] {
  const fields: FieldDescriptor[] = [
    {path: 'displayName', label: 'Name', type: 'text', custom: false, readOnly: true},
    {path: 'name.given', label: 'Given name', type: 'text', custom: false, readOnly: true},
    {path: 'name.family', label: 'Family name', type: 'text', custom: false, readOnly: true},
    {path: 'email', label: 'Email', type: 'email', custom: false, readOnly: true},
    {path: 'phone', label: 'Phone', type: 'phone', custom: false, readOnly: true},
    {path: 'locale', label: 'Language', type: 'text', custom: false, readOnly: true},
    {path: 'avatarUrl', label: 'Photo', type: 'url', custom: false, readOnly: true},
    {path: 'tags', label: 'Tags', type: 'tags', custom: false, readOnly: true},
    {path: 'createdAt', label: 'Created', type: 'datetime', custom: false, readOnly: true},
    {path: 'updatedAt', label: 'Updated', type: 'datetime', custom: false, readOnly: true},
  ];
  for (const field of userFields)
    if (field.active && typeof field.key === 'string' && field.key !== '')
      // Customers are read-only through Rapport: nothing writes user fields.
      fields.push({...customDescriptor(field.key, field), readOnly: true});
  return fields;
}
