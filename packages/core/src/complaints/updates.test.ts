import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  actionsForRole,
  applyComplaintUpdate,
  businessTimeBetween,
  checkComplaintAction,
  defaultComplaintPolicy,
  isRapportError,
  validateComplaintUpdateInput,
  type Complaint,
} from '@rapport/core';

const complaint = (extra: Partial<Complaint> = {}): Complaint => ({
  id: 'k1',
  reference: 'C-2026-000001',
  customerId: 'c1',
  channel: 'web',
  category: 'delivery',
  severity: 'medium',
  subject: 'Late parcel',
  description: 'It came a week late.',
  status: 'new',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  responseDueAt: '2026-03-03T09:00:00.000Z',
  resolutionDueAt: '2026-03-07T09:00:00.000Z',
  customFields: {},
  history: [],
  ...extra,
});
const agent = {kind: 'staff', role: 'agent', id: 'a1'} as const;
const customer = {kind: 'customer', role: 'customer', id: 'c1'} as const;

describe('complaint policy', () => {
  it('lets customers reopen, agents move a complaint along, supervisors close; others only reply', () => {
    assert.deepEqual(actionsForRole(defaultComplaintPolicy, 'customer'), ['reopen']);
    assert.ok(!actionsForRole(defaultComplaintPolicy, 'agent').includes('close'));
    assert.ok(actionsForRole(defaultComplaintPolicy, 'supervisor').includes('close'));
    assert.deepEqual(actionsForRole(defaultComplaintPolicy, 'constructor'), []);
    assert.throws(
      () => checkComplaintAction(defaultComplaintPolicy, 'customer', 'resolve'),
      (error: unknown) =>
        isRapportError(error, 'forbidden') &&
        error.message === 'The customer role may not resolve a complaint (it may: reopen)',
    );
    assert.throws(
      () => checkComplaintAction(defaultComplaintPolicy, 'auditor', 'start'),
      /may not start a complaint \(it may only reply\)/,
    );
  });
});

describe('applyComplaintUpdate', () => {
  it('records an agent’s first reply as the first response, without changing the status', () => {
    const {complaint: changed, update} = applyComplaintUpdate(
      complaint(),
      {complaintId: 'k1', customerId: 'c1', body: 'Sorry, we are on it.', author: agent},
      {id: 'u1', at: '2026-03-02T10:00:00Z'},
    );
    assert.equal(changed.status, 'new');
    assert.equal(changed.firstResponseAt, '2026-03-02T10:00:00.000Z');
    assert.deepEqual(update, {
      id: 'u1',
      complaintId: 'k1',
      customerId: 'c1',
      author: agent,
      body: 'Sorry, we are on it.',
      action: null,
      status: 'new',
      at: '2026-03-02T10:00:00.000Z',
    });
  });

  it('keeps a customer reply from counting as a response', () => {
    const {complaint: changed, update} = applyComplaintUpdate(
      complaint(),
      {complaintId: 'k1', customerId: 'c1', body: 'Any news?'},
      {id: 'u2', at: '2026-03-02T11:00:00Z'},
    );
    assert.equal(changed.firstResponseAt, undefined);
    assert.deepEqual(update.author, customer);
  });

  it('resolves with the reply as the resolution text', () => {
    const {complaint: changed, update} = applyComplaintUpdate(
      complaint({status: 'in_progress'}),
      {complaintId: 'k1', customerId: 'c1', action: 'resolve', body: 'Refunded.', author: agent},
      {id: 'u3', at: '2026-03-03T10:00:00Z'},
    );
    assert.equal(changed.status, 'resolved');
    assert.equal(changed.resolution, 'Refunded.');
    assert.equal(update.status, 'resolved');
  });

  it('refuses an action the role may not take, before the state machine', () => {
    assert.throws(
      () =>
        applyComplaintUpdate(
          complaint({status: 'resolved', resolvedAt: '2026-03-03T10:00:00Z'}),
          {complaintId: 'k1', customerId: 'c1', action: 'close', author: agent},
          {id: 'u', at: '2026-03-04T00:00:00Z'},
        ),
      (error: unknown) => isRapportError(error, 'forbidden'),
    );
    assert.throws(
      () =>
        applyComplaintUpdate(
          complaint(),
          {complaintId: 'k1', customerId: 'c1', action: 'reopen'},
          {id: 'u', at: '2026-03-04T00:00:00Z'},
        ),
      (error: unknown) => isRapportError(error, 'invalid_transition'),
    );
  });

  it('lets a customer reopen within the window and not after it', () => {
    const resolved = complaint({
      status: 'resolved',
      resolvedAt: '2026-03-03T10:00:00.000Z',
      updatedAt: '2026-03-03T10:00:00.000Z',
    });
    const input = {complaintId: 'k1', customerId: 'c1', action: 'reopen'} as const;
    const within = applyComplaintUpdate(resolved, input, {id: 'u', at: '2026-03-17T10:00:00Z'});
    assert.equal(within.complaint.status, 'in_progress');
    assert.throws(
      () => applyComplaintUpdate(resolved, input, {id: 'u', at: '2026-03-17T10:00:01Z'}),
      (error: unknown) =>
        isRapportError(error, 'forbidden') &&
        (error.details as {reason?: string}).reason === 'reopen_window_passed',
    );
    // Staff are not bound by the customer's window.
    const late = applyComplaintUpdate(
      resolved,
      {...input, author: agent},
      {id: 'u', at: '2026-04-30T00:00:00Z'},
    );
    assert.equal(late.complaint.status, 'in_progress');
  });
});

describe('validateComplaintUpdateInput', () => {
  it('needs a reply or an action, and names each problem', () => {
    assert.throws(
      () => validateComplaintUpdateInput({complaintId: 'k1', customerId: 'c1', body: '   '}),
      (error: unknown) =>
        isRapportError(error, 'invalid_input') && /body/.test(Object.keys(error.fields).join()),
    );
    assert.throws(
      () =>
        validateComplaintUpdateInput({
          complaintId: 'k1',
          customerId: 'c1',
          action: 'escalate',
          author: {kind: 'robot'},
        }),
      (error: unknown) =>
        isRapportError(error, 'invalid_input') &&
        Object.keys(error.fields).sort().join() === 'action,author',
    );
    assert.deepEqual(
      validateComplaintUpdateInput({complaintId: 'k1', customerId: 'c1', body: ' Thanks \n'}),
      {complaintId: 'k1', customerId: 'c1', body: 'Thanks'},
    );
  });
});

describe('businessTimeBetween', () => {
  const hours = {timeZone: 'Asia/Shanghai', days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00'};
  it('counts only working hours', () => {
    // Friday 16:00 to Monday 11:00 in Shanghai: 2 hours on Friday, 2 on Monday.
    assert.equal(
      businessTimeBetween('2026-03-06T08:00:00Z', '2026-03-09T03:00:00Z', hours),
      4 * 3_600_000,
    );
    // Calendar time without business hours; nothing for a time already past.
    assert.equal(businessTimeBetween('2026-03-06T08:00:00Z', '2026-03-06T09:30:00Z'), 5_400_000);
    assert.equal(businessTimeBetween('2026-03-06T08:00:00Z', '2026-03-06T07:00:00Z', hours), 0);
    // A weekend stretch holds no working time.
    assert.equal(businessTimeBetween('2026-03-07T02:00:00Z', '2026-03-08T10:00:00Z', hours), 0);
  });
});
