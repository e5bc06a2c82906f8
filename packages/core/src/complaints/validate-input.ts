import {channels} from '../customers/customer.js';
import {refuseInput, requireObject} from '../errors.js';
import {isRecord, type FieldValue} from '../fields.js';
import {isEmail, textLength} from '../text.js';
import {severities, type ComplaintInput} from './complaint.js';

/** Length limits of a complaint's texts, in characters (code points). Every adapter enforces them. */
export const complaintLimits = {
  subject: 200,
  description: 5000,
  category: 64,
  contactName: 200,
} as const;

/**
 * Checks a complaint submission and returns it typed, with subject and description trimmed. Checks
 * everything at once: the error's `fields` has a message for each problem, keyed by field path
 * (`description`, `contact.email`, `customFields.order_number`).
 *
 * @throws RapportError `invalid_input`.
 */
export function validateComplaintInput(input: unknown): ComplaintInput {
  const problems: Record<string, string> = {};
  requireObject('complaint', input);
  const raw = input;
  const text = (field: string, max: number): string | undefined => {
    const value = raw[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problems[field] = 'is required';
      return undefined;
    }
    if (textLength(value) > max) problems[field] = `must be at most ${max} characters`;
    return value.trim();
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[]): T | undefined => {
    const value = raw[field];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
      return value as T;
    problems[field] = `must be one of ${allowed.join(', ')}`;
    return undefined;
  };

  const customerId = raw.customerId;
  const contact = raw.contact as Record<string, unknown> | undefined;
  if (customerId !== undefined && (typeof customerId !== 'string' || customerId === '')) {
    problems.customerId = 'must be a non-empty id';
  }
  if (customerId === undefined) {
    if (contact === null || typeof contact !== 'object') {
      problems.contact = 'is required when there is no customer id (name and e-mail)';
    } else {
      if (typeof contact.name !== 'string' || contact.name.trim() === '')
        problems['contact.name'] = 'is required';
      else if (textLength(contact.name) > complaintLimits.contactName) {
        problems['contact.name'] = `must be at most ${complaintLimits.contactName} characters`;
      }
      if (typeof contact.email !== 'string' || !isEmail(contact.email.trim())) {
        problems['contact.email'] = 'must be an e-mail address';
      }
    }
  }
  const channel = oneOf('channel', channels);
  const severity = oneOf('severity', severities);
  const category = text('category', complaintLimits.category);
  const subject = text('subject', complaintLimits.subject);
  const description = text('description', complaintLimits.description);

  const customFields = raw.customFields;
  if (customFields !== undefined) {
    if (!isRecord(customFields)) {
      problems.customFields = 'must be an object of field values';
    } else {
      for (const [key, value] of Object.entries(customFields)) {
        if (!isFieldValue(value))
          problems[`customFields.${key}`] =
            'must be text, a number, yes/no, empty or a list of texts';
      }
    }
  }

  refuseComplaint(problems);
  return {
    ...(typeof customerId === 'string' && {customerId}),
    ...(customerId === undefined && {
      contact: {name: String(contact!.name).trim(), email: String(contact!.email).trim()},
    }),
    channel: channel!,
    category: category!,
    severity: severity!,
    subject: subject!,
    description: description!,
    ...(customFields !== undefined && {customFields: customFields as Record<string, FieldValue>}),
  };
}

function isFieldValue(value: unknown): value is FieldValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
  );
}

/**
 * Refuses a complaint with problems: `invalid_input` whose `fields` map each field path to what is
 * wrong with it, and whose message lists them. Does nothing when `problems` is empty. Adapters call it
 * with their backend's own checks (an unknown custom field), after `validateComplaintInput`.
 */
export function refuseComplaint(problems: Readonly<Record<string, string>>): void {
  refuseInput('complaint', problems);
}
