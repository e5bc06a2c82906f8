// The commands in the docs work as written from a clone: every line of a shell block is a script this
// repository has (root or a package's, with the pinned pnpm), a file that exists, a subcommand of the
// `rapport` CLI, an npm install of tarballs `pnpm pack:all` writes (or of the registry, "once
// published"), or a program of the machine it is meant for (curl, openssl, sf, …).
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {codeBlocks} from './code-blocks.mjs';
import {markdownFiles} from './markdown.mjs';
import {publishedPackages, root, rootManifest, workspacePackages} from '../../workspace.mjs';

interface Manifest {
  name: string;
  private?: boolean;
  scripts?: Record<string, string>;
  packageManager?: string;
}
const workspace: Manifest[] = workspacePackages().map((p: {manifest: Manifest}) => p.manifest);
/** Tarballs `pnpm pack:all` writes: one per published package. */
const tarballs = new Set(publishedPackages().map((p: {tarball: string}) => p.tarball));
const cliCommands = ['validate', 'print-schema', 'help'];
/** Programs the docs run on the reader's machine or their CRM's, not this repository's. */
const programs = new Set(['curl', 'openssl', 'sf', 'apt-get', 'git', 'cd', 'export']);
const pnpmBuiltIns = new Set(['install', 'i', 'add', 'exec', 'pack']);

/** Why `line` would not work from a clone, or undefined when it would. */
function problem(line: string, doc: string): string | undefined {
  const words = line
    .replace(/#.*$/, '')
    .trim()
    .split(/\s+/)
    .filter((w) => !/^[A-Z_]+=/.test(w)); // environment variables before a command
  const [command, ...args] = words;
  if (!command) return undefined;
  if (command === 'npm') {
    if (args[0] === 'start' || args[0] === 'test')
      return rootManifest.scripts?.[args[0]] ? undefined : `no root script ${args[0]}`;
    if (args[0] === 'install' || args[0] === 'i') {
      for (const spec of args.slice(1).filter((a) => !a.startsWith('-'))) {
        if (spec.startsWith('@rapport/'))
          if (!/once published/i.test(line))
            return `${spec} is not on npm yet: say "once published"`;
          else continue;
        const tarball = /^path\/to\/rapport\/packed\/(.+)$/.exec(spec)?.[1];
        if (!tarball || !tarballs.has(tarball)) return `${spec} is no tarball pnpm pack:all writes`;
      }
      return undefined;
    }
    return `npm ${args[0]} is not checked: add a rule`;
  }
  if (command === 'npx' && args[0] === 'rapport')
    return cliCommands.includes(args[1] ?? '') ? undefined : `rapport has no command ${args[1]}`;
  if (
    command === 'pnpm' ||
    (command === 'npx' && args[0] === '-y' && args[1]?.startsWith('pnpm@'))
  ) {
    if (command === 'npx' && args[1] !== rootManifest.packageManager)
      return `${args[1]} is not the pinned ${rootManifest.packageManager}`;
    const rest = command === 'npx' ? args.slice(2) : args;
    let manifests: Manifest[] = [rootManifest];
    let i = 0;
    for (; rest[i]?.startsWith('-'); i++) {
      if (rest[i] === '--filter') {
        const name = rest[++i]!.replace(/^"|"$/g, '').replace(/\.\.\.$/, '');
        const found = workspace.filter((p) => p.name === name);
        if (found.length === 0) return `no workspace package ${name}`;
        manifests = found;
      } else if (rest[i] === '-r') manifests = workspace;
    }
    const script = rest[i] === 'run' ? rest[i + 1] : rest[i];
    if (!script || pnpmBuiltIns.has(script)) return undefined;
    return manifests.some((m) => m.scripts?.[script]) ? undefined : `no script ${script}`;
  }
  if (command === 'node') {
    const file = args.find((a) => !a.startsWith('-'));
    if (!file || args.some((a) => a === '-e' || a.startsWith('--input-type'))) return undefined;
    // A file of this repository, or one the guide itself shows.
    return existsSync(join(root, file)) ||
      readFileSync(join(root, doc), 'utf8').includes(`// ${file}`)
      ? undefined
      : `no file ${file}`;
  }
  if (programs.has(command)) return undefined;
  return `${command} is not a command the docs may use: add it to the test's programs if it is`;
}

describe('commands in the docs', () => {
  const lines = markdownFiles().flatMap((doc) =>
    codeBlocks(join(root, doc))
      .filter((b) => ['sh', 'bash', 'shell'].includes(b.lang))
      .flatMap((b) =>
        b.code
          .replace(/\\\n/g, ' ') // continued lines
          .split('\n')
          .map((text, i) => ({doc, line: b.line + 1 + i, text})),
      ),
  );

  it('are found', () => assert.ok(lines.length > 40, `${lines.length} lines`));

  it('work from a clone, as written', () => {
    const problems: string[] = [];
    for (const {doc, line, text} of lines) {
      // A multi-line `node -e "…"` program: its lines are JavaScript, not commands.
      if (/^\s*(import|const|console|}|\)|\w+:)/.test(text) || text.trim() === '"') continue;
      for (const part of text.split(/&&|\|/)) {
        const reason = problem(part, doc);
        if (reason) problems.push(`${doc}:${line}: ${part.trim()}: ${reason}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('would catch a command that does not work', () => {
    assert.match(problem('npx -y pnpm@12.21.0 no-such-script', 'README.md') ?? '', /no script/);
    assert.match(problem('npm install @rapport/core', 'README.md') ?? '', /once published/);
    assert.match(problem('npm install ./rapport-core.tgz', 'README.md') ?? '', /no tarball/);
    assert.match(problem('npx -y pnpm@9.0.0 install', 'README.md') ?? '', /pinned/);
    assert.equal(problem('npx -y pnpm@12.21.0 --filter playground start', 'README.md'), undefined);
  });
});
