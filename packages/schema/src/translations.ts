import {localeChain, localize, type LocalizedText} from '@rapport/core';

/**
 * The texts of one language, as a host registers them: a `$code` (BCP 47, such as `fr` or `zh-TW`), a
 * `$name` in that language, and any of the texts Rapport's packages look up by key. Values are
 * strings, or functions of a number for texts that count something (use {@link plural} inside).
 * Keys left out fall back, one by one, along the locale's chain to English.
 */
export interface Translation {
  readonly $code: string;
  readonly $name: string;
  readonly [key: string]: unknown;
}

// The texts to look up per code: Rapport's own (`builtIn`) under what hosts registered (`hosts`).
const registry = new Map<string, Record<string, unknown>>();
const builtIn = new Map<string, Record<string, unknown>>();
const hosts = new Map<string, Record<string, unknown>>();
let version = 0;

/**
 * Registers translations, Shoelace's way: each built-in language other than English is a module that
 * registers itself when imported (`import '@rapport/widgets/translations/zh-CN.js'`), and a host
 * registers its own languages the same way, without forking. Registering a code again adds to it,
 * key by key. What a host registers wins over Rapport's own texts, whichever is loaded first.
 */
export function registerTranslation(...translations: readonly Translation[]): void {
  for (const translation of translations) add(hosts, translation);
}

/**
 * For Rapport's own translation modules: registers texts that anything given to
 * {@link registerTranslation} overrides, even when the module loads later (a lazily loaded widget
 * does not undo a host's wording).
 */
export function registerBuiltInTranslation(translation: Translation): void {
  add(builtIn, translation);
}

/** Every key some language has a text for: a key outside it cannot be on a page yet. */
const knownKeys = new Set<string>();

function add(layer: Map<string, Record<string, unknown>>, translation: Translation): void {
  const code = translation.$code.toLowerCase();
  layer.set(code, {...layer.get(code), ...translation});
  registry.set(code, {...builtIn.get(code), ...hosts.get(code)});
  version++;
  // English texts only for keys no language had (a widget module's own, registered as it loads)
  // change nothing on screen: the widgets on the page are told only when a text they may show changed.
  const keys = Object.keys(translation).filter((key) => !key.startsWith('$'));
  const seen = code !== 'en' || keys.some((key) => knownKeys.has(key));
  for (const key of keys) knownKeys.add(key);
  if (seen) for (const watcher of watchers) watcher();
}

const watchers = new Set<() => void>();

/**
 * Calls `watcher` after every registration until the function it returns is called: the widgets on a
 * page re-render in a language registered after they first rendered (a language's script loaded late).
 */
export function watchTranslations(watcher: () => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** How many times translations were registered: caches of looked-up texts compare it. */
export function translationsVersion(): number {
  return version;
}

/**
 * The registered codes to look texts up in for `locale`, best first, ending in `en`:
 * the locale's own chain (`zh-Hant-TW`, `zh-Hant`, `zh`), then its likely script (`zh-TW` and
 * `zh-HK` are written in Traditional Chinese: `zh-Hant`), then any other registered code of the same
 * language (a page in `zh-TW` gets `zh-CN` when that is all there is), then English.
 */
export function translationChain(locale: string): string[] {
  if (chainsVersion !== version) {
    chains.clear();
    chainsVersion = version;
  }
  let chain = chains.get(locale);
  if (!chain) {
    if (chains.size >= 100) chains.clear();
    chains.set(locale, (chain = chainOf(locale)));
  }
  return chain;
}

// Chains looked up, per locale, until the next registration: a value message on every keystroke
// costs a map lookup, not an Intl.Locale.
const chains = new Map<string, string[]>();
let chainsVersion = -1;

function chainOf(locale: string): string[] {
  const tag = locale.toLowerCase();
  const chain = localeChain(tag);
  const language = chain.at(-1) ?? 'en';
  const others = [...registry.keys()].filter(
    (code) => code.split('-')[0] === language && !chain.includes(code),
  );
  // The likely script matters only when the language has other registered codes to choose among
  // (and Intl.Locale's data costs milliseconds on a page's first use, so English pages skip it).
  if (others.length > 0) {
    try {
      const likely = new Intl.Locale(tag).maximize();
      if (likely.script)
        chain.splice(chain.length - 1, 0, `${language}-${likely.script.toLowerCase()}`);
    } catch {
      // Not a well-formed tag: its plain chain is all we can try.
    }
  }
  for (const code of others) if (!chain.includes(code)) chain.push(code);
  if (!chain.includes('en')) chain.push('en');
  return chain.filter((code) => registry.has(code));
}

/** The text registered under `key` for `locale`, along its {@link translationChain}. */
export function translate(locale: string, key: string): unknown {
  for (const code of translationChain(locale)) {
    const texts = registry.get(code)!;
    if (Object.hasOwn(texts, key)) return texts[key];
  }
  return undefined;
}

/**
 * A customization document's text (a label, a help text...) in `locale`. Along the locale's
 * {@link translationChain} (its own tags, then the other registered codes of its language: `zh-TW`
 * gets `zh-CN`), the text's own words for a code win over the translation registered for that code
 * under `document:` and the text's words in the document's `fallback` language; without either, those
 * words. The built-in document is written in English and translated this way
 * (`registerTranslation({$code: 'fr', $name: 'Français', 'document:Name': 'Nom'})`), and so is a
 * business's text that uses the same words.
 */
export function documentText(text: LocalizedText, locale: string, fallback = 'en'): string {
  const words = localize(text, fallback, fallback);
  const own =
    typeof text === 'string'
      ? undefined
      : new Map(Object.entries(text).map(([tag, value]) => [tag.toLowerCase(), value]));
  const codes = new Set(localeChain(locale.toLowerCase()));
  for (const code of translationChain(locale)) if (code !== 'en') codes.add(code);
  for (const code of codes) {
    const mine = own?.get(code);
    if (mine !== undefined) return mine;
    const translated = registry.get(code)?.[`document:${words}`];
    if (typeof translated === 'string') return translated;
  }
  return words;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Picks the form of a counted text with `Intl.PluralRules` (`one`, `few`, `many`, `other`...) and
 * puts the number where the form says `{count}`:
 * `plural('en', 3, {one: '{count} field', other: '{count} fields'})` gives "3 fields".
 */
export function plural(
  locale: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & {readonly other: string},
): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replaceAll('{count}', String(count));
}
