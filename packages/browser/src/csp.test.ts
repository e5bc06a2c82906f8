// The script-tag bundle under a strict Content Security Policy (no unsafe-eval, no unsafe-inline),
// loaded twice on one page: all three widgets render and are styled, with no violation and no error.
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
}

describe('rapport-demo.iife.js under a strict CSP', () => {
  it('renders and styles all three widgets, twice loaded, without a violation or an error', async () => {
    const frame = document.createElement('iframe');
    const report = new Promise<Report>((resolve) => {
      window.addEventListener(
        'message',
        (event: MessageEvent<Report>) =>
          event.source === frame.contentWindow && resolve(event.data),
      );
    });
    frame.src = new URL('../test-fixtures/csp/csp.html', import.meta.url).href;
    document.body.append(frame);
    const result = await report;
    frame.remove();
    expect(result.evalBlocked, 'the policy is in force').to.equal(true);
    expect(result.violations).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
    expect(result.rendered).to.deep.equal({card: true, tier: true, form: true});
    expect(result.styles.cardRadius).to.equal('10px');
    expect(result.styles.submitBackground).to.equal('rgb(11, 110, 105)');
    expect(result.styles.progressTransform).to.match(/^matrix\(/, 'the progress bar is drawn');
  });
});
