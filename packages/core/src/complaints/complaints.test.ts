import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {
  allowedActions,
  complaintActions,
  complaintDurations,
  complaintStatuses,
  defaultSlaPolicy,
  isRapportError,
  slaDueDates,
  slaStatus,
  transitionComplaint,
  type Complaint,
  type SlaPolicy,
} from '@rapport/core';

const created = '2026-11-20T10:00:00Z';
const complaint: Complaint = {
  id: 'k1',
  reference: 'C-2026-000001',
  customerId: 'c1',
  channel: 'web',
  category: 'delivery',
  severity: 'high',
  subject: 'Parcel late',
  description: 'Ordered two weeks ago.',
  status: 'new',
  createdAt: created,
  updatedAt: created,
  ...slaDueDates(created, 'high', defaultSlaPolicy),
  customFields: {},
  history: [],
};
const hours = (h: number): string => new Date(Date.parse(created) + h * 3_600_000).toISOString();

describe('transitionComplaint', () => {
  it('walks the happy path and records response and resolution times', () => {
    let c = transitionComplaint(complaint, 'acknowledge', {at: hours(1)});
    c = transitionComplaint(c, 'start', {at: hours(2)});
    c = transitionComplaint(c, 'resolve', {at: hours(30), resolution: '  Refunded shipping.  '});
    c = transitionComplaint(c, 'close', {at: hours(40)});
    assert.equal(c.status, 'closed');
    assert.equal(c.firstResponseAt, hours(1));
    assert.equal(c.resolvedAt, hours(30));
    assert.equal(c.resolution, 'Refunded shipping.');
    assert.equal(c.closedAt, hours(40));
    assert.deepEqual(
      c.history.map((h) => `${h.from}>${h.to}`),
      ['new>acknowledged', 'acknowledged>in_progress', 'in_progress>resolved', 'resolved>closed'],
    );
    assert.deepEqual(complaintDurations(c), {
      firstResponseMs: 3_600_000,
      resolutionMs: 30 * 3_600_000,
    });
  });

  it('reopens a resolved complaint and keeps the first response time', () => {
    let c = transitionComplaint(complaint, 'resolve', {at: hours(1), resolution: 'Sent again'});
    c = transitionComplaint(c, 'reopen', {at: hours(5)});
    assert.equal(c.status, 'in_progress');
    assert.equal(c.firstResponseAt, hours(1));
  });

  it('clears the resolution time and text on reopening; the history keeps the earlier resolve', () => {
    let c = transitionComplaint(complaint, 'resolve', {at: hours(10), resolution: 'Sent again'});
    c = transitionComplaint(c, 'reopen', {at: hours(50)});
    assert.ok(!('resolvedAt' in c), 'a reopened complaint has no resolution time');
    assert.ok(!('resolution' in c), 'the earlier resolution text is not the current resolution');
    assert.deepEqual(
      c.history.map((h) => `${h.from}>${h.to}@${h.at}`),
      [`new>resolved@${hours(10)}`, `resolved>in_progress@${hours(50)}`],
    );
    assert.equal(complaintDurations(c).resolutionMs, null);
    c = transitionComplaint(c, 'resolve', {at: hours(90), resolution: 'Replaced the parcel'});
    assert.equal(c.resolvedAt, hours(90));
    assert.equal(c.resolution, 'Replaced the parcel');
    assert.equal(complaintDurations(c).resolutionMs, 90 * 3_600_000);
  });

  it('refuses transitions the life cycle does not allow, saying what is allowed', () => {
    const closed = transitionComplaint(
      transitionComplaint(complaint, 'resolve', {at: hours(1), resolution: 'ok'}),
      'close',
      {
        at: hours(2),
      },
    );
    assert.throws(
      () => transitionComplaint(closed, 'reopen', {at: hours(3)}),
      (e) =>
        isRapportError(e, 'invalid_transition') &&
        /final/.test(e.message) &&
        e.details.from === 'closed',
    );
    assert.throws(
      () => transitionComplaint(complaint, 'close', {at: hours(3)}),
      (e) =>
        isRapportError(e, 'invalid_transition') &&
        /allowed: acknowledge, start, resolve, reject/.test(e.message),
    );
  });

  it('requires a resolution text to resolve or reject, and a time after the last change', () => {
    assert.throws(
      () => transitionComplaint(complaint, 'reject', {at: hours(1), resolution: '   '}),
      (e) => isRapportError(e, 'invalid_input') && 'resolution' in e.fields,
    );
    assert.throws(
      () => transitionComplaint(complaint, 'acknowledge', {at: hours(-1)}),
      (e) => isRapportError(e, 'invalid_input') && 'at' in e.fields,
    );
  });

  it('only ever reaches statuses of the life cycle, and nothing leaves a final status (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...complaintActions), {maxLength: 20}), (actions) => {
        let c = complaint;
        actions.forEach((action, i) => {
          const allowed = allowedActions(c.status).includes(action);
          try {
            c = transitionComplaint(c, action, {at: hours(i + 1), resolution: 'done'});
            assert.ok(allowed);
          } catch (e) {
            assert.ok(!allowed && isRapportError(e, 'invalid_transition'));
          }
          assert.ok(complaintStatuses.includes(c.status));
        });
        if (c.status === 'closed' || c.status === 'rejected')
          assert.deepEqual(allowedActions(c.status), []);
      }),
    );
  });
});

describe('slaDueDates', () => {
  it('counts calendar hours by default', () => {
    assert.deepEqual(slaDueDates(created, 'critical', defaultSlaPolicy), {
      responseDueAt: '2026-11-20T11:00:00.000Z',
      resolutionDueAt: '2026-11-21T10:00:00.000Z',
    });
  });

  const shanghai: SlaPolicy = {
    targets: {...defaultSlaPolicy.targets, high: {responseHours: 4, resolutionHours: 16}},
    businessHours: {
      timeZone: 'Asia/Shanghai',
      days: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '18:00',
      holidays: ['2026-11-23'],
    },
  };

  it('counts only business hours in the business time zone, skipping weekends and holidays', () => {
    // Friday 2026-11-20 16:00 in Shanghai (08:00 UTC): 2 h left on Friday, Monday 23rd is a holiday.
    const due = slaDueDates('2026-11-20T08:00:00Z', 'high', shanghai);
    assert.equal(due.responseDueAt, '2026-11-24T03:00:00.000Z'); // Tuesday 11:00 Shanghai
    // 16 h: 2 on Friday, 9 on Tuesday, 5 on Wednesday -> Wednesday 14:00 Shanghai.
    assert.equal(due.resolutionDueAt, '2026-11-25T06:00:00.000Z');
  });

  it('starts the clock at opening time when a complaint arrives at night', () => {
    const due = slaDueDates('2026-11-24T15:00:00Z', 'high', shanghai); // 23:00 Tuesday in Shanghai
    assert.equal(due.responseDueAt, '2026-11-25T05:00:00.000Z'); // Wednesday 13:00
  });

  it('follows daylight saving time in zones that have it', () => {
    const berlin: SlaPolicy = {
      targets: {...defaultSlaPolicy.targets, low: {responseHours: 2, resolutionHours: 9}},
      businessHours: {
        timeZone: 'Europe/Berlin',
        days: [1, 2, 3, 4, 5, 6, 7],
        start: '09:00',
        end: '18:00',
      },
    };
    // Clocks went back on Sunday 2026-10-25: 09:00 is 07:00 UTC on Saturday and 08:00 UTC on Sunday.
    const due = slaDueDates('2026-10-24T16:00:00Z', 'low', berlin); // Saturday 18:00, closing time
    assert.equal(due.responseDueAt, '2026-10-25T10:00:00.000Z');
  });

  it('rejects an unknown time zone and business hours with no time', () => {
    const bad = (businessHours: SlaPolicy['businessHours']): unknown => {
      try {
        slaDueDates(created, 'low', {...defaultSlaPolicy, ...(businessHours && {businessHours})});
      } catch (e) {
        return e;
      }
    };
    const zone = bad({timeZone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00'});
    assert.ok(isRapportError(zone, 'invalid_input') && 'businessHours.timeZone' in zone.fields);
    const backwards = bad({timeZone: 'UTC', days: [1], start: '17:00', end: '09:00'});
    assert.ok(
      isRapportError(backwards, 'invalid_input') && 'businessHours.end' in backwards.fields,
    );
    const noDays = bad({timeZone: 'UTC', days: [], start: '09:00', end: '17:00'});
    assert.ok(isRapportError(noDays, 'invalid_input') && 'businessHours.days' in noDays.fields);
    const badTime = bad({timeZone: 'UTC', days: [1], start: '9am', end: '17:00'});
    assert.ok(isRapportError(badTime, 'invalid_input') && 'businessHours.start' in badTime.fields);
  });
});

describe('slaStatus', () => {
  it('runs until due, then is breached; met or breached once done', () => {
    assert.deepEqual(slaStatus(complaint, hours(1)).response, {
      state: 'running',
      dueAt: hours(4),
      remainingMs: 3 * 3_600_000,
    });
    assert.equal(slaStatus(complaint, hours(5)).response.state, 'breached');
    assert.equal(slaStatus(complaint, hours(5)).breached, true);
    const answered = transitionComplaint(complaint, 'acknowledge', {at: hours(3)});
    assert.equal(slaStatus(answered, hours(100)).response.state, 'met');
    const late = transitionComplaint(answered, 'resolve', {at: hours(80), resolution: 'ok'});
    assert.equal(slaStatus(late, hours(100)).resolution.state, 'breached');
  });

  it('runs the resolution clock again after a reopen, against the original due date', () => {
    // Resolved in time (due at 72 h), reopened at 50 h.
    const resolved = transitionComplaint(complaint, 'resolve', {at: hours(10), resolution: 'ok'});
    assert.equal(slaStatus(resolved, hours(100)).resolution.state, 'met');
    const reopened = transitionComplaint(resolved, 'reopen', {at: hours(50)});
    assert.deepEqual(slaStatus(reopened, hours(60)).resolution, {
      state: 'running',
      dueAt: hours(72),
      remainingMs: 12 * 3_600_000,
    });
    assert.equal(slaStatus(reopened, hours(80)).resolution.state, 'breached');
    assert.equal(slaStatus(reopened, hours(80)).breached, true);
    const again = transitionComplaint(reopened, 'resolve', {at: hours(70), resolution: 'ok'});
    assert.equal(slaStatus(again, hours(80)).resolution.state, 'met');
  });

  it('reads an open complaint as unresolved even if it carries an old resolution time', () => {
    // What a backend that does not clear the field on reopen, or an older data file, sends.
    const stale: Complaint = {
      ...complaint,
      status: 'in_progress',
      firstResponseAt: hours(1),
      resolvedAt: hours(2),
      resolution: 'ok',
    };
    assert.equal(slaStatus(stale, hours(100)).resolution.state, 'breached');
    assert.equal(complaintDurations(stale).resolutionMs, null);
  });

  it('stops the resolution clock when a complaint is closed without a resolution time', () => {
    const closed: Complaint = {
      ...complaint,
      status: 'closed',
      firstResponseAt: hours(1),
      closedAt: hours(20),
    };
    assert.equal(slaStatus(closed, hours(500)).resolution.state, 'met');
    assert.equal(complaintDurations(closed).resolutionMs, null);
  });

  it('stops the resolution clock when a complaint is rejected', () => {
    const rejected = transitionComplaint(complaint, 'reject', {
      at: hours(2),
      resolution: 'Not our product',
    });
    assert.deepEqual(slaStatus(rejected, hours(500)), {
      response: {state: 'met', dueAt: hours(4)},
      resolution: {state: 'met', dueAt: hours(72)},
      breached: false,
    });
  });
});
