// The playground page: picks a customer, role, language and theme; feeds the widgets a client over the
// gateway; edits the customization document live; lists what goes over the wire.
import '@rapport/widgets/all';
// The locale menu offers Simplified Chinese: the widgets' own texts too, not only the document's labels.
import '@rapport/widgets/translations/zh-CN.js';
import {httpAdapter} from '@rapport/adapter-http';
import {catalogue, createClient, reportOfPath} from '@rapport/core';
import {reportsForRole, validateCustomization} from '@rapport/schema';

const $ = (id) => document.getElementById(id);
const provider = $('provider');
const widgets = ['card', 'loyalty', 'rewards', 'tracker', 'csat', 'form', 'nps'].map($);
const state = {customerId: 'c-050', role: 'customer', locale: 'en', theme: 'light'};

// --- Identity: tokens come from the server, the way a host site's own server would sign them. ---
const tokens = new Map();
async function getToken({refresh}) {
  const key = `${state.role}|${state.customerId}`;
  if (refresh || !tokens.has(key)) {
    const response = await fetch(
      `/token?role=${encodeURIComponent(state.role)}&customerId=${encodeURIComponent(state.customerId)}`,
    );
    tokens.set(key, await response.text());
  }
  return tokens.get(key);
}

// --- The wire log. ---
const wire = $('wire');
const started = performance.now();
function logRow(cells, outcome) {
  const row = document.createElement('tr');
  for (const [i, text] of cells.entries()) {
    const cell = document.createElement('td');
    cell.textContent = text;
    if (i === cells.length - 1 && outcome) cell.className = outcome;
    row.append(cell);
  }
  wire.prepend(row);
  while (wire.children.length > 200) wire.lastChild.remove();
}
const detail = (e) =>
  (e.ids
    ? `${e.ids.length} id${e.ids.length === 1 ? '' : 's'}: ${e.ids.join(', ')}`
    : e.customerId
      ? `customer ${e.customerId}`
      : '') + (e.idempotencyKey ? ` · key ${e.idempotencyKey.slice(0, 8)}…` : '');
const time = () => `${((performance.now() - started) / 1000).toFixed(1)}s`;
const request = (e) => `${e.operation} ${e.report ?? e.resource}`;
const hooks = {
  onResponse: (e) =>
    logRow([time(), request(e), detail(e), String(e.attempt), `ok ${e.durationMs} ms`], 'ok'),
  onError: (e) =>
    logRow(
      [
        time(),
        request(e),
        detail(e),
        String(e.attempt),
        `${e.error.code ?? e.error.name}${e.willRetry ? `, retry in ${e.retryInMs} ms` : ''}`,
      ],
      'failed',
    ),
};
$('clear-wire').addEventListener('click', () => wire.replaceChildren());

// --- One client per identity, so a new role or customer starts with a clean cache. ---
let client;
function applyIdentity() {
  client = createClient(httpAdapter({url: '/api', getToken}), {
    hooks,
    retry: {attempts: 6, baseDelayMs: 150},
  });
  provider.client = client;
  provider.viewerRole = state.role;
  for (const widget of widgets) widget.customerId = state.customerId;
  applyReports();
  void askAboutLatestResolved();
}

// Staff see the reports the document shows their role (the gateway refuses the others anyway).
let shownDocument;
function applyReports() {
  const shown = new Set(
    shownDocument ? reportsForRole(shownDocument, state.role).map((r) => r.name) : [],
  );
  let any = false;
  for (const report of document.querySelectorAll('rapport-report')) {
    report.hidden = !shown.has(reportOfPath(report.name));
    any ||= !report.hidden;
  }
  $('reports').hidden = !any;
}

// The satisfaction survey asks about the customer's latest resolved complaint, once.
async function askAboutLatestResolved() {
  const survey = $('csat');
  const current = client;
  const page = await current
    .list('complaints', state.customerId, {limit: 50})
    .catch(() => ({items: []}));
  if (current !== client) return;
  const resolved = page.items.find((c) => c.status === 'resolved' || c.status === 'closed');
  // Surveys are the customer's to answer; the gateway refuses answers from staff.
  survey.hidden = state.role !== 'customer' || !resolved;
  $('nps').hidden = $('nps-title').hidden = state.role !== 'customer';
  if (resolved) survey.complaintId = resolved.id;
}
function applyLocale() {
  provider.locale = state.locale;
  document.documentElement.lang = state.locale;
}
function applyTheme() {
  document.body.classList.toggle('dark', state.theme === 'dark');
  document.body.classList.toggle('brand', state.theme === 'brand');
  for (const widget of [...widgets, ...document.querySelectorAll('rapport-report')])
    widget.theme = state.theme === 'dark' ? 'dark' : 'light';
}

$('role').addEventListener('change', (e) => {
  state.role = e.target.value;
  applyIdentity();
});
$('locale').addEventListener('change', (e) => {
  state.locale = e.target.value;
  applyLocale();
});
$('theme').addEventListener('change', (e) => {
  state.theme = e.target.value;
  applyTheme();
});
$('faults').addEventListener('change', (e) =>
  fetch('/demo/faults', {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify({on: e.target.checked}),
  }),
);
$('reset').addEventListener('click', async () => {
  await fetch('/demo/reset', {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: '{}',
  });
  applyIdentity();
});

// --- Customer search. ---
let searchTimer;
async function search() {
  const q = $('search').value;
  const query = new URLSearchParams({q, selected: state.customerId});
  const found = await (await fetch(`/demo/customers?${query}`)).json();
  const items = found.map((c) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.id = c.id;
    button.setAttribute('aria-pressed', String(c.id === state.customerId));
    button.append(c.displayName);
    const small = document.createElement('small');
    small.textContent = [c.id, c.company && c.company !== c.displayName ? c.company : '']
      .filter(Boolean)
      .join(' · ');
    button.append(small);
    button.addEventListener('click', () => {
      state.customerId = c.id;
      for (const b of $('results').querySelectorAll('button'))
        b.setAttribute('aria-pressed', String(b.dataset.id === c.id));
      applyIdentity();
    });
    item.append(button);
    return item;
  });
  $('results').replaceChildren(...items);
}
$('search').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, 150);
});

// --- The customization editor: validated as you type; valid documents go to the widgets and the gateway. ---
const editor = $('document');
let editTimer;
async function applyDocument() {
  const result = validateCustomization(editor.value);
  const status = $('document-status');
  const problems = $('problems');
  if (!result.valid) {
    status.textContent = `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}: the widgets keep the last valid document`;
    status.className = 'status invalid';
    problems.replaceChildren(
      ...result.problems.map((p) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${p.line === undefined ? '' : `line ${p.line}:${p.column} `}${p.pointer || '/'}: ${p.message}`;
        button.addEventListener('click', () => goTo(p.line, p.column));
        item.append(button);
        return item;
      }),
    );
    return;
  }
  problems.replaceChildren();
  const saved = await fetch('/demo/customization', {
    method: 'PUT',
    headers: {'content-type': 'application/json'},
    body: editor.value,
  }).catch(() => undefined);
  if (!saved?.ok) {
    status.textContent =
      'Valid, but the server did not take it: the widgets keep the last document';
    status.className = 'status invalid';
    return;
  }
  status.textContent = 'Valid document: applied';
  status.className = 'status valid';
  provider.customization = result.document;
  shownDocument = result.document;
  applyReports();
  // The gateway now masks by the new document: reload what the widgets show.
  for (const resource of Object.keys(catalogue)) client.invalidate({resource});
}
function goTo(line, column) {
  if (line === undefined) return;
  const lines = editor.value.split('\n');
  const index = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  editor.focus();
  editor.setSelectionRange(index, index);
}
editor.addEventListener('input', () => {
  clearTimeout(editTimer);
  editTimer = setTimeout(applyDocument, 250);
});

// --- Start: the widgets get their client at once; the editor fills in when the document comes. ---
applyIdentity();
applyLocale();
applyTheme();
const initial = await (await fetch('/demo/customization')).json();
editor.value = JSON.stringify(initial, null, 2);
shownDocument = validateCustomization(initial).document;
applyReports();
await search();
