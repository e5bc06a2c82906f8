// sObject describe fields and what Rapport makes of them: a value in the model's type (datetimes come
// as `+0000`, multi-select picklists as `a;b`) and the field type of a descriptor.
import type {FieldDescriptor, FieldType, FieldValue} from '@rapport/core';

/** One field of `GET /sobjects/{Object}/describe` (the keys the adapter reads). */
export interface DescribeField {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly custom: boolean;
  readonly createable?: boolean;
  readonly updateable?: boolean;
  readonly calculated?: boolean;
  readonly externalId?: boolean;
  readonly unique?: boolean;
  readonly caseSensitive?: boolean;
  readonly nillable?: boolean;
  /** Characters a text field holds. */
  readonly length?: number;
  readonly restrictedPicklist?: boolean;
  readonly picklistValues?: readonly {
    readonly active: boolean;
    readonly label: string | null;
    readonly value: string;
    readonly defaultValue?: boolean;
  }[];
}

/** The parts of a describe the adapter reads. */
export interface Describe {
  readonly name: string;
  readonly label: string;
  /** The first 3 characters of the object's record ids (`003` for Contact). */
  readonly keyPrefix?: string | null;
  readonly fields: readonly DescribeField[];
}

/** `2026-05-01T07:25:37.000+0000` (Salesforce) as `2026-05-01T07:25:37.000Z` (ISO 8601, UTC). */
export function isoInstant(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A Salesforce value in the model's type, by its describe field. */
export function parseValue(value: unknown, field: DescribeField | undefined): FieldValue {
  if (value === null || value === undefined || value === '') return null;
  if (field?.type === 'datetime') return isoInstant(value);
  if (field?.type === 'multipicklist' && typeof value === 'string')
    return value.split(';').filter((part) => part !== '');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  // Compound fields (addresses, geolocations) are objects: a timeline shows them as text.
  return JSON.stringify(value);
}

/** A model value as Salesforce stores it: multi-select lists joined with `;`. */
export function formatValue(value: FieldValue): string | number | boolean | null {
  if (Array.isArray(value)) return value.join(';');
  return value as string | number | boolean | null;
}

/** The Rapport field type of a describe field type. */
const typeTable: Readonly<Record<string, FieldType>> = {
  string: 'text',
  textarea: 'longtext',
  email: 'email',
  phone: 'phone',
  url: 'url',
  picklist: 'select',
  multipicklist: 'multiselect',
  boolean: 'boolean',
  double: 'number',
  int: 'number',
  long: 'number',
  percent: 'number',
  currency: 'money',
  date: 'date',
  datetime: 'datetime',
};

/** The Rapport field type of a describe field. */
export const fieldTypeOf = (field: DescribeField): FieldType => typeTable[field.type] ?? 'text';

/** A descriptor of a custom field: `customFields.<ApiName>`, typed from the describe. */
export function customDescriptor(field: DescribeField): FieldDescriptor {
  const type = fieldTypeOf(field);
  const options =
    type === 'select' || type === 'multiselect'
      ? (field.picklistValues ?? [])
          .filter((option) => option.active)
          .map((option) => ({value: option.value, label: option.label ?? option.value}))
      : undefined;
  const readOnly = field.calculated === true || field.updateable === false;
  return {
    path: `customFields.${field.name}`,
    label: field.label || field.name,
    type,
    custom: true,
    ...(options && {options}),
    ...(readOnly && {readOnly: true}),
  };
}
