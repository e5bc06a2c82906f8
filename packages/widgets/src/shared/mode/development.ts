// The development build's half of `#mode` (package.json "imports"): chosen by the `development`
// export condition (Vite and webpack in development, @web/dev-server, rapport.dev.iife.js). It checks
// a customization document fully, with the friendly problems of @rapport/schema, and warns in the
// console. The production half is production.ts.
import {validateCustomization, type CustomizationDocument, type Problem} from '@rapport/schema';

/** What {@link checkCustomization} found: a usable document, or why not, for the developer. */
export type CustomizationCheck =
  | {readonly ok: true; readonly document: CustomizationDocument}
  | {readonly ok: false; readonly problems: readonly Problem[]; readonly message: string};

/** Whether this is the development build. */
export const DEV_MODE: boolean = true;

/**
 * Checks a document fully: every problem, with its pointer, for the console and `rapport-error`. A
 * valid document comes back as it was given (parsed, if text), not completed from the whole built-in
 * document: each widget completes it from its own part, as in the production build.
 */
export function checkCustomization(input: unknown): CustomizationCheck {
  const result = validateCustomization(input);
  if (result.valid)
    return {
      ok: true,
      document:
        typeof input === 'string'
          ? (JSON.parse(input) as CustomizationDocument)
          : (input as CustomizationDocument),
    };
  return {
    ok: false,
    problems: result.problems,
    message: `The customization document is not valid: ${result.problems.map((p) => `${p.pointer || '/'}: ${p.message}`).join('; ')}. Run "npx rapport validate" on it to see every problem with its line.`,
  };
}
