// Layout rules every widget shares (shared/base.styles.ts), checked where a person would notice them.
import {expect, fixture, html} from '@open-wc/testing';
import '@rapport/widgets/all';
import {defaultCustomization, type CustomizationDocument} from '@rapport/schema';
import type {RapportComplaintForm} from '@rapport/widgets';
import {demoClient, inside, until} from '../../test-support/support.js';

describe('shared layout rules', () => {
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
