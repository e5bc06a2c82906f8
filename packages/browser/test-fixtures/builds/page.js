// Loads the build named by ?build=, shows customer c-001 from the demo data with the document named by
// ?document= (`broken`, the default: its `fields` is a list, which no build can use; `theme-only`: a
// theme and nothing else; `misspelt`: a document only the schema finds wrong) for the role named by
// ?role=, and reports to the test page what the visitor saw, what the developer was told (console and
// rapport-error) and whether anything threw.
const report = {warnings: [], events: [], thrown: [], text: '', state: null, parts: [], accent: ''};
const documents = {
  broken: '{"schemaVersion": 1, "fields": []}',
  'theme-only': '{"schemaVersion": 1, "theme": {"tokens": {"accent": "#0f766e"}}}',
  // Passes the production build's rough check, but a field type, an access level, a field id and a
  // layout type are misspelt: only the schema finds these.
  misspelt: JSON.stringify({
    schemaVersion: 1,
    roles: [{id: 'agent', label: 'Agent'}],
    fields: {
      name: {entity: 'customer', source: 'displayName', label: 'Name', type: 'text'},
      email: {entity: 'customer', source: 'email', label: 'Email', type: 'emial'},
      phone: {
        entity: 'customer',
        source: 'phone',
        label: 'Phone',
        type: 'phone',
        access: {agent: 'parital'},
      },
    },
    widgets: {
      'customer-card': {
        layout: {
          type: 'VerticalLayout',
          elements: [
            {type: 'Control', field: 'name'},
            {type: 'Control', field: 'email'},
            {type: 'Control', field: 'phone'},
            {type: 'Control', field: 'nosuch'},
            {type: 'Grdi', elements: [{type: 'Control', field: 'email'}]},
          ],
        },
      },
    },
  }),
};
const warn = console.warn;
console.warn = (...args) => {
  report.warnings.push(args.map(String).join(' '));
  warn.apply(console, args);
};
window.addEventListener('error', (event) => report.thrown.push(String(event.message)));
window.addEventListener('rapport-error', (event) => report.events.push(event.error.message));

const query = new URLSearchParams(location.search);
const build = query.get('build');
if (build === 'none') {
  // Only the translation's script, which needs a build before it: what it says when there is none.
  load('rapport.zh-CN.iife.js').then(() => setTimeout(() => parent.postMessage(report, '*')));
} else {
  const script = document.createElement('script');
  script.src = `../../dist/${build}`;
  script.onload = show;
  document.head.append(script);
}

async function show() {
  // ?translation=zh-CN: the language's own script, loaded after the build, and a page in that language.
  const translation = query.get('translation');
  if (translation) await load(`rapport.${translation}.iife.js`);
  // The demo build brings the memory backend; the other builds are given it from the demo bundle.
  if (!window.Rapport.memoryAdapter) await load('rapport-demo.iife.js', 'RapportDemo');
  const {memoryAdapter} = window.RapportDemo ?? window.Rapport;
  const card = document.createElement('rapport-customer-card');
  card.client = window.Rapport.createClient(memoryAdapter());
  card.customerId = 'c-001';
  // ?locale=: the page's language, by default the translation's.
  const locale = query.get('locale') || translation;
  if (locale) card.locale = locale;
  if (query.get('role')) card.viewerRole = query.get('role');
  card.customization = documents[query.get('document') ?? 'broken'];
  document.body.append(card);
  setTimeout(() => {
    const state = card.shadowRoot.querySelector('[data-state]');
    report.state = state?.dataset.state ?? null;
    report.text = card.shadowRoot.textContent.replace(/\s+/g, ' ').trim();
    report.parts = [...card.shadowRoot.querySelectorAll('[part]')].map((e) =>
      e.getAttribute('part'),
    );
    report.accent = card.style.getPropertyValue('--rapport-color-accent');
    parent.postMessage(report, '*');
  }, 300);
}

/**
 * Loads another script; a build under another global name (`name`), keeping the one under test as
 * `Rapport`.
 */
function load(file, name) {
  const own = window.Rapport;
  return new Promise((resolve, reject) => {
    const other = document.createElement('script');
    other.src = `../../dist/${file}`;
    other.onload = () => {
      if (name) {
        window[name] = window.Rapport;
        window.Rapport = own;
      }
      resolve();
    };
    other.onerror = reject;
    document.head.append(other);
  });
}
