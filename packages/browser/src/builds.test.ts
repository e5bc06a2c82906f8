// The production and development script-tag builds with a customization document they cannot use:
// the visitor sees a neutral message in both; the developer learns why in the console and from
// rapport-error, in detail from the development build and with a pointer to it from the production one.
import {expect} from '@open-wc/testing';

interface Report {
  warnings: string[];
  events: string[];
  thrown: string[];
  text: string;
  state: string | null;
  parts: string[];
  accent: string;
}

async function open(
  build: string,
  customization = 'broken',
  translation = '',
  locale = '',
  role = '',
): Promise<Report> {
  const frame = document.createElement('iframe');
  const report = new Promise<Report>((resolve) => {
    window.addEventListener('message', (event: MessageEvent<Report>) => {
      if (event.source === frame.contentWindow) resolve(event.data);
    });
  });
  const query = new URLSearchParams({build, document: customization, translation, locale, role});
  frame.src = new URL(`../test-fixtures/builds/page.html?${query}`, import.meta.url).href;
  document.body.append(frame);
  try {
    return await report;
  } finally {
    frame.remove();
  }
}

const about = (messages: string[]) => messages.filter((m) => m.includes('customization document'));

describe('the script-tag builds with a document they cannot use', () => {
  for (const build of ['rapport.iife.js', 'rapport.dev.iife.js']) {
    it(`${build}: the visitor sees a neutral message and nothing throws`, async () => {
      const report = await open(build);
      expect(report.thrown).to.deep.equal([]);
      expect(report.state).to.equal('invalid-customization');
      expect(report.text).not.to.contain('rapport validate');
      expect(report.text).not.to.contain('/fields');
      expect(report.text).not.to.contain('schemaVersion');
      expect(report.text.length).to.be.greaterThan(0);
    });
  }

  it('the development build names every problem, in the console and in rapport-error', async () => {
    const report = await open('rapport.dev.iife.js');
    for (const messages of [about(report.warnings), about(report.events)]) {
      expect(messages).to.have.length(1);
      expect(messages[0]).to.contain('/fields');
      expect(messages[0]).to.contain('npx rapport validate');
    }
  });

  it('the production build says what it could not use and where to learn more', async () => {
    const report = await open('rapport.iife.js');
    for (const messages of [about(report.warnings), about(report.events)]) {
      expect(messages).to.have.length(1);
      expect(messages[0]).to.contain('its "fields" is not an object');
      expect(messages[0]).to.contain('development build');
      expect(messages[0]).to.contain('rapport validate');
    }
  });
});

describe('the script-tag builds with a document only the schema finds wrong', () => {
  // A misspelt field type, access level, field id and layout type pass the production build's rough
  // check: it must still never throw nor show a visitor the document's words.
  for (const build of ['rapport.iife.js', 'rapport.dev.iife.js']) {
    it(`${build}: nothing throws and the visitor reads no developer text`, async () => {
      const report = await open(build, 'misspelt', '', '', 'agent');
      expect(report.thrown).to.deep.equal([]);
      for (const word of ['emial', 'parital', 'nosuch', 'Grdi', 'rapport validate'])
        expect(report.text).not.to.contain(word);
      expect(report.text.length).to.be.greaterThan(0);
    });
  }

  it('the development build refuses it and names each misspelling', async () => {
    const report = await open('rapport.dev.iife.js', 'misspelt', '', '', 'agent');
    expect(report.state).to.equal('invalid-customization');
    const [message] = about(report.warnings);
    for (const pointer of [
      '/fields/email/type',
      '/fields/phone/access/agent',
      '/widgets/customer-card/layout/elements/3/field',
      '/widgets/customer-card/layout/elements/4/type',
    ])
      expect(message).to.contain(pointer);
  });
});

describe('the script-tag builds with a theme-only document', () => {
  for (const build of ['rapport.iife.js', 'rapport.dev.iife.js']) {
    it(`${build}: shows the built-in card in the document's colours, and says nothing`, async () => {
      const report = await open(build, 'theme-only');
      expect(report.thrown).to.deep.equal([]);
      expect(about(report.warnings)).to.deep.equal([]);
      expect(report.events).to.deep.equal([]);
      expect(report.accent).to.equal('#0f766e');
      expect(report.text).to.contain('Email');
      expect(report.parts).to.include.members(['name', 'body']);
    });
  }
});

describe('Simplified Chinese for the script tag', () => {
  it('is a script of its own: rapport.iife.js alone shows its texts in English', async () => {
    const report = await open('rapport.iife.js', 'theme-only', '', 'zh-CN');
    expect(report.text).to.contain('Last contact');
    expect(report.text).to.contain('Email', "the built-in document's Chinese comes with zh-CN");
    expect(report.text).not.to.contain('邮箱');
  });

  for (const build of ['rapport.iife.js', 'rapport.dev.iife.js']) {
    it(`rapport.zh-CN.iife.js after ${build} makes a zh-CN page speak Chinese`, async () => {
      const report = await open(build, 'theme-only', 'zh-CN');
      expect(report.thrown).to.deep.equal([]);
      expect(report.text).to.contain('最近联系');
      expect(report.text).to.contain('邮箱');
      expect(report.text).not.to.contain('Last contact');
    });
  }

  it('says what it needs when no build was loaded before it', async () => {
    const report = await open('none');
    expect(report.thrown).to.have.length(1);
    expect(report.thrown[0]).to.contain('load that first');
  });
});
