import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {
  defaultCustomization,
  documentText,
  plural,
  registerBuiltInTranslation,
  registerTranslation,
  resolveLayout,
  translate,
  translationChain,
  validateValue,
  watchTranslations,
} from '@rapport/schema';

const required = resolveLayout(defaultCustomization, 'complaint-form', {
  role: 'customer',
}).fields.find((f) => f.validation.required)!;

describe('translations', () => {
  it('speaks English until another language is registered, then that language', async () => {
    assert.equal(validateValue(required, '', 'zh-CN'), 'This field is required.');
    assert.equal(documentText('Preferred store', 'zh-CN'), 'Preferred store');
    await import('@rapport/schema/translations/zh-CN.js');
    assert.equal(validateValue(required, '', 'zh-CN'), '此项为必填项。');
    assert.equal(documentText('Preferred store', 'zh-CN'), '常去门店');
    assert.equal(validateValue(required, '', 'en-GB'), 'This field is required.');
  });

  it('falls back from zh-TW and zh-HK to Traditional Chinese when registered, else to zh-CN', async () => {
    await import('@rapport/schema/translations/zh-CN.js');
    assert.deepEqual(translationChain('zh-TW'), ['zh-cn', 'en']);
    assert.equal(validateValue(required, '', 'zh-HK'), '此项为必填项。');
    registerTranslation({
      $code: 'zh-Hant',
      $name: '繁體中文',
      'value.required': () => '此欄位為必填。',
    });
    assert.deepEqual(translationChain('zh-TW'), ['zh-hant', 'zh-cn', 'en']);
    assert.equal(validateValue(required, '', 'zh-TW'), '此欄位為必填。');
    assert.equal(
      validateValue(required, '', 'zh-CN'),
      '此项为必填项。',
      'Simplified stays Simplified',
    );
  });

  it('lets a host register a language, falling back key by key to English', () => {
    registerTranslation({
      $code: 'fr',
      $name: 'Français',
      'value.required': () => 'Champ obligatoire.',
    });
    assert.equal(validateValue(required, '', 'fr-CA'), 'Champ obligatoire.');
    const email = resolveLayout(defaultCustomization, 'complaint-form', {
      role: 'customer',
    }).fields.find((f) => f.type === 'email')!;
    assert.equal(
      validateValue(email, 'ada@', 'fr'),
      'Enter an email address, such as name@example.com.',
    );
    assert.equal(translate('fr', 'no-such-key'), undefined);
  });

  it("keeps a host's wording over Rapport's own texts, whichever loads first", () => {
    registerTranslation({$code: 'x-host', $name: 'Host', 'value.required': () => 'Host wording.'});
    // As when a widget chunk with its built-in texts is loaded lazily, after the host registered.
    registerBuiltInTranslation({
      $code: 'x-host',
      $name: 'Built in',
      'value.required': () => 'Built-in wording.',
      'value.email': () => 'Built-in email wording.',
    });
    assert.equal(validateValue(required, '', 'x-host'), 'Host wording.');
    const email = resolveLayout(defaultCustomization, 'complaint-form', {
      role: 'customer',
    }).fields.find((f) => f.type === 'email')!;
    assert.equal(validateValue(email, 'ada@', 'x-host'), 'Built-in email wording.');
    registerTranslation({$code: 'x-host', $name: 'Host', 'value.email': () => 'Host email.'});
    assert.equal(validateValue(email, 'ada@', 'x-host'), 'Host email.');
  });

  it('translates every text of the built-in document in the zh-CN module', async () => {
    const texts: string[] = [];
    const walk = (node: unknown, key?: string): void => {
      if (typeof node === 'string') {
        if (key && ['label', 'help', 'placeholder', 'message'].includes(key)) texts.push(node);
      } else if (Array.isArray(node)) node.forEach((item) => walk(item, key));
      else if (node && typeof node === 'object')
        for (const [k, value] of Object.entries(node))
          walk(value, ['en', 'zh-CN'].includes(k) ? key : k);
    };
    walk(defaultCustomization);
    assert.ok(texts.length > 80, `${texts.length} texts`);
    await import('@rapport/schema/translations/zh-CN.js');
    const untranslated = texts.filter(
      (text) =>
        !/[\u4e00-\u9fff]/u.test(documentText(text, 'zh-CN')) && !/^[A-Z]{2}-\d+$/.test(text),
    );
    assert.deepEqual(untranslated, []);
    const card = resolveLayout(defaultCustomization, 'customer-card', {
      role: 'agent',
      locale: 'zh-TW',
    });
    assert.equal(
      card.fields.find((f) => f.id === 'store')?.label,
      '常去门店',
      'zh-TW falls back to zh-CN',
    );
    assert.equal(documentText('Preferred store', 'en-GB'), 'Preferred store');
    // "Email" and "Received" each mean two things: a field's label, and an option with its own words.
    const option = (field: string, value: string) =>
      defaultCustomization.fields[field]!.options!.find((o) => o.value === value)!.label;
    assert.equal(documentText(option('channel', 'email'), 'zh-CN'), '邮件');
    assert.equal(documentText(option('status', 'new'), 'zh-CN'), '已收到');
    assert.equal(documentText('Received', 'zh-CN'), '提交时间');
    assert.equal(card.fields.find((f) => f.id === 'email')?.label, '邮箱');
    // Along the chain, a text's own words for a code win over that code's translation of its English,
    // whatever the case of the page's tag.
    for (const locale of ['zh-TW', 'zh', 'zh-cn', 'zh-Hans-CN'])
      assert.equal(documentText(option('channel', 'email'), locale), '邮件', locale);
    assert.equal(documentText({en: 'Email', 'zh-CN': '电子邮件'}, 'zh-HK'), '电子邮件');
  });

  it("translates the built-in document's texts in a host's language, under a text's own words", () => {
    registerTranslation({
      $code: 'de',
      $name: 'Deutsch',
      'document:Email': 'E-Mail',
      'document:What happened?': 'Was ist passiert?',
    });
    const form = resolveLayout(defaultCustomization, 'complaint-form', {
      role: 'customer',
      locale: 'de',
    });
    assert.equal(form.fields.find((f) => f.id === 'description')?.label, 'Was ist passiert?');
    assert.equal(
      form.fields.find((f) => f.id === 'subject')?.label,
      'Subject',
      'English when untranslated',
    );
    // The channel's "Email" option has its own words for zh-CN, and takes the host's for German.
    const channel = defaultCustomization.fields.channel!.options!.find((o) => o.value === 'email')!;
    assert.equal(documentText(channel.label, 'de'), 'E-Mail');
    assert.equal(
      documentText({en: 'Email', de: 'Elektronische Post'}, 'de-AT'),
      'Elektronische Post',
    );
    // A document written in another language is looked up by its own fallback words.
    assert.equal(documentText({fr: 'Courriel'}, 'de', 'fr'), 'Courriel');
  });

  it('never takes a key from the object prototype as a translation', () => {
    assert.equal(translate('constructor', 'toString'), undefined);
    assert.equal(validateValue(required, '', '__proto__'), 'This field is required.');
  });

  it('picks plural forms with Intl.PluralRules', () => {
    const forms = {one: '{count} field', other: '{count} fields'};
    assert.equal(plural('en', 1, forms), '1 field');
    assert.equal(plural('en', 3, forms), '3 fields');
    // Polish has "few" (2–4) and "many" (5+).
    const pl = {
      one: '{count} pole',
      few: '{count} pola',
      many: '{count} pól',
      other: '{count} pola',
    };
    assert.equal(plural('pl', 2, pl), '2 pola');
    assert.equal(plural('pl', 5, pl), '5 pól');
  });
});

describe('watchTranslations', () => {
  it('tells after each registration that changes a text a page may show, until unwatched', () => {
    let told = 0;
    const unwatch = watchTranslations(() => told++);
    // The value messages are registered in English: another language's text for one is news.
    registerTranslation({$code: 'nl', $name: 'Nederlands', 'value.required': () => 'Verplicht.'});
    registerBuiltInTranslation({
      $code: 'nl-BE',
      $name: 'Nederlands (België)',
      'value.required': () => 'Verplicht.',
    });
    assert.equal(told, 2);
    // Texts for keys no language had (a widget module's own English, as it loads) change nothing.
    registerBuiltInTranslation({$code: 'en', $name: 'English', someWidgetsOwnKey: 'Text'});
    assert.equal(told, 2);
    // Once known, that key's text in another language, or a host rewording it, is seen.
    registerTranslation({$code: 'nl', $name: 'Nederlands', someWidgetsOwnKey: 'Tekst'});
    registerTranslation({$code: 'en', $name: 'English', someWidgetsOwnKey: 'Words'});
    assert.equal(told, 4);
    // A document text's translation is news in any language but English, even for a new key: the
    // built-in document's English is not registered.
    registerTranslation({
      $code: 'nl',
      $name: 'Nederlands',
      'document:Loyalty nickname': 'Bijnaam',
    });
    assert.equal(told, 5);
    unwatch();
    registerTranslation({$code: 'nl', $name: 'Nederlands', 'value.required': () => 'Nodig.'});
    assert.equal(told, 5);
  });
});
