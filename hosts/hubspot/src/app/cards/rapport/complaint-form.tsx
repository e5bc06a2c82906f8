import {Alert, Button, Flex, Form, Heading, Text} from '@hubspot/ui-extensions';
import {useEffect, useMemo, useReducer, useRef, useState, type ReactNode} from 'react';
import {isRapportError, type Complaint, type ComplaintInput, type FieldValue} from '@rapport/core';
import {
  coerceValue,
  complaintInputDefaults,
  complaintInputPlan,
  inputFromValues,
  isShown,
  resolveLayout,
  validateValues,
  type PlanField,
  type PlanNode,
  type RenderPlan,
} from '@rapport/schema';
import {formatDate, stringsFor, Submission} from '@rapport/widgets/headless';
import {hubspotControls} from './controls.js';
import {useRecord} from './record.js';
import type {WidgetProps} from './widget.js';

type Values = Readonly<Record<string, FieldValue>>;

/** The values as they would be sent, which is what the rules judge (tags as a list, a number as one). */
function asSent(plan: RenderPlan, values: Values): Record<string, FieldValue | undefined> {
  const result: Record<string, FieldValue | undefined> = {};
  for (const field of plan.fields)
    if (Object.hasOwn(values, field.id)) result[field.id] = coerceValue(field, values[field.id]);
  return result;
}

/**
 * `<rapport-complaint-form>` in HubSpot's components: the fields of the `complaint-form` layout for
 * the role, checked as the Lit form checks them (once a field was left, and on submit, with the same
 * messages), sent once with one idempotency key however often it is retried, and the reference and
 * promised reply time once stored. What was typed stays after a failure.
 */
export function ComplaintForm(props: WidgetProps & {readonly channel?: ComplaintInput['channel']}) {
  const {client, customerId, locale} = props;
  const s = stringsFor(locale);
  const plan = useMemo(
    () =>
      complaintInputPlan(
        resolveLayout(props.customization, 'complaint-form', {role: props.viewerRole, locale}),
        {anonymous: !customerId},
      ),
    [props.customization, props.viewerRole, locale, customerId],
  );
  const [values, setValues] = useState<Values>({});
  const [checked, setChecked] = useState<ReadonlySet<string> | 'all'>(new Set());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const submission = useRef<Submission<Complaint> | null>(null);
  submission.current ??= new Submission<Complaint>({requestUpdate: rerender});
  const sent = submission.current;
  // The gateway's verdict on fields, after a refused submission, until the person edits them.
  const [refused, setRefused] = useState<Readonly<Record<string, string>>>({});
  // As the Lit form: a customer the backend does not know, or the viewer may not see, gets no form.
  const [customer] = useRecord(client, 'customers', customerId);
  // Another customer on screen: what was typed stays, a previous customer's outcome goes.
  const shownFor = useRef(customerId);
  useEffect(() => {
    if (shownFor.current === customerId) return;
    shownFor.current = customerId;
    if (sent.phase !== 'submitting') sent.reset();
  }, [customerId, sent]);

  const sentValues = asSent(plan, values);
  const errors = {
    ...refused,
    ...validateValues(plan, sentValues, {
      locale,
      ...(checked !== 'all' && {only: [...checked]}),
    }).errors,
  };

  const submit = async () => {
    setChecked('all');
    if (!validateValues(plan, sentValues, {locale}).valid) return;
    const input = {
      channel: props.channel ?? 'web',
      ...complaintInputDefaults,
      ...inputFromValues(plan, values),
      ...(customerId && {customerId}),
    } as unknown as ComplaintInput;
    const stored = await sent.submit(input, (idempotencyKey) =>
      client.create('complaints', input, {idempotencyKey}),
    );
    if (!stored && isRapportError(sent.error, 'invalid_input') && sent.error.fields)
      setRefused(sent.error.fields);
  };

  if (
    customerId &&
    customer.status === 'failed' &&
    (isRapportError(customer.error, 'not_found') || isRapportError(customer.error, 'forbidden'))
  )
    return <Text>{s.customerUnknown}</Text>;

  if (sent.phase === 'succeeded') {
    const complaint = sent.result!;
    const hours = Math.max(
      1,
      Math.round(
        (Date.parse(complaint.responseDueAt) - Date.parse(complaint.createdAt)) / 3_600_000,
      ),
    );
    return (
      <Alert title={s.thanks} variant="success">
        <Text>
          {s.reference}: {complaint.reference}
        </Text>
        <Text>
          {s.replyBy(formatDate(complaint.responseDueAt, locale, 'medium', true), s.hours(hours))}
        </Text>
        <Button
          onClick={() => {
            sent.reset();
            setValues({});
            setChecked(new Set());
          }}
        >
          {s.another}
        </Button>
      </Alert>
    );
  }

  const control = (field: PlanField): ReactNode =>
    (hubspotControls[field.type] ?? hubspotControls.text)({
      field,
      value: values[field.id],
      error: errors[field.id],
      required: field.validation.required === true,
      set: (value) => {
        setValues((now) => ({...now, [field.id]: value}));
        setRefused(({[field.id]: _edited, ...others}) => others);
        sent.edited();
      },
      left: () => setChecked((now) => (now === 'all' ? now : new Set([...now, field.id]))),
      strings: s,
    });
  const failure = sent.phase === 'failed' ? sent.error : undefined;
  return (
    <Form onSubmit={() => void submit()}>
      <Flex direction="column" gap="sm">
        {renderFields(plan.root, sentValues, control)}
        {failure !== undefined ? (
          <Alert title={s.submitFailed} variant="error">
            {(isRapportError(failure) && s.errors[failure.code]) || s.errors.unavailable}
          </Alert>
        ) : null}
        <Button type="submit" variant="primary" disabled={sent.phase === 'submitting'}>
          {sent.phase === 'submitting' ? s.submitting : s.submit}
        </Button>
      </Flex>
    </Form>
  );
}

/** The form's fields in the layout's order, without what rules hide for the current values. */
function renderFields(
  node: PlanNode | null,
  values: Readonly<Record<string, FieldValue | undefined>>,
  control: (field: PlanField) => ReactNode,
): ReactNode[] {
  if (!node || !isShown(node, values)) return [];
  if (node.kind === 'control') return [<Flex key={node.field.id}>{control(node.field)}</Flex>];
  const fields = node.children.flatMap((child) => renderFields(child, values, control));
  // HubSpot forms are one column: a group keeps its heading, rows and grids become that column.
  if (node.kind !== 'group' || fields.length === 0) return fields;
  const first = (fields[0] as {key?: string | null}).key;
  return [<Heading key={`heading-${first}`}>{node.label}</Heading>, ...fields];
}
