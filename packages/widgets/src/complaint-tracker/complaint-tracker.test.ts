import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';
import {
  applyComplaintUpdate,
  createClient,
  RapportError,
  validateComplaintUpdateInput,
  type BusinessHours,
  type ClientOptions,
  type Complaint,
  type ComplaintUpdate,
  type CrmAdapter,
  type RapportClient,
} from '@rapport/core';
import type {
  ComplaintBeforeUpdateEvent,
  ComplaintUpdatedEvent,
  RapportComplaintTracker,
  RapportErrorEvent,
} from '@rapport/widgets';
import {
  allInside,
  asOf,
  captureWarnings,
  deepActiveElement,
  demoClient,
  inside,
  text,
  until,
} from '../../test-support/support.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

/** A complaint of customer c-001 received two hours ago, its first reply due in five hours. */
function complaint(id: string, overrides: Partial<Complaint> = {}): Complaint {
  const now = Date.now();
  return {
    id,
    reference: `C-2026-${id}`,
    customerId: 'c-001',
    channel: 'web',
    category: 'delivery',
    severity: 'high',
    subject: `Parcel ${id} late`,
    description: 'Ordered two weeks ago and still nothing.',
    status: 'new',
    createdAt: iso(now - 2 * HOUR),
    updatedAt: iso(now - 2 * HOUR),
    responseDueAt: iso(now + 5 * HOUR),
    resolutionDueAt: iso(now + 3 * DAY),
    customFields: {order_number: 'SO-123456'},
    history: [],
    ...overrides,
  };
}

/** A complaint resolved `daysAgo` days ago. */
function resolved(id: string, daysAgo: number): Complaint {
  const at = iso(Date.now() - daysAgo * DAY);
  return complaint(id, {
    status: 'resolved',
    createdAt: iso(Date.now() - (daysAgo + 1) * DAY),
    firstResponseAt: at,
    resolvedAt: at,
    updatedAt: at,
    resolution: 'A new parcel was sent.',
  });
}

/** A reply on a complaint, `minutesAgo` minutes ago. */
function update(
  complaintId: string,
  minutesAgo: number,
  overrides: Partial<ComplaintUpdate> = {},
): ComplaintUpdate {
  return {
    id: `u-${complaintId}-${minutesAgo}`,
    complaintId,
    customerId: 'c-001',
    author: {kind: 'customer', role: 'customer', id: 'c-001'},
    body: 'Any news?',
    action: null,
    status: 'new',
    at: iso(Date.now() - minutesAgo * 60_000),
    ...overrides,
  };
}

/** How a test steers {@link trackerBackend}: failures, and loads or writes held until released. */
interface Control {
  failCreates: boolean;
  failLists: boolean;
  hold?: Promise<void>;
  holdCreates?: Promise<void>;
}

/**
 * A small backend of complaints and their updates for customer c-001, applying updates with core's
 * rules (the default policy; the author as sent, as a backend behind a gateway is told it), storing
 * each idempotency key once. `failCreates` makes updates fail as a lost connection does.
 */
function trackerBackend(
  complaints: Complaint[],
  updates: ComplaintUpdate[] = [],
): {
  adapter: CrmAdapter;
  complaints: Map<string, Complaint>;
  updates: ComplaintUpdate[];
  created: ComplaintUpdate[];
  control: Control;
} {
  const stored = new Map(complaints.map((c) => [c.id, c]));
  const thread = [...updates];
  const created: ComplaintUpdate[] = [];
  const byKey = new Map<string, ComplaintUpdate>();
  const control: Control = {failCreates: false, failLists: false};
  let sequence = 0;
  const newestFirst = <T>(items: T[], at: (item: T) => string) =>
    [...items].sort((a, b) => Date.parse(at(b)) - Date.parse(at(a)));
  const listed = async () => {
    await control.hold;
    if (control.failLists) throw new RapportError('unavailable', 'The test backend is down');
  };
  const adapter: CrmAdapter = {
    name: 'tracker-test',
    capabilities: {maxBatchSize: 50, entities: ['complaint'], customFieldsWritable: false},
    describeFields: async (entity) => ({entity, fields: []}),
    resources: {
      complaints: {
        list: async (customerId) => {
          await listed();
          const items = [...stored.values()].filter((c) => c.customerId === customerId);
          return {items: newestFirst(items, (c) => c.createdAt), nextCursor: null};
        },
        create: async () => {
          throw new RapportError('unsupported', 'Not in this test');
        },
      },
      complaintUpdates: {
        // In pages, as a backend answers: the cursor is where the next page starts.
        list: async (customerId, {limit = 20, cursor} = {}) => {
          await listed();
          const items = newestFirst(
            thread.filter((u) => u.customerId === customerId),
            (u) => u.at,
          );
          const from = cursor ? Number(cursor) : 0;
          const to = from + limit;
          return {items: items.slice(from, to), nextCursor: to < items.length ? String(to) : null};
        },
        create: async (input, {idempotencyKey}) => {
          await control.holdCreates;
          if (control.failCreates)
            throw new RapportError('unavailable', 'The test backend is down');
          const known = byKey.get(idempotencyKey);
          if (known) return known;
          const valid = validateComplaintUpdateInput(input);
          const current = stored.get(valid.complaintId);
          if (!current) throw new RapportError('not_found', `No complaint ${valid.complaintId}`);
          const applied = applyComplaintUpdate(current, valid, {
            id: `u-new-${++sequence}`,
            at: Date.now(),
          });
          stored.set(current.id, applied.complaint);
          thread.push(applied.update);
          created.push(applied.update);
          byKey.set(idempotencyKey, applied.update);
          return applied.update;
        },
      },
    },
  };
  return {adapter, complaints: stored, updates: thread, created, control};
}

interface Mounted {
  el: RapportComplaintTracker;
  backend: ReturnType<typeof trackerBackend>;
  client: RapportClient;
  keys: string[];
}

async function mount(
  complaints: Complaint[],
  updates: ComplaintUpdate[] = [],
  options: {
    role?: string;
    locale?: string;
    businessHours?: BusinessHours;
    customization?: unknown;
    client?: ClientOptions;
  } = {},
): Promise<Mounted> {
  const backend = trackerBackend(complaints, updates);
  const keys: string[] = [];
  const client = createClient(backend.adapter, {
    retry: {attempts: 1},
    ...options.client,
    hooks: {onRequest: (e) => e.idempotencyKey && keys.push(e.idempotencyKey)},
  });
  const el = await fixture<RapportComplaintTracker>(
    html`<rapport-complaint-tracker
      customer-id="c-001"
      .client=${client}
      viewer-role=${options.role ?? 'customer'}
      locale=${options.locale ?? 'en'}
      .businessHours=${options.businessHours}
      .customization=${options.customization}
    ></rapport-complaint-tracker>`,
  );
  await until(() => inside(el, '.complaints, [data-state="empty"]'), 'the complaints');
  return {el, backend, client, keys};
}

const summaries = (el: Element) => allInside<HTMLButtonElement>(el, '[part~="summary"]');
const summaryOf = (el: Element, reference: string) =>
  summaries(el).find((b) => text(b).includes(reference))!;

/** Opens a complaint's disclosure and returns its panel, once its thread has loaded. */
async function open(el: RapportComplaintTracker, reference: string): Promise<HTMLElement> {
  const button = summaryOf(el, reference);
  if (button.getAttribute('aria-expanded') !== 'true') button.click();
  await until(
    () => inside(el, `#${button.getAttribute('aria-controls')} .thread-title`),
    `the panel of ${reference}`,
  );
  return inside<HTMLElement>(el, `#${button.getAttribute('aria-controls')}`)!;
}

const labels = (panel: Element) => [...panel.querySelectorAll('dt')].map(text);
const replyBox = (panel: Element) => panel.querySelector<HTMLTextAreaElement>('textarea')!;
const actions = (panel: Element) =>
  [...panel.querySelectorAll<HTMLButtonElement>('[part~="action"]')].map((b) => b.dataset.action);

function type(panel: Element, value: string): void {
  const box = replyBox(panel);
  box.value = value;
  box.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

const press = (panel: Element, selector: string) =>
  panel.querySelector<HTMLButtonElement>(selector)!.click();

describe('<rapport-complaint-tracker>', () => {
  it('is accessible with its complaints, one opened, newest first', async () => {
    const {el} = await mount(
      [complaint('001', {createdAt: iso(Date.now() - 3 * DAY)}), resolved('002', 1)],
      [update('001', 30)],
    );
    await expect(el).to.be.accessible();
    expect(summaries(el).map(text)).to.deep.equal([
      'C-2026-002 Parcel 002 late Status: Resolved',
      'C-2026-001 Parcel 001 late Status: Received',
    ]);
    const panel = await open(el, 'C-2026-001');
    expect(labels(panel)).to.deep.equal(['Received', 'What happened?', 'Resolution']);
    expect(text(panel)).to.contain('Ordered two weeks ago and still nothing.');
    await expect(el).to.be.accessible();
  });

  it('says calmly when there is no client, no customer, or no complaint', async () => {
    const warnings = captureWarnings();
    try {
      const alone = await fixture<RapportComplaintTracker>(
        html`<rapport-complaint-tracker customer-id="c-001"></rapport-complaint-tracker>`,
      );
      await until(() => inside(alone, '[data-state="no-client"]'), 'the no-client state', 8000);
      await expect(alone).to.be.accessible();
      expect(warnings.messages[0]).to.contain('still has no data source');
    } finally {
      warnings.restore();
    }

    const {client} = await mount([]);
    const nobody = await fixture<RapportComplaintTracker>(
      html`<rapport-complaint-tracker .client=${client}></rapport-complaint-tracker>`,
    );
    expect(text(inside(nobody, '[data-state="empty"]'))).to.equal('No customer selected.');
    await expect(nobody).to.be.accessible();

    const {el} = await mount([]);
    expect(text(inside(el, '[data-state="empty"]'))).to.equal('You have not sent any complaints.');
    await expect(el).to.be.accessible();

    const staff = await mount([], [], {role: 'agent'});
    expect(text(inside(staff.el, '[data-state="empty"]'))).to.equal(
      'No complaints for this customer.',
    );
  });

  it('shows placeholders while loading slowly, and Retry after a failed load', async () => {
    const backend = trackerBackend([complaint('001')]);
    let release!: () => void;
    backend.control.hold = new Promise((resolve) => (release = resolve));
    backend.control.failLists = true;
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportComplaintTracker>(
        html`<rapport-complaint-tracker
          customer-id="c-001"
          .client=${createClient(backend.adapter, {retry: {attempts: 1}})}
        ></rapport-complaint-tracker>`,
      );
      await until(() => inside(el, '[data-state="loading"] .skeleton'), 'the placeholders');
      await expect(el).to.be.accessible();
      const reported = oneEvent(el, 'rapport-error') as Promise<RapportErrorEvent>;
      release();
      expect(((await reported).error as RapportError).code).to.equal('unavailable');
      await until(() => inside(el, '[data-state="error"]'), 'the failure');
      const failure = inside(el, '[data-state="error"]')!;
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(text(failure)).to.contain('The information could not be loaded.');
      await expect(el).to.be.accessible();
      backend.control.failLists = false;
      inside<HTMLButtonElement>(el, '[part~="retry"]')!.click();
      await until(() => inside(el, '.complaints'), 'the complaints after Retry');
      expect(summaries(el)).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('takes no room, offers no Retry and tells the developer when the backend has no complaints', async () => {
    const {adapter} = trackerBackend([complaint('001')]);
    const {complaints: _omitted, ...resources} = adapter.resources;
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportComplaintTracker>(
        html`<rapport-complaint-tracker
          customer-id="c-001"
          .client=${createClient({...adapter, resources})}
        ></rapport-complaint-tracker>`,
      );
      await until(() => el.hasAttribute('data-quiet'), 'the tracker quiet');
      expect(el.getBoundingClientRect().height, 'no room on the page').to.equal(0);
      expect(getComputedStyle(el).display).to.equal('none');
      expect(inside(el, '[part~="retry"]')).to.equal(null);
      expect(warnings.messages.join('\n')).to.contain('complaints');
      await expect(el).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });

  it('lists complaints without threads, replies or steps when the backend has no updates', async () => {
    const {adapter} = trackerBackend([resolved('001', 1)]);
    const {complaintUpdates: _omitted, ...resources} = adapter.resources;
    const warnings = captureWarnings();
    try {
      const el = await fixture<RapportComplaintTracker>(
        html`<rapport-complaint-tracker
          customer-id="c-001"
          .client=${createClient({...adapter, resources})}
        ></rapport-complaint-tracker>`,
      );
      await until(() => inside(el, '.complaints'), 'the complaints');
      summaryOf(el, 'C-2026-001').click();
      await until(() => inside(el, '[data-state="replies-unavailable"]'), 'the note');
      expect(text(inside(el, '[data-state="replies-unavailable"]'))).to.equal(
        'Replies are not available here.',
      );
      expect(inside(el, 'textarea'), 'no reply box').to.equal(null);
      expect(inside(el, '[part~="action"]'), 'no steps').to.equal(null);
      expect(text(inside(el, '[part~="body"]'))).to.contain('A new parcel was sent.');
      await expect(el).to.be.accessible();
    } finally {
      warnings.restore();
    }
  });

  it('opens and closes a complaint with the keyboard alone', async () => {
    const {el} = await mount([complaint('001'), complaint('002')]);
    await sendKeys({press: 'Tab'});
    const first = summaries(el)[0]!;
    expect(deepActiveElement()).to.equal(first);
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(first.getAttribute('aria-expanded')).to.equal('true');
    const panel = inside(el, `#${first.getAttribute('aria-controls')}`)!;
    expect(panel.getAttribute('role')).to.equal('region');
    expect(panel.getAttribute('aria-labelledby')).to.equal(first.id);
    await sendKeys({press: 'Space'});
    await el.updateComplete;
    expect(first.getAttribute('aria-expanded')).to.equal('false');
    expect(inside(el, '[part~="body"]'), 'closed').to.equal(null);
    await sendKeys({press: 'Tab'});
    expect(deepActiveElement()).to.equal(summaries(el)[1]);
  });

  it('shows the thread oldest first, with who wrote, when, and status changes in words', async () => {
    const asked = update('001', 3000);
    const answered = update('001', 2000, {
      author: {kind: 'staff', role: 'agent', id: 'a-7'},
      body: 'We sent a new parcel.',
      action: 'resolve',
      status: 'resolved',
    });
    const {el} = await mount([resolved('001', 1), complaint('002')], [answered, asked]);
    const panel = await open(el, 'C-2026-001');
    const lines = [...panel.querySelectorAll('[part~="update"]')];
    expect(lines.map((line) => text(line.querySelector('.author')))).to.deep.equal([
      'You',
      'Support',
    ]);
    expect(lines[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(asked.at);
    expect(text(lines[1]!.querySelector('.change'))).to.equal('Marked as resolved');
    expect(text(lines[1]!.querySelector('.text'))).to.equal('We sent a new parcel.');
    const other = await open(el, 'C-2026-002');
    expect(text(other.querySelector('.no-replies'))).to.equal('No replies yet');
    await expect(el).to.be.accessible();
  });

  it('shows the thread of an older complaint behind pages of newer replies', async () => {
    const newer = Array.from({length: 230}, (_, i) => update('002', i + 1));
    const asked = update('001', 5000, {body: 'Where is my refund?'});
    const {el} = await mount(
      [complaint('001', {createdAt: iso(Date.now() - 4 * DAY)}), complaint('002')],
      [...newer, asked],
    );
    const panel = await open(el, 'C-2026-001');
    expect([...panel.querySelectorAll('[part~="update"] .text')].map(text)).to.deep.equal([
      'Where is my refund?',
    ]);
    const other = await open(el, 'C-2026-002');
    expect(other.querySelectorAll('[part~="update"]')).to.have.length(230);
  });

  it('renders replies as text, never as markup', async () => {
    const {el} = await mount(
      [complaint('001')],
      [update('001', 5, {body: '<img src=x onerror="window.hacked=1"><b>bold</b>'})],
    );
    const panel = await open(el, 'C-2026-001');
    expect(panel.querySelector('img, b')).to.equal(null);
    expect(text(panel.querySelector('.text'))).to.equal(
      '<img src=x onerror="window.hacked=1"><b>bold</b>',
    );
  });

  it('sends a reply once, clears the box, shows it in the thread and fires its events', async () => {
    const {el, backend, keys} = await mount([complaint('001')]);
    const panel = await open(el, 'C-2026-001');
    type(panel, '  Still waiting.  ');
    await el.updateComplete;
    expect(text(panel.querySelector('.count'))).to.equal('18 of 5,000 characters');
    const before = oneEvent(
      el,
      'rapport-complaint-before-update',
    ) as Promise<ComplaintBeforeUpdateEvent>;
    const updated = oneEvent(el, 'rapport-complaint-updated') as Promise<ComplaintUpdatedEvent>;
    press(panel, '[part~="submit"]');
    press(panel, '[part~="submit"]'); // a double click
    expect((await before).input).to.deep.equal({
      complaintId: '001',
      customerId: 'c-001',
      body: 'Still waiting.',
    });
    expect((await updated).update.body).to.equal('Still waiting.');
    await until(() => panel.querySelector('[part~="update"]'), 'the reply in the thread');
    expect(backend.created).to.have.length(1);
    expect(keys).to.have.length(1);
    expect(replyBox(panel).value).to.equal('');
    expect(text(panel.querySelector('[role="status"].notice'))).to.equal('Your reply was sent.');
    expect(text(panel.querySelector('[part~="update"] .author'))).to.equal('You');
    await expect(el).to.be.accessible();
  });

  it('shows a reply on its way, and keeps focus where the person was once it is sent', async () => {
    const {el, backend} = await mount([complaint('001')]);
    let release!: () => void;
    backend.control.holdCreates = new Promise((resolve) => (release = resolve));
    const panel = await open(el, 'C-2026-001');
    replyBox(panel).focus();
    await sendKeys({type: 'Thanks'});
    await sendKeys({press: 'Tab'});
    const send = panel.querySelector<HTMLButtonElement>('[part~="submit"]')!;
    expect(deepActiveElement()).to.equal(send);
    await sendKeys({press: 'Enter'});
    await until(() => panel.querySelector('form[aria-busy="true"]'), 'sending');
    expect(text(send)).to.equal('Sending…');
    expect(send.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    release();
    await until(() => panel.querySelector('[part~="update"]'), 'the reply in the thread');
    expect(text(panel.querySelector('[part~="update"] .text'))).to.equal('Thanks');
    expect(deepActiveElement(), 'the reload kept the panel and its focus').to.equal(send);
    expect(backend.created).to.have.length(1);
  });

  it('says what is missing before sending an empty reply', async () => {
    const {el, keys} = await mount([complaint('001')]);
    const panel = await open(el, 'C-2026-001');
    press(panel, '[part~="submit"]');
    await until(() => panel.querySelector('[part~="error"]'), 'the note');
    expect(text(panel.querySelector('[part~="error"]'))).to.equal('Write your reply first.');
    expect(replyBox(panel).getAttribute('aria-invalid')).to.equal('true');
    expect(replyBox(panel).getAttribute('aria-describedby')).to.contain(
      panel.querySelector('[part~="error"]')!.id,
    );
    expect(deepActiveElement()).to.equal(replyBox(panel));
    expect(keys).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('keeps the text of a reply that failed, and Retry sends it with the same key', async () => {
    const {el, backend, keys} = await mount([complaint('001')]);
    const panel = await open(el, 'C-2026-001');
    backend.control.failCreates = true;
    type(panel, 'Where is my parcel?');
    const warnings = captureWarnings();
    try {
      press(panel, '[part~="submit"]');
      await until(() => panel.querySelector('.failure'), 'the failure');
    } finally {
      warnings.restore();
    }
    const failure = panel.querySelector<HTMLElement>('.failure')!;
    expect(failure.getAttribute('role')).to.equal('alert');
    expect(text(failure.querySelector('p'))).to.equal(
      'Your reply could not be sent. Your text is still here. The service is unavailable right now.',
    );
    expect(text(failure.querySelector('[part~="retry"]'))).to.equal('Try again');
    expect(replyBox(panel).value).to.equal('Where is my parcel?');
    expect(deepActiveElement()).to.equal(failure);
    await expect(el).to.be.accessible();
    backend.control.failCreates = false;
    press(panel, '.failure [part~="retry"]');
    await until(() => panel.querySelector('[part~="update"]'), 'the reply after Retry');
    expect(keys).to.have.length(2);
    expect(keys[1], 'the retry reuses the key of the press').to.equal(keys[0]);
    expect(backend.created).to.have.length(1);
    expect(replyBox(panel).value).to.equal('');
  });

  it('sends nothing when rapport-complaint-before-update is cancelled', async () => {
    const {el, keys} = await mount([complaint('001')]);
    const panel = await open(el, 'C-2026-001');
    type(panel, 'Never mind.');
    el.addEventListener('rapport-complaint-before-update', (e) => e.preventDefault(), {once: true});
    press(panel, '[part~="submit"]');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(keys).to.have.length(0);
    expect(replyBox(panel).value).to.equal('Never mind.');
    expect(panel.querySelector('.notice, .failure')).to.equal(null);
  });

  it('lets a customer reopen a recently resolved complaint, not an old one', async () => {
    const {el, backend} = await mount([resolved('001', 2), resolved('002', 20)]);
    const old = await open(el, 'C-2026-002');
    expect(actions(old), 'past the 14 days').to.deep.equal([]);
    const panel = await open(el, 'C-2026-001');
    expect(actions(panel)).to.deep.equal(['reopen']);
    type(panel, 'It arrived broken.');
    press(panel, '[data-action="reopen"]');
    await until(() => text(summaryOf(el, 'C-2026-001')).includes('In progress'), 'the new status');
    expect(backend.complaints.get('001')!.status).to.equal('in_progress');
    expect(text(panel.querySelector('.change'))).to.equal('Reopened');
    expect(text(panel.querySelector('.notice'))).to.equal('Reopened');
    expect(deepActiveElement(), 'focus on the outcome').to.equal(panel.querySelector('.notice'));
    expect(actions(panel), 'nothing more for the customer').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says why the server refused a step, keeping the text and offering no Retry', async () => {
    // The page's policy lets customers close; the server's does not.
    const {el, backend} = await mount([resolved('001', 1)]);
    el.complaintPolicy = {actions: {customer: ['reopen', 'close']}, reopenWithinDays: 14};
    const panel = await open(el, 'C-2026-001');
    expect(actions(panel)).to.deep.equal(['reopen', 'close']);
    type(panel, 'Thanks, all good.');
    const warnings = captureWarnings();
    try {
      press(panel, '[data-action="close"]');
      await until(() => panel.querySelector('.failure'), 'the refusal');
      expect(warnings.messages.join('\n')).to.contain(
        'The customer role may not close a complaint',
      );
    } finally {
      warnings.restore();
    }
    expect(text(panel.querySelector('.failure'))).to.equal('Your role may not take this step.');
    expect(panel.querySelector('.failure [part~="retry"]')).to.equal(null);
    expect(replyBox(panel).value).to.equal('Thanks, all good.');
    expect(backend.complaints.get('001')!.status).to.equal('resolved');
    await expect(el).to.be.accessible();
  });

  it('shows an agent more fields and the steps an agent may take, never close', async () => {
    const {el, backend} = await mount([complaint('001'), resolved('002', 1)], [], {role: 'agent'});
    expect(text(inside(el, '[part~="header"]'))).to.equal('Complaints');
    const fresh = await open(el, 'C-2026-001');
    expect(labels(fresh)).to.deep.equal([
      'What is it about?',
      'How serious is it?',
      'Received',
      'Resolution due',
      'What happened?',
      'Order number',
      'Resolution',
    ]);
    expect(actions(fresh)).to.deep.equal(['acknowledge', 'start', 'resolve', 'reject']);
    const done = await open(el, 'C-2026-002');
    expect(actions(done)).to.deep.equal(['reopen']);
    await expect(el).to.be.accessible();

    press(fresh, '[data-action="resolve"]');
    await until(() => fresh.querySelector('[part~="error"]'), 'the note');
    expect(text(fresh.querySelector('[part~="error"]'))).to.equal(
      'First write what was done: it becomes the resolution.',
    );
    expect(deepActiveElement()).to.equal(replyBox(fresh));
    expect(backend.created).to.have.length(0);

    type(fresh, 'Refunded the delivery fee.');
    press(fresh, '[data-action="resolve"]');
    await until(() => text(summaryOf(el, 'C-2026-001')).includes('Resolved'), 'resolved');
    expect(backend.created[0]!.author).to.deep.equal({kind: 'staff', role: 'agent'});
    expect(backend.complaints.get('001')!.resolution).to.equal('Refunded the delivery fee.');
    await until(() => fresh.querySelector('[part~="update"]'), 'the thread');
    expect(text(fresh.querySelector('[part~="update"] .author'))).to.equal('Agent');
    expect(actions(fresh)).to.deep.equal(['reopen']);
  });

  it('offers a supervisor to close a resolved complaint', async () => {
    const {el} = await mount([resolved('001', 1)], [], {role: 'supervisor'});
    const panel = await open(el, 'C-2026-001');
    expect(actions(panel)).to.deep.equal(['reopen', 'close']);
    expect(text(panel.querySelector('[data-action="close"]'))).to.equal('Close');
  });

  it('says when a reply is due, in working hours with business hours', async () => {
    const everyDay = (start: string, end: string): BusinessHours => ({
      timeZone: 'UTC',
      days: [1, 2, 3, 4, 5, 6, 7],
      start,
      end,
    });
    const now = Date.now();
    const list = [
      // Any day from now holds each hour of the day once: three of 09:00–12:00.
      complaint('001', {responseDueAt: iso(now + DAY), createdAt: iso(now - 4 * HOUR)}),
      complaint('002', {responseDueAt: iso(now - HOUR), createdAt: iso(now - 5 * HOUR)}),
      complaint('003', {
        status: 'acknowledged',
        firstResponseAt: iso(now - HOUR),
        createdAt: iso(now - 6 * HOUR),
      }),
    ];
    const due = (el: Element, reference: string) =>
      text(summaryOf(el, reference).parentElement!.querySelector('.due'));

    const working = await mount(list, [], {businessHours: everyDay('09:00', '12:00')});
    expect(due(working.el, 'C-2026-001')).to.equal('Reply due within 3 working hours');
    expect(due(working.el, 'C-2026-002')).to.equal('Reply overdue: we are on it.');
    expect(due(working.el, 'C-2026-003'), 'answered').to.equal('');
    await expect(working.el).to.be.accessible();

    working.el.businessHours = everyDay('09:00', '10:00');
    await working.el.updateComplete;
    expect(due(working.el, 'C-2026-001')).to.equal('Reply due within 1 working hour');

    const calendar = await mount([complaint('004')]);
    expect(due(calendar.el, 'C-2026-004')).to.equal('Reply due within 5 hours');
  });

  it('speaks Simplified Chinese, with the labels of the document', async () => {
    const {el} = await mount([complaint('001')], [], {locale: 'zh-CN'});
    expect(text(inside(el, '[part~="header"]'))).to.equal('我的投诉');
    expect(text(inside(el, '[part~="status"]'))).to.equal('状态: 已收到');
    expect(text(inside(el, '.due'))).to.equal('将在 5 小时内回复');
    const panel = await open(el, 'C-2026-001');
    expect(labels(panel)).to.deep.equal(['提交时间', '详细描述', '处理结果']);
    expect(text(panel.querySelector('.no-replies'))).to.equal('暂无回复');
    expect(text(panel.querySelector('label'))).to.equal('您的回复');
    await expect(el).to.be.accessible();
  });

  it('says calmly that it cannot show a document it cannot use, and tells the developer', async () => {
    const warnings = captureWarnings();
    try {
      const backend = trackerBackend([complaint('001')]);
      const el = document.createElement('rapport-complaint-tracker');
      el.customerId = 'c-001';
      el.client = createClient(backend.adapter);
      el.customization = {widgets: {}} as never;
      const reported = oneEvent(el, 'rapport-error') as Promise<RapportErrorEvent>;
      document.body.append(el);
      try {
        expect((await reported).widget).to.equal('rapport-complaint-tracker');
        await until(() => inside(el, '[data-state="invalid-customization"]'), 'the state');
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(inside(el, '.complaints'), 'no complaints drawn').to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        el.remove();
      }
    } finally {
      warnings.restore();
    }
  });

  it('follows a partial document that relabels and hides fields', async () => {
    const customization = {
      schemaVersion: 1,
      widgets: {
        'complaint-tracker': {
          layout: {
            type: 'VerticalLayout',
            elements: [
              {type: 'Control', field: 'reference'},
              {type: 'Control', field: 'status'},
              {type: 'Control', field: 'receivedAt', label: 'Sent on'},
            ],
          },
        },
      },
    };
    const {el} = await mount([complaint('001')], [], {customization});
    expect(text(summaries(el)[0])).to.equal('C-2026-001 Status: Received');
    const panel = await open(el, 'C-2026-001');
    expect(labels(panel)).to.deep.equal(['Sent on']);
    expect(text(panel)).not.to.contain('Ordered two weeks ago');
  });

  it('follows a memory backend customer’s complaints and threads, and a reply reaches the backend', async () => {
    let t = asOf.getTime();
    const {client, adapter} = demoClient({now: () => (t += 1000)});
    const customerId = adapter.data.complaintUpdates[0]!.customerId;
    const el = await fixture<RapportComplaintTracker>(
      html`<rapport-complaint-tracker
        customer-id=${customerId}
        .client=${client}
      ></rapport-complaint-tracker>`,
    );
    await until(() => inside(el, '.complaints'), 'the complaints');
    const own = (await adapter.resources.complaints!.list(customerId, {limit: 50})).items;
    expect(summaries(el).map((b) => text(b.querySelector('.ref')))).to.deep.equal(
      own.map((c) => c.reference),
    );
    const threaded = own.find((c) =>
      adapter.data.complaintUpdates.some((u) => u.complaintId === c.id),
    )!;
    const panel = await open(el, threaded.reference);
    const seeded = adapter.data.complaintUpdates.filter((u) => u.complaintId === threaded.id);
    await until(() => panel.querySelectorAll('[part~="update"]').length > 0, 'the thread');
    expect(panel.querySelectorAll('[part~="update"]')).to.have.length(seeded.length);
    await expect(el).to.be.accessible();
    type(panel, 'Thank you for the update.');
    press(panel, '[part~="submit"]');
    await until(
      () => panel.querySelectorAll('[part~="update"]').length === seeded.length + 1,
      'the reply in the thread',
    );
    const stored = adapter.data.complaintUpdates.filter((u) => u.complaintId === threaded.id);
    expect(stored.at(-1)!.body).to.equal('Thank you for the update.');
    expect(stored.at(-1)!.author.kind).to.equal('customer');
  });
});
