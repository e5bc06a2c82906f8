/**
 * True in the ESM build, which development tools use; the minified IIFE bundles replace this module
 * with `false` (see scripts/build-bundles.mjs), so their users never see development warnings.
 */
export const DEV_MODE: boolean = true;
