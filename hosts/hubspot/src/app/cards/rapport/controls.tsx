import {Checkbox, Flex, Input, MultiSelect, Select, Text, TextArea} from '@hubspot/ui-extensions';
import type {ReactNode} from 'react';
import type {FieldType, FieldValue} from '@rapport/core';
import type {PlanField} from '@rapport/schema';
import type {Strings} from '@rapport/widgets/headless';

/** What a control needs to render one field, as the Lit form's `ControlContext` says it. */
export interface ControlContext {
  readonly field: PlanField;
  /** The value as the person entered it so far (text as typed), or `undefined`. */
  readonly value: FieldValue | undefined;
  /** The field's message, once it is shown; `undefined` while the field is fine. */
  readonly error: string | undefined;
  readonly required: boolean;
  /** Stores a new value. */
  readonly set: (value: FieldValue) => void;
  /** The person left the field: it is checked from now on. */
  readonly left: () => void;
  readonly strings: Strings;
}

/** Renders one field's control in HubSpot's components. */
export type ControlRenderer = (context: ControlContext) => ReactNode;

/** The props every HubSpot input takes the same way: label, help, placeholder, the message. */
const common = (c: ControlContext) => ({
  label: c.field.label,
  name: c.field.id,
  required: c.required,
  description: c.field.help,
  placeholder: c.field.placeholder,
  // HubSpot shows `validationMessage` as an error only with `error`, else as a success.
  error: c.error !== undefined,
  validationMessage: c.error,
});

/** A one-line text box; numbers, dates, addresses and tags (comma separated) are typed as text too. */
const input: ControlRenderer = (c) => (
  <Input
    {...common(c)}
    value={Array.isArray(c.value) ? c.value.join(', ') : String(c.value ?? '')}
    onChange={(value) => c.set(value)}
    onBlur={() => c.left()}
  />
);

const longtext: ControlRenderer = (c) => (
  <TextArea
    {...common(c)}
    rows={5}
    value={String(c.value ?? '')}
    onChange={(value) => c.set(value)}
    onBlur={() => c.left()}
  />
);

const select: ControlRenderer = (c) => (
  <Select
    {...common(c)}
    placeholder={c.field.placeholder ?? c.strings.choose}
    options={(c.field.options ?? []).map((o) => ({label: o.label, value: o.value}))}
    value={typeof c.value === 'string' ? c.value : undefined}
    onChange={(value) => {
      c.set(String(value));
      c.left();
    }}
  />
);

const multiselect: ControlRenderer = (c) => (
  <MultiSelect
    {...common(c)}
    options={(c.field.options ?? []).map((o) => ({label: o.label, value: o.value}))}
    value={Array.isArray(c.value) ? c.value : []}
    onChange={(value) => {
      c.set(value.map(String));
      c.left();
    }}
  />
);

// HubSpot's checkbox has no label or message of its own: the label is its content, the message a
// text under it.
const boolean: ControlRenderer = (c) => (
  <Flex direction="column" gap="flush">
    <Checkbox
      name={c.field.id}
      checked={c.value === true}
      description={c.field.help}
      onChange={(checked) => {
        c.set(checked);
        c.left();
      }}
    >
      {c.field.label}
    </Checkbox>
    {c.error !== undefined ? <Text variant="microcopy">{c.error}</Text> : null}
  </Flex>
);

/**
 * The controls by field type, as the Lit form's `fieldControls`: a text box for most types, a text
 * area for `longtext`, a select, a multi-select, and a checkbox for `boolean`. Values are typed as
 * text and checked by the same rules (`validateValues`), so both forms give the same messages.
 */
export const hubspotControls: Readonly<Record<FieldType, ControlRenderer>> = {
  text: input,
  longtext,
  email: input,
  phone: input,
  url: input,
  number: input,
  money: input,
  date: input,
  datetime: input,
  boolean,
  select,
  multiselect,
  tags: input,
  points: input,
  tier: input,
};
