// Gives the widgets a client over the demo backend, waits until all three have rendered, checks that
// their styles applied, and reports to the test page that opened this one in a frame.
const provider = document.querySelector('rapport-provider');
provider.client = Rapport.createClient(Rapport.memoryAdapter({size: 10}));

const shadow = (tag, selector) => document.querySelector(tag)?.shadowRoot?.querySelector(selector);
const started = Date.now();
const check = () => {
  const card = shadow('rapport-customer-card', '[part~="name"]');
  const tier = shadow('rapport-loyalty-balance', '[part~="tier"]');
  const form = shadow('rapport-complaint-form', 'form');
  if ((!card || !tier || !form) && Date.now() - started < 5000) return setTimeout(check, 20);
  // Violation events arrive as tasks of their own: give them time before taking the report.
  if (!window.settled) {
    window.settled = true;
    return setTimeout(check, 300);
  }
  const base = shadow('rapport-customer-card', '[part~="base"]');
  const submit = shadow('rapport-complaint-form', '[part~="submit"]');
  const report = {
    violations: [...window.cspReport.violations],
    errors: [...window.cspReport.errors],
    rendered: {card: Boolean(card), tier: Boolean(tier), form: Boolean(form)},
    styles: {
      cardRadius: base ? getComputedStyle(base).borderTopLeftRadius : null,
      submitBackground: submit ? getComputedStyle(submit).backgroundColor : null,
      // Custom properties set through the CSSOM took effect (the progress bar is scaled, not empty).
      progressTransform: (() => {
        const bar = shadow('rapport-loyalty-balance', '.bar');
        return bar ? getComputedStyle(bar).transform : null;
      })(),
    },
  };
  // A positive control, after the report is taken: the policy must really forbid evaluating strings.
  try {
    // eslint-disable-next-line no-new-func -- the control: this must be refused by the policy
    Function('return 1')();
    report.evalBlocked = false;
  } catch {
    report.evalBlocked = true;
  }
  // And whether strings reach the DOM as HTML only through a Trusted Types policy.
  try {
    document.createElement('div').innerHTML = '<b>1</b>';
    report.trustedTypesRequired = false;
  } catch {
    report.trustedTypesRequired = true;
  }
  parent.postMessage(report, '*');
};
check();
