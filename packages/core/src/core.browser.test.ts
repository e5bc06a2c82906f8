// @rapport/core promises to run anywhere: this runs it in Chromium, as a page would.
import {expect} from '@open-wc/testing';
import {defaultSlaPolicy, scoreRfm, slaDueDates} from '@rapport/core';

describe('@rapport/core in a browser', () => {
  it('scores customers and computes SLA due dates in business hours', () => {
    const results = scoreRfm(
      [
        {customerId: 'a', at: '2026-10-01', amount: 10, currency: 'EUR'},
        {customerId: 'b', at: '2026-01-01', amount: 5, currency: 'EUR'},
      ],
      {asOf: '2026-11-01'},
    );
    expect(results.map((r) => r.segment)).to.deep.equal(['loyal', 'at_risk']);
    const due = slaDueDates('2026-11-20T08:00:00Z', 'critical', {
      ...defaultSlaPolicy,
      businessHours: {
        timeZone: 'Asia/Shanghai',
        days: [1, 2, 3, 4, 5],
        start: '09:00',
        end: '18:00',
      },
    });
    expect(due.responseDueAt).to.equal('2026-11-20T09:00:00.000Z');
  });
});
