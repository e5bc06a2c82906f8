// The code blocks of the docs, for the tests that type-check and run them.
import {readFileSync} from 'node:fs';

/**
 * The fenced blocks of a Markdown file: `{lang, info, code, assumes, line, end}` (`line` and `end`: the
 * lines of the opening and closing fences, from 1).
 *
 * - ```ts continued: the block goes on from the code block before it in the same file (checked as
 *   one program); markup or shell blocks may sit between, a `no-check` listing may not.
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
    blocks.push({
      lang: open[2],
      info: open[3],
      code: body.join('\n'),
      assumes: assumesAbove(lines, i),
      line: i + 1,
      end: j + 1,
    });
    i = j;
  }
  return blocks;
}

/**
 * The declarations of the `<!-- assumes: … -->` comment right above a block (one line or several),
 * or ''. Any other comment there, or text between, means none.
 */
function assumesAbove(lines, line) {
  let end = line - 1;
  while (end >= 0 && lines[end].trim() === '') end--;
  if (end < 0 || !lines[end].trim().endsWith('-->')) return '';
  let start = end;
  while (start >= 0 && !lines[start].trimStart().startsWith('<!--')) start--;
  const opening = /^\s*<!--\s*assumes\b[^:]*:(.*)$/.exec(lines[start] ?? '');
  if (!opening) return '';
  const text = [opening[1], ...lines.slice(start + 1, end + 1)].join('\n');
  return text.replace(/-->\s*$/, '').trim();
}
