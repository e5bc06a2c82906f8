// The code blocks of the docs, for the tests that type-check and run them.
import {readFileSync} from 'node:fs';

/**
 * The fenced blocks of a Markdown file: `{lang, info, code, assumes, line}`.
 *
 * - ```ts continued: the block goes on from the one before it in the same file (checked as one).
 * - ```ts no-check: a signature listing, not a program.
 * - ```ts file=acme-adapter.ts: the block is that file, for the blocks that import it.
 * - An HTML comment right before a block, `<!-- assumes: … -->`, holds declarations the block takes
 *   as given (your vendor's API client, your mapping functions); readers do not see it. For a
 *   TypeScript block they are TypeScript put before it; for a JavaScript block, ambient declarations
 *   (`const form: RapportComplaintForm;`) that the test declares around it.
 */
export function codeBlocks(file) {
  const blocks = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(\S*)\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].startsWith(open[1]); j++) body.push(lines[j]);
    // The nearest non-blank line above: the end of an `assumes` comment, if there is one.
    let k = i - 1;
    while (k >= 0 && lines[k].trim() === '') k--;
    let assumes = '';
    if (k >= 0 && lines[k].trim() === '-->') {
      let start = k;
      while (start >= 0 && !lines[start].startsWith('<!-- assumes')) start--;
      if (start >= 0) assumes = lines.slice(start + 1, k).join('\n');
    }
    blocks.push({lang: open[2], info: open[3], code: body.join('\n'), assumes, line: i + 1});
    i = j;
  }
  return blocks;
}
