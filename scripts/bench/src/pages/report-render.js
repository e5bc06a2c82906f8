// <rapport-report>'s render cost, production build: a 52-week line chart and a 12-category bar chart,
// from a report the client hands over at once, timed from appending the element to its chart, table
// and figures in the DOM (script time: nothing forces layout in between).
import '@rapport/widgets/report';
import {complaintCategories} from '@rapport/core';

const weeks = Array.from({length: 52}, (_, i) =>
  new Date(Date.UTC(2025, 11, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10),
);
// The standard categories and five of a business's own: twelve.
const categories = [...complaintCategories, 'returns', 'warranty', 'stores', 'app', 'loyalty'];
const base = {
  from: '2025-12-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  asOf: '2026-12-01T00:00:00.000Z',
  filters: {},
  categoryLabels: {},
  minimumGroupSize: 5,
};
const reports = {
  complaintSla: {
    ...base,
    report: 'complaintSla',
    chart: 'line',
    axis: 'week',
    categories: weeks,
    series: [
      {
        id: 'breachRate',
        unit: 'percent',
        plot: true,
        values: weeks.map((_, i) => (i * 37) % 100),
        suppressed: [],
      },
      {
        id: 'complaints',
        unit: 'complaints',
        plot: false,
        values: weeks.map((_, i) => 5 + (i % 9)),
        suppressed: [],
      },
    ],
    figures: [
      {id: 'breachRate', unit: 'percent', value: 41.5, suppressed: false},
      {id: 'medianFirstReply', unit: 'hours', value: 3.5, suppressed: false},
    ],
  },
  complaintsByCategory: {
    ...base,
    report: 'complaintsByCategory',
    chart: 'bar',
    axis: 'category',
    categories,
    series: [
      {
        id: 'complaints',
        unit: 'complaints',
        plot: true,
        values: categories.map((_, i) => 10 + i * 3),
        suppressed: [],
      },
    ],
    figures: [{id: 'complaints', unit: 'complaints', value: 318, suppressed: false}],
  },
};
const client = {
  adapterName: 'bench',
  capabilities: {maxBatchSize: 100, entities: [], customFieldsWritable: false},
  report: async (name) => reports[name],
  subscribe: () => () => {},
};

async function render(name) {
  const el = document.createElement('rapport-report');
  el.name = name === 'complaintSla' ? 'complaint-sla' : 'complaints-by-category';
  el.viewerRole = 'supervisor';
  el.locale = 'en';
  el.client = client;
  const started = performance.now();
  document.body.append(el);
  while (!el.shadowRoot?.querySelector('table')) await el.updateComplete;
  const ms = performance.now() - started;
  const points = el.shadowRoot.querySelectorAll('.point').length;
  el.remove();
  return {ms, points};
}

window.bench = {
  async run(runs) {
    const result = {};
    for (const name of Object.keys(reports)) {
      await render(name); // warm: formatters, styles
      const times = [];
      let points = 0;
      for (let i = 0; i < runs; i++) {
        const r = await render(name);
        times.push(r.ms);
        points = r.points;
      }
      result[name] = {times, points};
    }
    return result;
  },
};
