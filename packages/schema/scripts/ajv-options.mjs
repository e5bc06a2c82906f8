// The one place Ajv's options are decided: the generated standalone validator and any runtime compile
// (benchmarks) use these, so they validate alike.
export const ajvOptions = {
  allErrors: true, // report every problem at once, not the first
  strict: true,
  allowUnionTypes: true, // a rule's `equals` is a text, a number or true/false
  discriminator: true, // layout elements are told apart by their `type`
  messages: false, // src/problems.ts writes the messages people read; Ajv's would be dead weight
  inlineRefs: false, // one function per definition instead of copies of it: a much smaller validator
};
