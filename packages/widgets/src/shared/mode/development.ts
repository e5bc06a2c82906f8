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

/** Checks a document fully: every problem, with its pointer, for the console and `rapport-error`. */
export function checkCustomization(input: unknown): CustomizationCheck {
  const result = validateCustomization(input);
  if (result.valid) return {ok: true, document: result.document};
  return {
    ok: false,
    problems: result.problems,
    message: `The customization document is not valid: ${result.problems.map((p) => `${p.pointer || '/'}: ${p.message}`).join('; ')}. Run "npx rapport validate" on it to see every problem with its line.`,
  };
}
