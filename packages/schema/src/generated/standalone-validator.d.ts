// Generated from customization.schema.json by scripts/validator-generator.mjs: do not edit.
// Run `pnpm --filter @rapport/schema gen:schema` after changing the types.
import type {SchemaIndex, StandaloneValidator} from '../validator-types.js';

declare const validate: StandaloneValidator;
export default validate;
export declare const schemaIndex: SchemaIndex;
