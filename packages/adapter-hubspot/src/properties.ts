// HubSpot property definitions (the Properties API) and what Rapport makes of them: the model type of
// a value (every HubSpot value travels as a string or null) and the field type of a descriptor.
import type {FieldDescriptor, FieldType, FieldValue} from '@rapport/core';

/** One property definition from `GET /crm/v3/properties/{objectType}` (the fields the adapter reads). */
export interface HubSpotProperty {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly fieldType: string;
  readonly description?: string;
  readonly groupName?: string;
  readonly options: readonly {
    readonly label: string;
    readonly value: string;
    readonly displayOrder?: number;
    readonly hidden?: boolean;
  }[];
  readonly hasUniqueValue?: boolean;
  readonly hubspotDefined?: boolean;
  readonly calculated?: boolean;
  readonly hidden?: boolean;
  readonly showCurrencySymbol?: boolean;
  readonly modificationMetadata?: {readonly readOnlyValue?: boolean};
}

/** Whether the business made the property (HubSpot marks its own with `hubspotDefined: true`). */
export const isCustom = (property: HubSpotProperty): boolean => property.hubspotDefined !== true;

/** Whether `fieldType` makes an enumeration hold several values (`"a;b"`). */
const multiple = (property: HubSpotProperty): boolean =>
  property.type === 'enumeration' && property.fieldType === 'checkbox';

/** Whether the property is a yes/no, as a `bool` or as an enumeration shown as one checkbox. */
const yesNo = (property: HubSpotProperty): boolean =>
  property.type === 'bool' ||
  (property.type === 'enumeration' && property.fieldType === 'booleancheckbox');

/** HubSpot writes dates as ISO strings or as epoch milliseconds in a string; both are read. */
function instant(value: string): Date | null {
  const date = /^-?\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A HubSpot value in the model's type, by its property definition: numbers, booleans (`"true"`),
 * dates (ISO `YYYY-MM-DD`), datetimes (ISO 8601), multi-checkboxes as lists (`"a;b"` → `["a","b"]`),
 * other enumerations and strings as they are. Empty strings and unreadable numbers or dates are
 * `null`: HubSpot stores "no value" as `""` as often as `null`. Without a definition the string
 * stays a string.
 */
export function parseValue(
  value: string | null | undefined,
  property: HubSpotProperty | undefined,
): FieldValue {
  if (value === null || value === undefined || value === '') return null;
  if (!property) return value;
  if (yesNo(property)) return value === 'true' ? true : value === 'false' ? false : null;
  if (multiple(property))
    return value
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  switch (property.type) {
    case 'number': {
      const number = Number(value);
      return Number.isFinite(number) ? number : null;
    }
    case 'date': {
      const date = instant(value);
      return date ? date.toISOString().slice(0, 10) : null;
    }
    case 'datetime': {
      const date = instant(value);
      return date ? date.toISOString() : null;
    }
    default:
      return value;
  }
}

/** A model value as HubSpot stores it: a string (lists joined with `;`), `""` for nothing. */
export function formatValue(value: FieldValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

/** The Rapport field type of a HubSpot property. */
export function fieldTypeOf(property: HubSpotProperty): FieldType {
  if (yesNo(property)) return 'boolean';
  if (multiple(property)) return 'multiselect';
  switch (property.type) {
    case 'number':
      return property.showCurrencySymbol ? 'money' : 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'enumeration':
      return 'select';
    default:
      break;
  }
  switch (property.fieldType) {
    case 'textarea':
    case 'html':
      return 'longtext';
    case 'phonenumber':
      return 'phone';
    case 'file':
      return 'url';
    default:
      return property.name === 'email' ? 'email' : 'text';
  }
}

/** A descriptor of a custom property: `customFields.<name>`, typed from its definition. */
export function customDescriptor(property: HubSpotProperty): FieldDescriptor {
  const type = fieldTypeOf(property);
  const options =
    type === 'select' || type === 'multiselect'
      ? property.options
          .filter((option) => !option.hidden)
          .map((option) => ({value: option.value, label: option.label}))
      : undefined;
  const readOnly = property.calculated === true || property.modificationMetadata?.readOnlyValue;
  return {
    path: `customFields.${property.name}`,
    label: property.label || property.name,
    type,
    custom: true,
    ...(options && {options}),
    ...(readOnly && {readOnly: true}),
  };
}
