import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  convertLead,
  isRapportError,
  pipelineValue,
  type Lead,
  type Opportunity,
  type Pipeline,
} from '@rapport/core';

const lead: Lead = {
  id: 'l1',
  name: {given: 'Mei', family: 'Chen'},
  email: 'mei@example.com',
  company: 'Lotus Tea House',
  source: 'event',
  status: 'qualified',
  ownerId: 'agent-7',
  createdAt: '2026-10-01T00:00:00Z',
  customFields: {budget: 'large'},
};
const at = '2026-11-02T09:00:00.000Z';

describe('convertLead', () => {
  it('turns a qualified lead into an account, a contact and a deal owned by the lead owner', () => {
    const result = convertLead(lead, {
      at,
      ids: {account: 'a1', contact: 'p1', opportunity: 'o1'},
      opportunity: {
        name: 'Tea supply 2027',
        stageId: 'proposal',
        amount: 12000,
        currency: 'CNY',
        expectedCloseDate: '2027-01-31',
      },
    });
    assert.equal(result.lead.status, 'converted');
    assert.equal(result.lead.convertedAt, at);
    assert.deepEqual(result.account, {
      id: 'a1',
      name: 'Lotus Tea House',
      kind: 'organization',
      createdAt: at,
      customFields: {},
      ownerId: 'agent-7',
    });
    assert.equal(result.contact.accountId, 'a1');
    assert.equal(result.contact.email, 'mei@example.com');
    assert.deepEqual(result.contact.customFields, {budget: 'large'});
    assert.equal(result.opportunity?.accountId, 'a1');
    assert.equal(result.opportunity?.contactId, 'p1');
    assert.equal(result.opportunity?.ownerId, 'agent-7');
    assert.equal(lead.status, 'qualified', 'the input lead is not changed');
  });

  it('creates a person account for a consumer lead, or uses an existing account', () => {
    const {company: _company, ...consumerLead} = lead;
    const consumer = convertLead(consumerLead, {at, ids: {account: 'a2', contact: 'p2'}});
    assert.equal(consumer.account.kind, 'person');
    assert.equal(consumer.account.name, 'Mei Chen');
    assert.equal(consumer.opportunity, undefined);
    const existing = {
      id: 'a9',
      name: 'Lotus Group',
      kind: 'organization',
      createdAt: at,
      customFields: {},
    } as const;
    assert.equal(
      convertLead(lead, {at, ids: {account: 'unused', contact: 'p3'}, existingAccount: existing})
        .contact.accountId,
      'a9',
    );
  });

  it('refuses leads that are not qualified', () => {
    for (const status of ['new', 'contacted', 'unqualified', 'converted'] as const) {
      assert.throws(
        () => convertLead({...lead, status}, {at, ids: {account: 'a', contact: 'p'}}),
        (e) => isRapportError(e, 'invalid_transition') && e.message.includes(status),
      );
    }
  });
});

describe('pipelineValue', () => {
  const pipeline: Pipeline = {
    id: 'sales',
    stages: [
      {id: 'discovery', name: 'Discovery', probability: 0.1},
      {id: 'proposal', name: 'Proposal', probability: 0.5},
      {id: 'won', name: 'Won', probability: 1, closed: 'won'},
      {id: 'lost', name: 'Lost', probability: 0, closed: 'lost'},
    ],
  };
  const deal = (
    id: string,
    stageId: string,
    amount: number,
    probability?: number,
  ): Opportunity => ({
    id,
    accountId: 'a',
    name: id,
    stageId,
    amount,
    currency: 'EUR',
    expectedCloseDate: '2027-01-01',
    createdAt: at,
    ...(probability !== undefined && {probability}),
  });

  it('weights open deals by probability and totals every stage', () => {
    const value = pipelineValue(
      [
        deal('a', 'discovery', 1000),
        deal('b', 'proposal', 2000),
        deal('c', 'proposal', 4000, 0.9),
        deal('d', 'won', 500),
        deal('e', 'lost', 700),
      ],
      pipeline,
    );
    assert.equal(value.openAmount, 7000);
    assert.equal(value.weightedAmount, 100 + 1000 + 3600);
    assert.equal(value.wonAmount, 500);
    assert.deepEqual(
      value.byStage.map((s) => [s.stageId, s.count, s.amount]),
      [
        ['discovery', 1, 1000],
        ['proposal', 2, 6000],
        ['won', 1, 500],
        ['lost', 1, 700],
      ],
    );
  });

  it('rejects a deal in an unknown stage or with an impossible probability', () => {
    assert.throws(
      () => pipelineValue([deal('x', 'negotiation', 1)], pipeline),
      (e) => isRapportError(e, 'invalid_input') && 'opportunities[0].stageId' in e.fields,
    );
    assert.throws(
      () => pipelineValue([deal('x', 'proposal', 1, 1.5)], pipeline),
      (e) => isRapportError(e, 'invalid_input') && 'opportunities[0].probability' in e.fields,
    );
  });
});
