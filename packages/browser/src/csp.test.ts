// The script-tag bundle under a strict Content Security Policy (no unsafe-eval, no unsafe-inline),
// then also under Trusted Types (require-trusted-types-for 'script' with only Lit's `lit-html`
// policy), loaded twice on one page: all three widgets render and are styled, with no violation and
// no error.
import {expect} from '@open-wc/testing';

interface Report {
  rendered: {card: boolean; tier: boolean; form: boolean};
  styles: {
    cardRadius: string | null;
    submitBackground: string | null;
    progressTransform: string | null;
  };
  violations: string[];
  errors: string[];
  evalBlocked: boolean;
  trustedTypesRequired: boolean;
}

/** Opens `page` of the fixtures in a frame and waits for its report. */
async function load(page: string): Promise<Report> {
  const frame = document.createElement('iframe');
  const report = new Promise<Report>((resolve) => {
    window.addEventListener(
      'message',
      (event: MessageEvent<Report>) => event.source === frame.contentWindow && resolve(event.data),
    );
  });
  frame.src = new URL(`../test-fixtures/csp/${page}`, import.meta.url).href;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

// `?trusted-types`: web-test-runner.config.mjs adds the Trusted Types policy of docs/embedding.md
// as a header.
const policies = [
  {page: 'csp.html', name: 'a strict CSP', trustedTypes: false},
  {page: 'csp.html?trusted-types', name: 'Trusted Types', trustedTypes: true},
];

for (const {page, name, trustedTypes} of policies)
  describe(`rapport-demo.iife.js under ${name}`, () => {
    it('renders and styles all three widgets, twice loaded, without a violation or an error', async () => {
      const result = await load(page);
      expect(result.evalBlocked, 'the policy is in force').to.equal(true);
      expect(result.trustedTypesRequired, 'Trusted Types are required').to.equal(trustedTypes);
      expect(result.violations).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(result.rendered).to.deep.equal({card: true, tier: true, form: true});
      expect(result.styles.cardRadius).to.equal('10px');
      expect(result.styles.submitBackground).to.equal('rgb(11, 110, 105)');
      expect(result.styles.progressTransform).to.match(/^matrix\(/, 'the progress bar is drawn');
    });
  });
