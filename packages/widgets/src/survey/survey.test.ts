import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';
import {
  createClient,
  RapportError,
  type Complaint,
  type CrmAdapter,
  type SurveyAnswer,
  type SurveyAnswerInput,
} from '@rapport/core';
import type {CustomizationDocument} from '@rapport/schema';
import type {
  RapportErrorEvent,
  RapportSurvey,
  SurveyAnsweredEvent,
  SurveyBeforeAnswerEvent,
} from '@rapport/widgets';
import {
  allInside,
  asOf,
  captureWarnings,
  deepActiveElement,
  demoClient,
  fill,
  inside,
  text,
  until,
} from '../../test-support/support.js';

/**
 * The demo backend with survey answers: one answer per customer per complaint (a second is a
 * `conflict`, reason `already_answered`), each idempotency key stored once, and a switch that makes
 * every create fail as a lost connection would.
 */
function surveyBackend(
  options: {
    latency?: number;
    answers?: (resolved: Complaint & {readonly customerId: string}) => SurveyAnswer[];
  } = {},
) {
  const {adapter} = demoClient();
  type Owned = Complaint & {readonly customerId: string};
  const complaint = (status: (s: string) => boolean): Owned =>
    adapter.data.complaints.find((c): c is Owned => c.customerId !== null && status(c.status))!;
  const resolved = complaint((s) => s === 'resolved');
  const answers: SurveyAnswer[] = options.answers?.(resolved) ?? [];
  const byKey = new Map<string, SurveyAnswer>();
  const keys: string[] = [];
  const state = {failing: false};
  const wait = () => new Promise((resolve) => setTimeout(resolve, options.latency ?? 0));
  const resources = {
    ...adapter.resources,
    surveyAnswers: {
      list: async (customerId: string) => {
        await wait();
        return {
          items: answers.filter((a) => a.customerId === customerId).reverse(),
          nextCursor: null,
        };
      },
      create: async (input: SurveyAnswerInput, {idempotencyKey}: {idempotencyKey: string}) => {
        keys.push(idempotencyKey);
        await wait();
        if (state.failing) throw new RapportError('unavailable', 'The survey service is down');
        const again = byKey.get(idempotencyKey);
        if (again) return again;
        if (
          input.complaintId !== undefined &&
          answers.some(
            (a) => a.customerId === input.customerId && a.complaintId === input.complaintId,
          )
        )
          throw new RapportError('conflict', 'This complaint was already rated', {
            details: {reason: 'already_answered'},
          });
        const answer: SurveyAnswer = {
          id: `s-${answers.length + 1}`,
          customerId: input.customerId,
          complaintId: input.complaintId ?? null,
          kind: input.kind,
          score: input.score,
          ...(input.comment !== undefined && {comment: input.comment}),
          createdAt: asOf.toISOString(),
        };
        answers.push(answer);
        byKey.set(idempotencyKey, answer);
        return answer;
      },
    },
  };
  const backend: CrmAdapter = Object.create(adapter, {resources: {value: resources}});
  return {
    adapter,
    backend,
    client: createClient(backend, {retry: {attempts: 1}}),
    answers,
    keys,
    state,
    resolved,
    open: complaint((s) => s === 'new' || s === 'in_progress'),
  };
}

const radios = (el: RapportSurvey) => allInside<HTMLInputElement>(el, 'input[type="radio"]');
const submit = (el: RapportSurvey) => inside<HTMLButtonElement>(el, '[part~="submit"]')!.click();
const asked = (el: RapportSurvey) => until(() => radios(el).length > 0, 'the question');
const thanked = (el: RapportSurvey) => until(() => inside(el, '.thanks'), 'the thanks');
const choose = async (el: RapportSurvey, score: number) => {
  const radio = radios(el).find((r) => r.value === String(score))!;
  radio.click();
  await el.updateComplete;
};
const hidden = (el: RapportSurvey) => getComputedStyle(el).display === 'none';

describe('<rapport-survey>', () => {
  it('is accessible loading, asking, missing a score, sending and thanking', async () => {
    const {client, resolved} = surveyBackend({latency: 200});
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    expect(inside(el, '[data-state="loading"]'), 'loading').to.exist;
    await expect(el).to.be.accessible();
    await asked(el);
    await expect(el).to.be.accessible();
    submit(el);
    await until(() => inside(el, '#score-error'), 'the missing score');
    await expect(el).to.be.accessible();
    await choose(el, 5);
    submit(el);
    await until(() => inside(el, 'form[aria-busy="true"]'), 'sending');
    expect(inside(el, '[part~="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await thanked(el);
    await expect(el).to.be.accessible();
  });

  it('asks about a resolved complaint with the document’s question and sends score and comment once', async () => {
    const {client, resolved, answers, keys} = surveyBackend({latency: 20});
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    expect(el.kind, 'CSAT by default').to.equal('csat');
    expect(text(inside(el, 'legend'))).to.equal('How satisfied are you with how we handled it?');
    expect(
      allInside(el, '[part~="option"]').map(text),
      'each score labelled, its number visible',
    ).to.deep.equal([
      '1 Very dissatisfied',
      '2 Dissatisfied',
      '3 Neither satisfied nor dissatisfied',
      '4 Satisfied',
      '5 Very satisfied',
    ]);
    expect(new Set(radios(el).map((r) => r.name)).size, 'one group').to.equal(1);
    await choose(el, 4);
    fill(el, {comment: '  Quick and kind.  '});
    await el.updateComplete;
    const answered = oneEvent(el, 'rapport-survey-answered') as Promise<SurveyAnsweredEvent>;
    submit(el);
    submit(el); // a double click
    const {answer} = await answered;
    expect(answers).to.have.length(1);
    expect(keys).to.have.length(1);
    expect(answer).to.include({
      customerId: resolved.customerId,
      complaintId: resolved.id,
      kind: 'csat',
      score: 4,
      comment: 'Quick and kind.',
    });
    await thanked(el);
    expect(text(inside(el, '.thanks'))).to.equal('Thank you for telling us.');
    expect(deepActiveElement(), 'focus on the thanks').to.equal(inside(el, '.thanks'));
    expect(radios(el)).to.have.length(0);
  });

  it('does not ask about a complaint still being handled, and says it will ask later', async () => {
    const {client, open} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${open.customerId}
        complaint-id=${open.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await until(() => inside(el, '[data-state="waiting"]'), 'the waiting state');
    expect(text(inside(el, '[part~="base"]'))).to.equal(
      'We will ask how it went once your complaint is resolved.',
    );
    expect(radios(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('never asks twice: an earlier answer to this complaint shows the thanks, not the question', async () => {
    const {client, resolved, keys} = surveyBackend({
      answers: (resolved) => [
        {
          id: 's-0',
          customerId: resolved.customerId,
          complaintId: resolved.id,
          kind: 'csat',
          score: 2,
          createdAt: asOf.toISOString(),
        },
      ],
    });
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    // Every render until the thanks shows: the question never appears on the way.
    let questionShown = false;
    const watch = new MutationObserver(() => {
      if (radios(el).length > 0) questionShown = true;
    });
    watch.observe(el.shadowRoot!, {childList: true, subtree: true});
    await thanked(el);
    watch.disconnect();
    expect(questionShown).to.equal(false);
    expect(deepActiveElement(), 'an answer from before does not take focus').to.not.equal(
      inside(el, '.thanks'),
    );
    expect(keys).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the thanks to a survey answered before, when the element is shown again', async () => {
    const {client, resolved} = surveyBackend();
    const make = () =>
      fixture<RapportSurvey>(
        html`<rapport-survey
          customer-id=${resolved.customerId}
          complaint-id=${resolved.id}
          .client=${client}
        ></rapport-survey>`,
      );
    const first = await make();
    await asked(first);
    await choose(first, 3);
    submit(first);
    await thanked(first);
    first.remove();
    const second = await make();
    await until(() => inside(second, '.thanks') || radios(second).length > 0, 'the survey to load');
    expect(inside(second, '.thanks'), 'thanks, not the question').to.exist;
  });

  it('ends in the thanks when the backend says the complaint was already rated', async () => {
    const {client, resolved, answers} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    // Answered meanwhile in another tab: this element's list is from before.
    answers.push({
      id: 's-other',
      customerId: resolved.customerId,
      complaintId: resolved.id,
      kind: 'csat',
      score: 5,
      createdAt: asOf.toISOString(),
    });
    await choose(el, 1);
    submit(el);
    await thanked(el);
    expect(inside(el, '.failure'), 'not an error').to.be.null;
    expect(deepActiveElement()).to.equal(inside(el, '.thanks'));
  });

  it('works by keyboard alone: arrow keys choose a score, Enter sends', async () => {
    const {client, resolved, answers} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(radios(el)[0]);
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    expect(deepActiveElement()).to.equal(radios(el)[2]);
    expect(radios(el)[2]!.checked, 'the arrow keys choose').to.equal(true);
    await sendKeys({press: 'Enter'});
    await thanked(el);
    expect(answers.map((a) => a.score)).to.deep.equal([3]);
  });

  it('sends with Space on the send button after typing a comment', async () => {
    const {client, resolved, answers} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Space'});
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(inside(el, 'textarea'));
    await sendKeys({type: 'Fine.'});
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(inside(el, '[part~="submit"]'));
    await sendKeys({press: 'Space'});
    await thanked(el);
    expect(answers[0]).to.include({score: 1, comment: 'Fine.'});
  });

  it('says "Choose a score" next to the group when sent without one, and keeps the comment', async () => {
    const {client, resolved, keys} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    fill(el, {comment: 'Nothing else.'});
    await el.updateComplete;
    submit(el);
    await until(() => inside(el, '#score-error'), 'the message');
    const group = inside(el, 'fieldset')!;
    expect(text(inside(el, '#score-error'))).to.equal('Choose a score');
    expect(group.getAttribute('aria-invalid')).to.equal('true');
    expect(group.getAttribute('aria-describedby')).to.equal('score-error');
    await until(() => deepActiveElement() === radios(el)[0], 'focus on the first score');
    expect(inside<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Nothing else.');
    expect(keys, 'nothing sent').to.have.length(0);
    await choose(el, 2);
    expect(inside(el, '#score-error'), 'gone once chosen').to.be.null;
    expect(group.getAttribute('aria-invalid')).to.equal('false');
  });

  it('keeps score and comment after a failure, and Try again sends the same key: one answer', async () => {
    const {client, resolved, answers, keys, state} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    await choose(el, 2);
    fill(el, {comment: 'Slow.'});
    await el.updateComplete;
    state.failing = true;
    submit(el);
    await until(() => inside(el, '.failure'), 'the failure');
    expect(text(inside(el, '.failure'))).to.contain('Your answer could not be sent.');
    expect(radios(el).find((r) => r.checked)?.value).to.equal('2');
    expect(inside<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Slow.');
    expect(deepActiveElement()).to.equal(inside(el, '.failure'));
    await expect(el).to.be.accessible();

    state.failing = false;
    inside<HTMLButtonElement>(el, '.failure button')!.click();
    await thanked(el);
    expect(keys).to.have.length(2);
    expect(keys[1], 'the same idempotency key').to.equal(keys[0]);
    expect(answers).to.have.length(1);
  });

  it('lets the host cancel an answer, and tells it what would be sent', async () => {
    const {client, resolved, keys} = surveyBackend();
    let seen: SurveyAnswerInput | undefined;
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
        @rapport-survey-before-answer=${(e: SurveyBeforeAnswerEvent) => {
          seen = e.input;
          e.preventDefault();
        }}
      ></rapport-survey>`,
    );
    await asked(el);
    await choose(el, 5);
    submit(el);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).to.deep.equal({
      customerId: resolved.customerId,
      complaintId: resolved.id,
      kind: 'csat',
      score: 5,
    });
    expect(keys, 'nothing sent').to.have.length(0);
    expect(inside(el, '.thanks')).to.be.null;
    expect(radios(el).find((r) => r.checked)?.value).to.equal('5');
  });

  it('asks a standalone NPS question from 0 to 10 with its two ends described', async () => {
    const {client, answers} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey kind="nps" customer-id="c-001" .client=${client}></rapport-survey>`,
    );
    await asked(el);
    expect(text(inside(el, 'legend'))).to.equal('How likely are you to recommend us to a friend?');
    expect(radios(el).map((r) => r.value)).to.deep.equal(
      Array.from({length: 11}, (_, i) => String(i)),
    );
    const low = radios(el)[0]!.getAttribute('aria-describedby')!;
    const high = radios(el)[10]!.getAttribute('aria-describedby')!;
    expect(text(inside(el, `#${low}`))).to.equal('0: Not at all likely');
    expect(text(inside(el, `#${high}`))).to.equal('10: Extremely likely');
    expect(radios(el)[5]!.hasAttribute('aria-describedby')).to.equal(false);
    await expect(el).to.be.accessible();
    await choose(el, 9);
    submit(el);
    await thanked(el);
    expect(answers[0]).to.include({customerId: 'c-001', complaintId: null, kind: 'nps', score: 9});
  });

  it('thanks instead of asking a standalone NPS question answered before, but still asks CSAT', async () => {
    const {client} = surveyBackend({
      answers: () => [
        {
          id: 's-0',
          customerId: 'c-001',
          complaintId: null,
          kind: 'nps',
          score: 10,
          createdAt: asOf.toISOString(),
        },
      ],
    });
    const nps = await fixture<RapportSurvey>(
      html`<rapport-survey kind="nps" customer-id="c-001" .client=${client}></rapport-survey>`,
    );
    await thanked(nps);
    const csat = await fixture<RapportSurvey>(
      html`<rapport-survey kind="csat" customer-id="c-001" .client=${client}></rapport-survey>`,
    );
    await asked(csat);
  });

  it('speaks Chinese with a zh-CN locale, the question from the document', async () => {
    const {client, resolved} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        locale="zh-CN"
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    expect(text(inside(el, 'legend'))).to.equal('您对我们的处理结果满意吗？');
    expect(text(allInside(el, '[part~="option"]')[0])).to.equal('1 非常不满意');
    expect(text(inside(el, '[part~="submit"]'))).to.equal('提交评价');
    submit(el);
    await until(() => inside(el, '#score-error'), 'the message');
    expect(text(inside(el, '#score-error'))).to.equal('请选择一个分数');
    await choose(el, 4);
    submit(el);
    await thanked(el);
    expect(text(inside(el, '.thanks'))).to.equal('感谢您的反馈。');
    await expect(el).to.be.accessible();
  });

  it('takes its question from a partial document: relabelled, and the comment left out', async () => {
    const {client, resolved, answers} = surveyBackend();
    const customization = {
      schemaVersion: 1,
      roles: [{id: 'customer', label: 'Customer'}],
      fields: {
        happy: {
          entity: 'survey',
          source: 'score',
          label: {en: 'Did we sort it out well?', 'zh-CN': '我们处理得好吗？'},
          type: 'number',
          validation: {required: true, min: 1, max: 5},
        },
      },
      widgets: {
        survey: {layout: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'happy'}]}},
      },
    } as CustomizationDocument;
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${resolved.customerId}
        complaint-id=${resolved.id}
        .client=${client}
        .customization=${customization}
      ></rapport-survey>`,
    );
    await asked(el);
    expect(text(inside(el, 'legend'))).to.equal('Did we sort it out well?');
    expect(inside(el, 'textarea'), 'no comment in this layout').to.be.null;
    await choose(el, 5);
    submit(el);
    await thanked(el);
    expect(answers[0]!.comment).to.equal(undefined);
  });

  it('shows a question that looks like markup as text', async () => {
    const {client} = surveyBackend();
    const label = '<img src=x onerror="window.__surveyPwned = 1">Rate us <b>now</b>';
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        kind="nps"
        customer-id="c-001"
        .client=${client}
        .customization=${{
          schemaVersion: 1,
          roles: [{id: 'customer', label: 'Customer'}],
          fields: {
            recommend: {
              entity: 'survey',
              source: 'score',
              label,
              type: 'number',
              validation: {required: true, min: 0, max: 10},
            },
          },
          widgets: {
            survey: {
              layout: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'recommend'}]},
            },
          },
        }}
      ></rapport-survey>`,
    );
    await asked(el);
    expect(inside(el, 'legend')!.textContent).to.equal(label);
    expect(inside(el, 'legend img, legend b')).to.be.null;
    expect((window as {__surveyPwned?: number}).__surveyPwned).to.equal(undefined);
  });

  it('hides the comment a document lays out without it (widgets only, over the built-in fields)', async () => {
    const {client} = surveyBackend();
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        kind="nps"
        customer-id="c-001"
        .client=${client}
        .customization=${{
          schemaVersion: 1,
          widgets: {
            survey: {
              layout: {type: 'VerticalLayout', elements: [{type: 'Control', field: 'recommend'}]},
            },
          },
        }}
      ></rapport-survey>`,
    );
    await asked(el);
    expect(inside(el, 'textarea')).to.be.null;
  });

  it('asks nothing when the layout has no question for its kind, and tells the developer', async () => {
    const {client} = surveyBackend();
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportSurvey>(
        html`<rapport-survey
          kind="nps"
          customer-id="c-001"
          .client=${client}
          .customization=${{
            schemaVersion: 1,
            widgets: {
              survey: {
                layout: {
                  type: 'VerticalLayout',
                  elements: [{type: 'Control', field: 'satisfaction'}],
                },
              },
            },
          }}
        ></rapport-survey>`,
      );
      await until(() => hidden(el), 'the survey to hide');
      expect(radios(el)).to.have.length(0);
      expect(warnings.messages.join('\n')).to.contain('has no question');
    } finally {
      warnings.restore();
    }
  });

  it('on a backend without survey answers shows nothing and tells the developer once', async () => {
    const {adapter} = demoClient();
    const {surveyAnswers: _omitted, ...resources} = adapter.resources as Record<string, unknown>;
    const noSurveys: CrmAdapter = Object.create(adapter, {resources: {value: resources}});
    const warnings = captureWarnings();
    const el = document.createElement('rapport-survey');
    el.kind = 'nps';
    el.customerId = 'c-001';
    el.client = createClient(noSurveys);
    const reported = oneEvent<RapportErrorEvent>(el, 'rapport-error');
    document.body.append(el);
    try {
      expect(((await reported).error as RapportError).code).to.equal('unsupported');
      await until(() => hidden(el), 'the survey to hide');
      expect(text(inside(el, '[part~="base"]'))).to.equal('');
      expect(warnings.messages.filter((m) => m.includes('surveyAnswers'))).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      warnings.restore();
      el.remove();
    }
  });

  it('on a backend without complaints does not ask about a complaint it cannot see resolved', async () => {
    const {backend, resolved} = surveyBackend();
    const {complaints: _omitted, ...resources} = backend.resources as Record<string, unknown>;
    const noComplaints: CrmAdapter = Object.create(backend, {resources: {value: resources}});
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportSurvey>(
        html`<rapport-survey
          customer-id=${resolved.customerId}
          complaint-id=${resolved.id}
          .client=${createClient(noComplaints)}
        ></rapport-survey>`,
      );
      await until(() => hidden(el), 'the survey to hide');
      expect(radios(el)).to.have.length(0);
      expect(warnings.messages.join('\n')).to.contain('complaints');
    } finally {
      warnings.restore();
    }
  });

  it("does not ask about a complaint that is not the customer's", async () => {
    const {client, resolved} = surveyBackend();
    const stranger = resolved.customerId === 'c-001' ? 'c-002' : 'c-001';
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportSurvey>(
        html`<rapport-survey
          customer-id=${stranger}
          complaint-id=${resolved.id}
          .client=${client}
        ></rapport-survey>`,
      );
      await until(() => hidden(el), 'the survey to hide');
      expect(warnings.messages.join('\n')).to.contain(resolved.id);
    } finally {
      warnings.restore();
    }
  });

  it('offers Retry after a failed load, then asks', async () => {
    const {backend} = surveyBackend();
    let down = true;
    const resources = {
      ...backend.resources,
      surveyAnswers: {
        ...backend.resources.surveyAnswers!,
        list: async (
          ...args: Parameters<NonNullable<typeof backend.resources.surveyAnswers>['list']>
        ) => {
          if (down) throw new RapportError('timeout', 'The survey service did not answer');
          return backend.resources.surveyAnswers!.list(...args);
        },
      },
    };
    const flaky: CrmAdapter = Object.create(backend, {resources: {value: resources}});
    const el = document.createElement('rapport-survey');
    el.kind = 'nps';
    el.customerId = 'c-001';
    el.client = createClient(flaky, {retry: {attempts: 1}});
    const reported = oneEvent<RapportErrorEvent>(el, 'rapport-error');
    document.body.append(el);
    try {
      expect((await reported).error.message).to.contain('did not answer');
      await until(() => inside(el, '[data-state="error"]'), 'the error');
      await expect(el).to.be.accessible();
      down = false;
      inside(el, '[part~="retry"]')!.click();
      await asked(el);
    } finally {
      el.remove();
    }
  });

  it('says so without a client or without a customer, accessibly', async () => {
    const warnings = captureWarnings();
    try {
      const lonely = await fixture<RapportSurvey>(
        html`<rapport-survey kind="nps"></rapport-survey>`,
      );
      await until(() => inside(lonely, '[data-state="no-client"]'), 'the no-client state', 8000);
      await expect(lonely).to.be.accessible();
    } finally {
      warnings.restore();
    }
    const {client} = surveyBackend();
    const nobody = await fixture<RapportSurvey>(
      html`<rapport-survey kind="nps" .client=${client}></rapport-survey>`,
    );
    expect(text(inside(nobody, '[part~="base"]'))).to.equal('No customer selected.');
    await expect(nobody).to.be.accessible();
  });

  it('starts afresh for another complaint of the customer', async () => {
    const {client, adapter} = surveyBackend();
    const finished = adapter.data.complaints.filter(
      (c) => c.status === 'resolved' || c.status === 'closed',
    );
    const [first, second] = finished.filter(
      (c) => finished.filter((d) => d.customerId === c.customerId).length >= 2,
    );
    expect(
      second?.customerId,
      'the demo data has a customer with two finished complaints',
    ).to.equal(first?.customerId);
    const el = await fixture<RapportSurvey>(
      html`<rapport-survey
        customer-id=${first!.customerId}
        complaint-id=${first!.id}
        .client=${client}
      ></rapport-survey>`,
    );
    await asked(el);
    await choose(el, 3);
    submit(el);
    await thanked(el);
    el.complaintId = second!.id;
    await asked(el);
    expect(
      radios(el).some((r) => r.checked),
      'no score carried over',
    ).to.equal(false);
    expect(inside(el, '.thanks')).to.be.null;
  });

  describe('against the memory backend', () => {
    /** The demo backend, a client that records each create's key, and the finished complaints. */
    function memory(retries = 1) {
      const {adapter} = demoClient();
      const keys: string[] = [];
      const client = createClient(adapter, {
        retry: {attempts: retries, baseDelayMs: 1},
        hooks: {onRequest: (e) => e.idempotencyKey && keys.push(e.idempotencyKey)},
      });
      const rated = new Set(adapter.data.surveyAnswers.map((a) => a.complaintId));
      const finished = adapter.data.complaints.filter(
        (c): c is Complaint & {customerId: string} =>
          c.customerId !== null && (c.status === 'resolved' || c.status === 'closed'),
      );
      return {
        adapter,
        client,
        keys,
        unrated: finished.find((c) => !rated.has(c.id))!,
        rated: finished.find((c) => rated.has(c.id))!,
        answersTo: (complaintId: string) =>
          adapter.data.surveyAnswers.filter((a) => a.complaintId === complaintId),
      };
    }

    it('stores one answer, and every survey of that complaint on the page turns to thanks', async () => {
      const {client, unrated, answersTo} = memory();
      const [first, second] = await Promise.all(
        [0, 1].map(() =>
          fixture<RapportSurvey>(
            html`<rapport-survey
              customer-id=${unrated.customerId}
              complaint-id=${unrated.id}
              .client=${client}
            ></rapport-survey>`,
          ),
        ),
      );
      await asked(first!);
      await asked(second!);
      await choose(first!, 4);
      submit(first!);
      await thanked(first!);
      await until(() => inside(second!, '.thanks'), 'the other survey to thank');
      expect(answersTo(unrated.id).map((a) => a.score)).to.deep.equal([4]);
    });

    it('thanks for a complaint rated before and asks nothing', async () => {
      const {client, rated} = memory();
      const el = await fixture<RapportSurvey>(
        html`<rapport-survey
          customer-id=${rated.customerId}
          complaint-id=${rated.id}
          .client=${client}
        ></rapport-survey>`,
      );
      await thanked(el);
      expect(radios(el)).to.have.length(0);
    });

    it('after a lost answer, Try again stores it once with the same key', async () => {
      const {adapter, client, keys, unrated, answersTo} = memory();
      const el = await fixture<RapportSurvey>(
        html`<rapport-survey
          customer-id=${unrated.customerId}
          complaint-id=${unrated.id}
          .client=${client}
        ></rapport-survey>`,
      );
      await asked(el);
      await choose(el, 2);
      adapter.setFaults({rate: 1, kinds: ['unavailable'], seed: 3});
      submit(el);
      await until(() => inside(el, '.failure'), 'the failure');
      adapter.setFaults(null);
      inside<HTMLButtonElement>(el, '.failure button')!.click();
      await thanked(el);
      expect(new Set(keys).size, 'one key for both attempts').to.equal(1);
      expect(answersTo(unrated.id)).to.have.length(1);
    });

    it('under 30% faults, pressing until it is sent stores exactly one answer', async () => {
      const {adapter, client, keys, unrated, answersTo} = memory(3);
      const el = await fixture<RapportSurvey>(
        html`<rapport-survey
          customer-id=${unrated.customerId}
          complaint-id=${unrated.id}
          .client=${client}
        ></rapport-survey>`,
      );
      await asked(el);
      await choose(el, 5);
      // This seed loses the first two answers after they were stored.
      adapter.setFaults({rate: 0.3, seed: 29});
      try {
        for (let press = 0; press < 10 && !inside(el, '.thanks'); press++) {
          // Send the first time; then Try again, as the person would after each failure.
          (inside<HTMLButtonElement>(el, '.failure button') ??
            inside<HTMLButtonElement>(el, '[part~="submit"]'))!.click();
          await el.updateComplete;
          await until(
            () => inside(el, '.thanks') || inside(el, 'form[aria-busy="false"]'),
            'the outcome of the press',
          );
        }
      } finally {
        adapter.setFaults(null);
      }
      expect(keys.length, 'the faults struck: answers were lost and sent again').to.be.above(1);
      expect(inside(el, '.thanks'), 'sent in the end').to.exist;
      expect(new Set(keys).size, 'one key for every attempt').to.equal(1);
      expect(answersTo(unrated.id)).to.have.length(1);
    });
  });
});
