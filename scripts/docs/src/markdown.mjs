// Reading the docs for their tests: which Markdown files there are, their headings' anchors.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {root} from '../../workspace.mjs';
import {codeBlocks} from './code-blocks.mjs';

const markdownIn = (folder) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.md') && name !== 'CHANGELOG.md')
    .map((name) => `${folder}${name}`);

/** The README, the guides, and the READMEs of packages, examples and host shells. */
export function markdownFiles() {
  const inFolders = (parent) =>
    readdirSync(join(root, parent), {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => markdownIn(`${parent}/${entry.name}/`));
  return [
    'README.md',
    ...markdownIn('docs/'),
    ...markdownIn('docs/crm/'),
    ...inFolders('packages'),
    ...inFolders('examples'),
    ...inFolders('hosts'),
  ];
}

const anchorsOf = new Map();

/**
 * The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as dashes. Each
 * file is read once.
 */
export function anchors(file) {
  if (!anchorsOf.has(file)) anchorsOf.set(file, readAnchors(file));
  return anchorsOf.get(file);
}

function readAnchors(file) {
  const seen = new Map();
  const result = new Set();
  // A "# comment" in a shell block is not a heading.
  const fenced = new Set();
  for (const block of codeBlocks(join(root, file)))
    for (let line = block.line; line <= block.end; line++) fenced.add(line);
  for (const [index, line] of readFileSync(join(root, file), 'utf8').split('\n').entries()) {
    const heading = !fenced.has(index + 1) && /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const slug = heading[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}
