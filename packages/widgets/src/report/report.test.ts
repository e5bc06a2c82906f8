import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import '@rapport/widgets/translations/zh-CN.js';
import {createClient, type CrmAdapter, type Report} from '@rapport/core';
import {defaultCustomization} from '@rapport/schema';
import type {RapportErrorEvent, RapportReport} from '@rapport/widgets';
import {
  allInside,
  captureWarnings,
  deepActiveElement,
  demoClient,
  inside,
  text,
  until,
} from '../../test-support/support.js';

const year = {from: '2025-11-01', to: '2026-11-01'};
const shown = (el: RapportReport) => until(() => inside(el, 'table'), 'the report to load');
const tableRows = (el: RapportReport) =>
  allInside(el, 'tr').map((row) => [...row.children].map((cell) => text(cell)));

/** A report element for a supervisor over the demo backend. */
async function report(
  name: string,
  options: {role?: string; locale?: string; groupSize?: number; latency?: number} = {},
) {
  const {client, adapter, requests} = demoClient({
    reportGroupSize: options.groupSize ?? 1,
    latency: options.latency ?? 0,
  });
  const el = await fixture<RapportReport>(
    html`<rapport-report
      name=${name}
      from=${year.from}
      to=${year.to}
      viewer-role=${options.role ?? 'supervisor'}
      locale=${options.locale ?? 'en'}
      .client=${client}
    ></rapport-report>`,
  );
  return {el, adapter, requests};
}

describe('<rapport-report>', () => {
  it('is accessible while loading and with its chart, figures and table', async () => {
    const {el} = await report('complaint-sla', {latency: 80});
    expect(inside(el, '[data-state="loading"]')).to.exist;
    await expect(el).to.be.accessible();
    await shown(el);
    inside<HTMLDetailsElement>(el, 'details')!.open = true;
    await expect(el).to.be.accessible();
  });

  it('shows the backend’s figures in the table, each category a row, formatted for the locale', async () => {
    const {el, adapter} = await report('complaints-by-status');
    await shown(el);
    const expected = (await adapter.report!('complaintsByStatus', year)) as Report;
    expect(text(inside(el, '[part~="title"]'))).to.equal('Complaints by status');
    const rows = tableRows(el);
    expect(rows[0]).to.deep.equal(['Status', 'Complaints']);
    expect(rows.slice(1).map((r) => r[0])).to.deep.equal([
      'New',
      'Acknowledged',
      'In progress',
      'Resolved',
      'Closed',
      'Rejected',
    ]);
    expect(rows.slice(1).map((r) => r[1])).to.deep.equal(
      expected.series[0]!.values.map((v) => new Intl.NumberFormat('en').format(v!)),
    );
    // One bar per category, each telling its value to a screen reader.
    const points = allInside(el, '.point');
    expect(points.length).to.equal(6);
    expect(points[0]!.getAttribute('aria-label')).to.equal(`New, Complaints: ${rows[1]![1]}`);
  });

  it('says "fewer than k" for groups too small to show, in the chart and the table', async () => {
    const {el} = await report('complaints-by-category', {groupSize: 1000});
    await until(() => inside(el, '.point, [data-state]'), 'the report');
    await shown(el);
    const cells = tableRows(el)
      .slice(1)
      .map((r) => r[1]);
    expect(cells.filter((c) => c === 'fewer than 1,000').length).to.be.greaterThan(0);
    expect(allInside(el, '.point')[0]!.getAttribute('aria-label')).to.match(
      /fewer than 1,000|: 0$/,
    );
  });

  it('downloads a CSV of exactly the rows of the table', async () => {
    const {el} = await report('satisfaction');
    await shown(el);
    const original = URL.createObjectURL;
    let blob: Blob | undefined;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:test';
    };
    const clicked = new Promise<HTMLAnchorElement>((resolve) => {
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        HTMLAnchorElement.prototype.click = click;
        resolve(this);
      };
    });
    inside<HTMLButtonElement>(el, '[part~="download"]')!.click();
    const link = await clicked;
    URL.createObjectURL = original;
    expect(link.download).to.equal('satisfaction-2025-11-01-2026-11-01.csv');
    const csv = (await blob!.text()).replace(/^\uFEFF/, '');
    const parsed = csv
      .trimEnd()
      .split('\r\n')
      .map((line) =>
        line
          .slice(1, -1)
          .split('","')
          .map((cell) => cell.replace(/""/g, '"').replace(/^'/, '')),
      );
    expect(parsed).to.deep.equal(tableRows(el));
    expect(parsed.length).to.equal(13, 'a header and twelve months');
  });

  it('moves between data points with the arrow keys, Home and End', async () => {
    const {el} = await report('complaint-sla');
    await shown(el);
    const points = allInside(el, '.point');
    expect(points.length).to.equal(53, 'a year of weeks');
    expect(points.filter((p) => p.getAttribute('tabindex') === '0').length).to.equal(1);
    points[0]!.focus();
    await sendKeys({press: 'ArrowRight'});
    await until(
      () => (deepActiveElement() as SVGElement | null)?.dataset?.category === '1',
      'focus on the second week',
    );
    expect(text(inside(el, '.focused'))).to.equal(deepActiveElement()!.getAttribute('aria-label'));
    await sendKeys({press: 'End'});
    await until(
      () => (deepActiveElement() as SVGElement | null)?.dataset?.category === '52',
      'focus on the last week',
    );
    await sendKeys({press: 'Home'});
    await until(
      () => (deepActiveElement() as SVGElement | null)?.dataset?.category === '0',
      'focus on the first week',
    );
  });

  it('draws every series of a stacked chart with a legend', async () => {
    const {el} = await report('loyalty-points');
    await shown(el);
    expect(allInside(el, '[part~="legend"] li').map(text)).to.deep.equal([
      'Issued',
      'Redeemed',
      'Expired',
    ]);
    expect(allInside(el, '.point').length).to.equal(36, 'three series over twelve months');
  });

  it('shows money in the report’s currency, for the locale', async () => {
    const {el, adapter} = await report('sales-pipeline');
    await shown(el);
    const expected = (await adapter.report!('salesPipeline', year)) as Report;
    const money = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: 'CNY',
      maximumFractionDigits: 0,
    });
    const rows = tableRows(el);
    expect(rows[0]).to.deep.equal(['Stage', 'Value', 'Weighted value', 'Deals']);
    expect(rows[1]![1]).to.equal(money.format(expected.series[0]!.values[0]!));
    expect(text(inside(el, '[part~="figures"]'))).to.contain('Open pipeline');
  });

  it('shows a role only the reports the document gives it, without asking the backend', async () => {
    const customer = await report('complaints-by-status', {role: 'customer'});
    await until(() => inside(customer.el, '[data-state="forbidden"]'), 'the refusal');
    const agent = await report('loyalty-tiers', {role: 'agent'});
    await until(() => inside(agent.el, '[data-state="forbidden"]'), 'the refusal');
    expect(
      [...customer.requests, ...agent.requests].filter((r) => r.operation === 'report'),
    ).to.deep.equal([]);
    await expect(agent.el).to.be.accessible();
  });

  it('takes its title from the document, in the viewer’s language, and speaks Chinese', async () => {
    const {client} = demoClient({reportGroupSize: 1});
    const document = {
      ...defaultCustomization,
      reports: {
        show: {
          complaintsByStatus: {
            roles: ['agent'],
            label: {en: 'Where cases stand', 'zh-CN': '投诉进展'},
          },
        },
      },
    };
    const el = await fixture<RapportReport>(
      html`<rapport-report name="complaints-by-status" from=${year.from} to=${year.to} viewer-role="agent" locale="zh-CN" .customization=${document} .client=${client}></rapport-report>`,
    );
    await shown(el);
    expect(text(inside(el, '[part~="title"]'))).to.equal('投诉进展');
    expect(tableRows(el)[0]).to.deep.equal(['状态', '投诉数']);
    expect(text(inside(el, '[part~="download"]'))).to.equal('下载 CSV');
  });

  it('offers a retry after a failure, and says calmly when the backend has no reports', async () => {
    const {client, adapter} = demoClient({reportGroupSize: 1});
    adapter.setFaults({rate: 1, kinds: ['unavailable'], seed: 3});
    const el = await fixture<RapportReport>(
      html`<rapport-report name="satisfaction" from=${year.from} to=${year.to} viewer-role="supervisor" .client=${client}></rapport-report>`,
    );
    await until(() => inside(el, '[part~="retry"]'), 'the retry button');
    await expect(el).to.be.accessible();
    adapter.setFaults(null);
    inside<HTMLButtonElement>(el, '[part~="retry"]')!.click();
    await shown(el);

    const withoutReports: CrmAdapter = Object.create(adapter, {report: {value: undefined}});
    const failed = oneEvent(document.body, 'rapport-error') as Promise<RapportErrorEvent>;
    const none = await fixture<RapportReport>(
      html`<rapport-report name="satisfaction" from=${year.from} to=${year.to} viewer-role="supervisor" .client=${createClient(withoutReports)}></rapport-report>`,
    );
    expect((await failed).error.message).to.match(/does not offer reports/);
    await until(() => inside(none, '[data-state="unavailable"]'), 'the calm message');
  });

  it('says when a period has nothing to report, and tells the developer about a name that is no report', async () => {
    const {client} = demoClient({reportGroupSize: 1});
    const el = await fixture<RapportReport>(
      html`<rapport-report name="complaints-by-status" from="2030-01-01" to="2030-02-01" viewer-role="supervisor" .client=${client}></rapport-report>`,
    );
    await until(() => inside(el, '[data-state="empty"]'), 'the empty state');
    expect(text(inside(el, '[data-state="empty"]'))).to.equal('Nothing to report for this period.');

    const warnings = captureWarnings();
    try {
      const wrong = await fixture<RapportReport>(
        html`<rapport-report name="complaints-by-colour" viewer-role="supervisor" .client=${client}></rapport-report>`,
      );
      await until(() => inside(wrong, '[data-state="unknown"]'), 'the neutral message');
      expect(warnings.messages.join()).to.match(/name="complaints-by-colour" is not a report/);
    } finally {
      warnings.restore();
    }
  });
});
