// Loads the build named by ?build=, shows a customer card with a document whose `fields` is a list
// (no build can use it), and reports to the test page what the visitor saw, what the developer was
// told (console and rapport-error) and whether anything threw.
const report = {warnings: [], events: [], thrown: [], text: '', state: null, lang: null};
const warn = console.warn;
console.warn = (...args) => {
  report.warnings.push(args.map(String).join(' '));
  warn.apply(console, args);
};
window.addEventListener('error', (event) => report.thrown.push(String(event.message)));
window.addEventListener('rapport-error', (event) => report.events.push(event.error.message));

const build = new URLSearchParams(location.search).get('build');
const script = document.createElement('script');
script.src = `../../dist/${build}`;
script.onload = () => {
  const card = document.createElement('rapport-customer-card');
  card.customerId = 'c-001';
  card.customization = '{"schemaVersion": 1, "fields": []}';
  document.body.append(card);
  setTimeout(() => {
    const state = card.shadowRoot.querySelector('[data-state]');
    report.state = state?.dataset.state ?? null;
    report.text = card.shadowRoot.textContent.replace(/\s+/g, ' ').trim();
    parent.postMessage(report, '*');
  }, 300);
};
document.head.append(script);
