// What leaves the gateway of the records issue 18 added, role by role, with the built-in document:
// an allow-list, so a property the backend adds (an internal note, a cost price) never leaves.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {catalogue, essentialsOf} from '@rapport/core';
import {createRedactor} from '@rapport/gateway';
import {defaultCustomization, maskValue} from '@rapport/schema';

const redact = createRedactor(defaultCustomization);
const roles = defaultCustomization.roles.map((r) => r.id);
const keysOf = (record: object) => Object.keys(record).sort();
const internal = {internalNote: 'do not show', costPrice: 1.2};

const reward = {
  id: 'coffee',
  customerId: 'c-001',
  name: {en: 'Coffee', 'zh-CN': '咖啡'},
  description: {en: 'Any size.'},
  cost: 150,
  kind: 'coupon',
  discount: {type: 'fixed', amount: 3, currency: 'EUR'},
  validDays: 30,
  minimumTierId: 'silver',
  minimumTierName: {en: 'Silver'},
  limitPerCustomer: 2,
  availableFrom: '2026-01-01T00:00:00.000Z',
  availableUntil: '2026-12-31T00:00:00.000Z',
  stock: 12,
  refusal: 'tier_too_low',
  pointsShort: 0,
  redeemedCount: 1,
  ...internal,
};

describe('redaction of rewards, redemptions, points, complaint updates and survey answers', () => {
  it("sends a reward's document fields, what they reveal and its essentials, to every role", () => {
    for (const role of roles)
      assert.deepEqual(
        keysOf(redact('rewards', reward, role)),
        [
          'availableUntil',
          'cost',
          'customerId',
          'description',
          'discount',
          'id',
          'kind',
          'limitPerCustomer',
          'minimumTierId',
          'minimumTierName',
          'name',
          'pointsShort',
          'redeemedCount',
          'refusal',
          'stock',
          'validDays',
        ],
        role,
      );
  });

  it('hides a reward field the document hides for a role, with what it reveals', () => {
    const customization = structuredClone(defaultCustomization);
    customization.fields.minimumTier!.access = {customer: 'hidden'};
    customization.fields.stock!.access = {customer: 'hidden'};
    const shown = createRedactor(customization)('rewards', reward, 'customer');
    for (const gone of ['minimumTierId', 'minimumTierName', 'stock'])
      assert.equal(Object.hasOwn(shown, gone), false, gone);
    assert.equal(shown.cost, 150, 'an essential stays');
  });

  it('sends a survey answer its score, comment and essentials', () => {
    const answer = {
      id: 's-1',
      customerId: 'c-001',
      complaintId: 'k-1',
      kind: 'csat',
      score: 4,
      comment: 'Quick.',
      createdAt: '2026-11-01T09:00:00.000Z',
      ...internal,
    };
    for (const role of roles)
      assert.deepEqual(
        keysOf(redact('surveyAnswers', answer, role)),
        ['comment', 'complaintId', 'createdAt', 'customerId', 'id', 'kind', 'score'],
        role,
      );
  });

  it('sends resources without an entity their essentials, and what repeats a field the role may see', () => {
    const records = {
      redemptions: {
        id: 'r-1',
        customerId: 'c-001',
        rewardId: 'coffee',
        rewardName: {en: 'Coffee'},
        kind: 'coupon',
        points: 150,
        code: 'COFFEE-7Q2X',
        transactionId: 't-9',
        createdAt: '2026-11-01T09:00:00.000Z',
        ...internal,
      },
      pointsTransactions: {
        id: 't-9',
        customerId: 'c-001',
        type: 'redeem',
        points: -150,
        at: '2026-11-01T09:00:00.000Z',
        availableAt: '2026-11-01T09:00:00.000Z',
        reason: 'reward:coffee',
        ...internal,
      },
    } as const;
    for (const [resource, record] of Object.entries(records)) {
      const definition = catalogue[resource as keyof typeof records];
      for (const role of roles)
        assert.deepEqual(
          keysOf(redact(resource, record, role)),
          [...essentialsOf(definition), ...Object.keys(definition.repeats ?? {})].sort(),
          `${resource} for ${role}`,
        );
    }
    assert.equal(redact('redemptions', records.redemptions, 'customer').code, 'COFFEE-7Q2X');
    // Codes and points go where the balance goes: a role that may not see points gets neither.
    const customization = structuredClone(defaultCustomization);
    customization.fields.points!.access = {agent: 'hidden'};
    const strict = createRedactor(customization);
    for (const [resource, record] of Object.entries(records))
      assert.deepEqual(
        keysOf(strict(resource, record, 'agent')),
        essentialsOf(catalogue[resource as keyof typeof records]).sort(),
        `${resource} for an agent who may not see points`,
      );
  });

  it("sends a complaint update's body only to roles that may see complaint descriptions", () => {
    const update = {
      id: 'u-1',
      complaintId: 'k-1',
      customerId: 'c-001',
      author: {kind: 'staff', role: 'agent', id: 'agent-ana'},
      body: 'A new parcel is on its way.',
      action: 'resolve',
      status: 'resolved',
      at: '2026-11-01T09:00:00.000Z',
      ...internal,
    };
    const line = ['action', 'at', 'author', 'complaintId', 'customerId', 'id', 'status'];
    for (const role of roles) {
      const sent = redact('complaintUpdates', update, role);
      assert.deepEqual(keysOf(sent), [...line, 'body'].sort());
      // Who wrote it by kind and role; the agent's id stays on the server.
      assert.deepEqual(sent.author, {kind: 'staff', role: 'agent'}, role);
    }
    const customization = structuredClone(defaultCustomization);
    customization.fields.description!.access = {supervisor: 'partial', agent: 'hidden'};
    const strict = createRedactor(customization);
    assert.deepEqual(keysOf(strict('complaintUpdates', update, 'agent')), line);
    assert.equal(
      strict('complaintUpdates', update, 'supervisor').body,
      maskValue(update.body, 'partial'),
      'a masked description masks the body as well',
    );
  });
});
