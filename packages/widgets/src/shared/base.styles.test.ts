// Layout rules every widget shares (shared/base.styles.ts), checked where a person would notice them.
import {expect, fixture, html} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '@rapport/widgets/all';
import {defaultCustomization, type CustomizationDocument} from '@rapport/schema';
import type {RapportComplaintForm, RapportLoyaltyBalance} from '@rapport/widgets';
import {allInside, demoClient, inside, until} from '../../test-support/support.js';

describe('shared layout rules', () => {
  afterEach(() => setViewport({width: 800, height: 600}));

  it('on a 375 px phone: the card, the balance and the form stack with gaps, one column each, nothing overflows', async () => {
    await setViewport({width: 375, height: 800});
    // The customer the docs show (c-050), so the balance has its tier, progress and expiring points.
    const {client} = demoClient({size: 60});
    const page = await fixture<HTMLElement>(
      html`<rapport-provider .client=${client} viewer-role="agent">
        <rapport-customer-card customer-id="c-050"></rapport-customer-card>
        <rapport-loyalty-balance customer-id="c-050"></rapport-loyalty-balance>
        <rapport-complaint-form customer-id="c-050"></rapport-complaint-form>
      </rapport-provider>`,
    );
    const [card, balance, form] = [...page.children] as HTMLElement[];
    await until(
      () =>
        inside(card!, '[part~="body"]') &&
        inside(balance!, '[part~="value"]') &&
        inside(form!, '#f-subject'),
      'the three widgets',
    );
    const box = (el: Element) => el.getBoundingClientRect();
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    // The default gap, 1rem, between each widget and the next.
    expect(Math.round(box(balance!).top - box(card!).bottom)).to.equal(rem);
    expect(Math.round(box(form!).top - box(balance!).bottom)).to.equal(rem);
    let stacked = 0;
    for (const widget of [card!, balance!, form!]) {
      const grids = allInside(widget, '.grid');
      for (const grid of grids) {
        const lefts = [...grid.children]
          .filter((child) => box(child).width > 0 && !child.classList.contains('group-label'))
          .map((child) => Math.round(box(child).left));
        expect(new Set(lefts).size, `${widget.localName}: one column`).to.be.at.most(1);
        if (lefts.length > 1) stacked++;
      }
      const base = inside(widget, '[part~="base"]')!;
      expect(base.scrollWidth, `${widget.localName} fits`).to.be.at.most(base.clientWidth);
      expect(box(widget).right).to.be.at.most(375);
    }
    expect(stacked, 'a grid of two fields or more, stacked').to.be.greaterThan(0);
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
    await expect(balance as RapportLoyaltyBalance).to.be.accessible();
    await expect(form as RapportComplaintForm).to.be.accessible();
  });

  it('never leave a required mark alone at the start of a line, at any width', async () => {
    const customization: CustomizationDocument = structuredClone(defaultCustomization);
    customization.fields.subject!.label = 'In a few words, what is your complaint about';
    const {client} = demoClient();
    const host = await fixture<HTMLElement>(
      html`<div style="width: 400px">
        <rapport-complaint-form
          customer-id="c-001"
          .client=${client}
          .customization=${customization}
        ></rapport-complaint-form>
      </div>`,
    );
    const form = host.querySelector<RapportComplaintForm>('rapport-complaint-form')!;
    await until(() => inside(form, '.required'), 'the required mark');
    const mark = [...form.shadowRoot!.querySelectorAll<HTMLElement>('.required')].find((m) =>
      m.parentElement?.textContent?.includes('In a few words'),
    )!;
    const label = [...mark.parentElement!.childNodes].find(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('about'),
    )!;
    const lastWord = document.createRange();
    const labelText = label.textContent!;
    lastWord.setStart(label, labelText.length - 'about'.length);
    lastWord.setEnd(label, labelText.length);
    let wrapped = 0;
    // Every width where the label takes two lines or more: the mark stays on its last word's line.
    for (let width = 120; width <= 400; width++) {
      host.style.width = `${width}px`;
      const word = lastWord.getClientRects();
      const markLines = mark.getClientRects();
      const wordTop = word[word.length - 1]!.top;
      expect(markLines.length, `one line for the mark at ${width}px`).to.equal(1);
      expect(Math.abs(markLines[0]!.top - wordTop), `at ${width}px`).to.be.below(2);
      if (lastWord.getClientRects()[0]!.top > mark.parentElement!.getBoundingClientRect().top + 2)
        wrapped++;
    }
    expect(wrapped, 'the label wrapped at some widths').to.be.greaterThan(0);
  });
});
