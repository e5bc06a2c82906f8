// Who may write what, decided by the gateway from the verified token, tried by raw fetch against a
// real gateway on 127.0.0.1 with bodies a script could craft: the widget is not in the way. The
// backend is a small recording adapter, so what it receives is what the gateway let through.
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {
  refusedRedemption,
  type ComplaintUpdate,
  type ComplaintUpdateInput,
  type CrmAdapter,
  type Redemption,
  type RedemptionInput,
  type RedemptionRefusal,
  type SurveyAnswer,
  type SurveyAnswerInput,
} from '@rapport/core';
import {createGateway, signAgentToken, type GatewayOptions} from '@rapport/gateway';
import {serveGateway, type RunningServer} from '@rapport/gateway/node';
import {defaultCustomization} from '@rapport/schema';
import {audience, customerToken, secret} from '../test-support/support.js';

/** What the backend was asked to create, by resource. */
interface Received {
  complaintUpdates: ComplaintUpdateInput[];
  surveyAnswers: SurveyAnswerInput[];
  redemptions: RedemptionInput[];
}

const rewards: Record<string, {cost: number; refusal: RedemptionRefusal | null}> = {
  coffee: {cost: 100, refusal: null},
  weekend: {cost: 9000, refusal: 'insufficient_points'},
  lounge: {cost: 500, refusal: 'tier_too_low'},
  mug: {cost: 50, refusal: 'out_of_stock'},
  tote: {cost: 50, refusal: 'limit_reached'},
};

/** A backend that serves the three writable resources of issue 18 and records every create. */
function recordingAdapter(received: Received): CrmAdapter {
  let n = 0;
  const at = () => new Date(Date.UTC(2026, 10, 1, 9, 0, n)).toISOString();
  const page = <T>(items: T[]) => ({items, nextCursor: null});
  const adapter: CrmAdapter = {
    name: 'recording',
    capabilities: {maxBatchSize: 10, entities: [], customFieldsWritable: false},
    describeFields: async (entity) => ({entity, fields: []}),
    resources: {
      complaintUpdates: {
        list: async (customerId) =>
          page<ComplaintUpdate>([
            {
              id: 'u-1',
              complaintId: 'k-1',
              customerId,
              author: {kind: 'staff', role: 'agent', id: 'agent-ana'},
              body: 'We have sent a new parcel.',
              action: null,
              status: 'in_progress',
              at: at(),
              // What the backend keeps for itself: never leaves the gateway.
              ...{internalNote: 'customer called twice'},
            },
          ]),
        create: async (input) => {
          received.complaintUpdates.push(input);
          n++;
          return {
            id: `u-${n + 1}`,
            complaintId: input.complaintId,
            customerId: input.customerId,
            author: input.author!,
            body: input.body ?? null,
            action: input.action ?? null,
            status: input.action === 'reopen' ? 'in_progress' : 'resolved',
            at: at(),
          };
        },
      },
      surveyAnswers: {
        list: async () => page<SurveyAnswer>([]),
        create: async (input) => {
          received.surveyAnswers.push(input);
          n++;
          return {id: `s-${n}`, complaintId: null, ...input, createdAt: at()};
        },
      },
      redemptions: {
        list: async () => page<Redemption>([]),
        create: async (input) => {
          const reward = rewards[input.rewardId];
          if (!reward) throw refusedRedemption({id: input.rewardId, cost: 0}, 'not_available');
          if (reward.refusal)
            throw refusedRedemption({id: input.rewardId, cost: reward.cost}, reward.refusal, {
              account: {customerId: input.customerId, balance: 240, tierId: 'silver'},
              redeemed: {},
              at: at(),
            });
          received.redemptions.push(input);
          n++;
          return {
            id: `r-${n}`,
            customerId: input.customerId,
            rewardId: input.rewardId,
            rewardName: {en: 'Coffee'},
            kind: 'coupon',
            points: reward.cost,
            code: `COFFEE-${n}`,
            transactionId: `t-${n}`,
            createdAt: at(),
          };
        },
      },
    },
  };
  return adapter;
}

let server: RunningServer;
let received: Received;
const started: RunningServer[] = [];

async function serve(options: Partial<GatewayOptions> = {}): Promise<RunningServer> {
  const running = await serveGateway(
    createGateway({
      adapter: recordingAdapter(received),
      auth: {secret, audience},
      rateLimit: false,
      ...options,
    }),
    {port: 0},
  );
  started.push(running);
  return running;
}

before(async () => {
  received = {complaintUpdates: [], surveyAnswers: [], redemptions: []};
  server = await serve();
});
after(async () => {
  await Promise.all(started.map((s) => s.close()));
});

let keys = 0;
/** A raw POST, as a script would send it. */
async function post(
  path: string,
  body: unknown,
  token: string | null,
  at: RunningServer = server,
): Promise<{
  status: number;
  body: {error?: {code: string; message: string; details: {reason?: string}}} & Record<
    string,
    unknown
  >;
}> {
  const response = await fetch(`${at.url}/v1/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `rules-${++keys}`,
      ...(token !== null && {authorization: `Bearer ${token}`}),
    },
    body: JSON.stringify(body),
  });
  return {status: response.status, body: (await response.json()) as never};
}
const staff = (roles: string[], agentId = 'agent-ana') =>
  signAgentToken({agentId, roles, key: {secret}, audience});

describe('gateway: complaint updates', () => {
  it("stamps the author from the token and replaces a body's own", async () => {
    const spoofed = {kind: 'staff', role: 'supervisor', id: 'boss'};
    const mine = await post(
      'complaint-updates',
      {complaintId: 'k-1', body: 'Still nothing.', author: spoofed},
      await customerToken('c-001'),
    );
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    assert.deepEqual(
      received.complaintUpdates.at(-1)?.author,
      {kind: 'customer', role: 'customer', id: 'c-001'},
      'the backend sees the customer of the token as the author',
    );
    assert.equal(received.complaintUpdates.at(-1)?.customerId, 'c-001');
    const agent = await post(
      'complaint-updates',
      {
        complaintId: 'k-1',
        customerId: 'c-002',
        body: 'On its way.',
        author: {kind: 'customer', role: 'customer', id: 'c-002'},
      },
      await staff(['agent'], 'agent-bo'),
    );
    assert.equal(agent.status, 201, JSON.stringify(agent.body));
    assert.deepEqual(received.complaintUpdates.at(-1)?.author, {
      kind: 'staff',
      role: 'agent',
      id: 'agent-bo',
    });
  });

  it('refuses a transition the role may not make with 403, before the backend sees it', async () => {
    const before = received.complaintUpdates.length;
    const cases: [what: string, token: string, body: Record<string, unknown>, message: RegExp][] = [
      [
        'a customer resolving',
        await customerToken('c-001'),
        {complaintId: 'k-1', action: 'resolve', resolution: 'Done, says I.'},
        /The customer role may not resolve a complaint \(it may: reopen\)/,
      ],
      [
        'a customer closing with a spoofed supervisor author',
        await customerToken('c-001'),
        {complaintId: 'k-1', action: 'close', author: {kind: 'staff', role: 'supervisor'}},
        /The customer role may not close a complaint/,
      ],
      [
        'an agent closing',
        await staff(['agent']),
        {complaintId: 'k-1', customerId: 'c-001', action: 'close'},
        /The agent role may not close a complaint \(it may: acknowledge, start, resolve, reject, reopen\)/,
      ],
    ];
    for (const [what, token, body, message] of cases) {
      const answer = await post('complaint-updates', body, token);
      assert.equal(answer.status, 403, `${what}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error?.code, 'forbidden', what);
      assert.equal(answer.body.error?.details.reason, 'action_not_allowed', what);
      assert.match(answer.body.error!.message, message, what);
    }
    assert.equal(received.complaintUpdates.length, before, 'the backend saw none of them');
  });

  it('lets each role make the transitions the policy gives it', async () => {
    const reopen = await post(
      'complaint-updates',
      {complaintId: 'k-1', action: 'reopen', body: 'It broke again.'},
      await customerToken('c-001'),
    );
    assert.equal(reopen.status, 201, JSON.stringify(reopen.body));
    const close = await post(
      'complaint-updates',
      {complaintId: 'k-1', customerId: 'c-001', action: 'close'},
      await staff(['supervisor']),
    );
    assert.equal(close.status, 201, JSON.stringify(close.body));
    assert.equal(received.complaintUpdates.at(-1)?.action, 'close');
  });

  it("refuses a customer's update of another customer's thread", async () => {
    const answer = await post(
      'complaint-updates',
      {complaintId: 'k-9', customerId: 'c-002', body: 'Hello'},
      await customerToken('c-001'),
    );
    assert.equal(answer.status, 403);
    assert.match(answer.body.error!.message, /only create complaintUpdates for that customer/);
  });

  it('follows a complaintPolicy given as an option, and refuses one naming unknown roles', async () => {
    const strict = await serve({
      complaintPolicy: {actions: {customer: [], agent: ['acknowledge']}, reopenWithinDays: 0},
    });
    const reopen = await post(
      'complaint-updates',
      {complaintId: 'k-1', action: 'reopen'},
      await customerToken('c-001'),
      strict,
    );
    assert.equal(reopen.status, 403);
    assert.match(
      reopen.body.error!.message,
      /The customer role may not reopen a complaint \(it may only reply\)/,
    );
    const supervisor = await post(
      'complaint-updates',
      {complaintId: 'k-1', customerId: 'c-001', action: 'close'},
      await staff(['supervisor']),
      strict,
    );
    assert.equal(supervisor.status, 403, 'a role the policy does not list may only reply');
    assert.throws(
      () =>
        createGateway({
          adapter: recordingAdapter(received),
          auth: {secret, audience},
          complaintPolicy: {actions: {manager: ['close']}, reopenWithinDays: 14},
        }),
      /complaintPolicy names "manager", not a role of its customization document \(roles: customer, agent, supervisor\)/,
    );
  });

  it('sends only the allow-list: no bodies to a role that may not see complaint descriptions', async () => {
    const customization = structuredClone(defaultCustomization);
    customization.fields.description!.access = {agent: 'hidden'};
    const hidden = await serve({customization});
    const list = async (token: string) =>
      (
        (await (
          await fetch(`${hidden.url}/v1/customers/c-001/complaint-updates`, {
            headers: {authorization: `Bearer ${token}`},
          })
        ).json()) as {items: Record<string, unknown>[]}
      ).items;
    const [forCustomer] = await list(await customerToken('c-001'));
    assert.deepEqual(Object.keys(forCustomer!).sort(), [
      'action',
      'at',
      'author',
      'body',
      'complaintId',
      'customerId',
      'id',
      'status',
    ]);
    const [forAgent] = await list(await staff(['agent']));
    assert.equal(forAgent!.body, undefined, 'the agent may not see descriptions: no body');
    assert.equal(forAgent!.status, 'in_progress', 'the rest of the line is there');
    assert.equal(forAgent!.internalNote, undefined);
  });
});

describe('gateway: survey answers', () => {
  it("takes a customer's answer for that customer", async () => {
    const answer = await post(
      'survey-answers',
      {kind: 'csat', score: 5, comment: 'Quick and kind.'},
      await customerToken('c-001'),
    );
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.equal(received.surveyAnswers.at(-1)?.customerId, 'c-001');
  });

  it("refuses staff answering a customer's survey (403) and anonymous callers (401)", async () => {
    const before = received.surveyAnswers.length;
    const byStaff = await post(
      'survey-answers',
      {customerId: 'c-001', kind: 'nps', score: 10},
      await staff(['supervisor']),
    );
    assert.equal(byStaff.status, 403);
    assert.equal(byStaff.body.error?.details.reason, 'customers_only');
    assert.match(
      byStaff.body.error!.message,
      /Only a customer may answer a survey: a staff token \(role "supervisor"\)/,
    );
    const anonymous = await post(
      'survey-answers',
      {customerId: 'c-001', kind: 'nps', score: 0},
      null,
    );
    assert.equal(anonymous.status, 401);
    assert.equal(received.surveyAnswers.length, before, 'the backend saw neither');
  });
});

describe('gateway: redemptions', () => {
  it('redeems for the customer of the token, and for any customer with a staff token', async () => {
    const own = await post('redemptions', {rewardId: 'coffee'}, await customerToken('c-001'));
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.match(String(own.body.code), /^COFFEE-\d+$/, 'the coupon code leaves the gateway');
    assert.equal(received.redemptions.at(-1)?.customerId, 'c-001');
    const desk = await post(
      'redemptions',
      {customerId: 'c-002', rewardId: 'coffee'},
      await staff(['agent']),
    );
    assert.equal(desk.status, 201);
    assert.equal(received.redemptions.at(-1)?.customerId, 'c-002');
    const stranger = await post(
      'redemptions',
      {customerId: 'c-002', rewardId: 'coffee'},
      await customerToken('c-001'),
    );
    assert.equal(stranger.status, 403, "a customer may not spend another customer's points");
  });

  it('surfaces every refusal over the wire with its code and details.reason', async () => {
    const token = await customerToken('c-001');
    const expected: [reward: string, status: number, code: string, reason: RedemptionRefusal][] = [
      ['weekend', 409, 'insufficient_points', 'insufficient_points'],
      ['lounge', 409, 'conflict', 'tier_too_low'],
      ['mug', 409, 'conflict', 'out_of_stock'],
      ['tote', 409, 'conflict', 'limit_reached'],
    ];
    for (const [rewardId, status, code, reason] of expected) {
      const answer = await post('redemptions', {rewardId}, token);
      assert.deepEqual(
        [answer.status, answer.body.error?.code, answer.body.error?.details.reason],
        [status, code, reason],
        rewardId,
      );
      assert.match(answer.body.error!.message, new RegExp(`Reward ${rewardId} cannot be redeemed`));
    }
    const short = await post('redemptions', {rewardId: 'weekend'}, token);
    assert.deepEqual(
      short.body.error!.details as Record<string, unknown>,
      {reason: 'insufficient_points', rewardId: 'weekend', requested: 9000, available: 240},
      'the points it takes and the balance',
    );
  });
});
