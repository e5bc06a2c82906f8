// The code in the docs works as written: every TypeScript and JavaScript block of the guides below is
// type-checked against the packages (in a program of its own, with what an `assumes` comment
// declares), and every customization document in them passes validateCustomization.
import assert from 'node:assert/strict';
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, it} from 'node:test';
import ts from 'typescript';
import {validateCustomization} from '@rapport/schema';
import {codeBlocks} from './code-blocks.mjs';

const root = new URL('../../../', import.meta.url).pathname;
const markdown = (folder: string) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `${folder}${name}`);
/** Every guide and package README. */
const guides = [
  'README.md',
  ...markdown('docs/'),
  ...markdown('docs/crm/'),
  ...readdirSync(join(root, 'packages')).flatMap((name) => markdown(`packages/${name}/`)),
];
const languages: Record<string, string> = {ts: 'ts', tsx: 'tsx', js: 'js', javascript: 'js'};

/** One file per block (a `continued` block joins the one before), under scripts/docs/.tmp/code. */
function writeBlocks(): {files: string[]; origin: Map<string, string>} {
  const out = join(root, 'scripts/docs/.tmp/code');
  rmSync(out, {recursive: true, force: true});
  mkdirSync(out, {recursive: true});
  // The script-tag bundle's global, as rapport-demo.iife.js defines it.
  const globals = join(out, 'globals.ts'); // not .d.ts: skipLibCheck would not check it
  writeFileSync(
    globals,
    "import type {} from '@rapport/widgets/all';\ndeclare global {\n  const Rapport: typeof import('../../../../packages/browser/src/rapport-demo.js');\n}\nexport {};\n",
  );
  const files = [globals];
  const origin = new Map<string, string>();
  for (const guide of guides) {
    let previous: {file: string; text: string} | undefined;
    for (const block of codeBlocks(join(root, guide))) {
      const extension = languages[block.lang];
      if (!extension || block.info.includes('no-check')) continue;
      if (block.info.includes('continued') && previous) {
        previous.text += `\n${block.assumes}\n${block.code}\n`;
        writeFileSync(previous.file, `${previous.text}\nexport {};\n`);
        continue;
      }
      const named = /\bfile=(\S+)/.exec(block.info)?.[1];
      const file = join(out, named ?? `${guide.replace(/[/.]/g, '_')}_${block.line}.${extension}`);
      let assumes = block.assumes;
      if (extension === 'js' && assumes) {
        // JavaScript has no `declare`: what a script block assumes is declared beside it.
        const declarations = file.replace(/\.js$/, '.assumes.ts');
        // Globals of scripts may be declared by several blocks: as `var`, they may repeat.
        const globals = assumes.replace(/^const /gm, 'var ');
        writeFileSync(declarations, `declare global {\n${globals}\n}\nexport {};\n`);
        files.push(declarations);
        assumes = '';
      }
      previous = {file, text: `${assumes}\n${block.code}\n`};
      writeFileSync(file, `${previous.text}\nexport {};\n`);
      files.push(file);
      origin.set(file, `${guide}:${block.line}`);
    }
  }
  return {files, origin};
}

describe('code in the docs', () => {
  it('type-checks against the packages, as written', () => {
    const {files, origin} = writeBlocks();
    assert.ok(files.length > 10, `the guides' blocks are found (${files.length})`);
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      jsx: ts.JsxEmit.ReactJSX,
      types: ['node'],
      strict: true,
      allowJs: true,
      checkJs: true,
      noEmit: true,
      skipLibCheck: true,
      experimentalDecorators: true,
      useDefineForClassFields: false,
    };
    // Script-tag snippets are plain JavaScript: checked for names and calls, not for null.
    const scripts = files.filter((f) => f.endsWith('.js') || f.endsWith('.assumes.ts'));
    const problems = [
      ...ts.getPreEmitDiagnostics(
        ts.createProgram(
          files.filter((f) => !f.endsWith('.js')),
          options,
        ),
      ),
      ...ts.getPreEmitDiagnostics(
        ts.createProgram([files[0]!, ...scripts], {
          ...options,
          strict: false,
          noImplicitAny: false,
        }),
      ),
    ].map((d) => {
      const where = d.file
        ? `${origin.get(d.file.fileName) ?? relative(root, d.file.fileName)} (block line ${d.file.getLineAndCharacterOfPosition(d.start!).line + 1})`
        : '';
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    assert.deepEqual(problems, []);
  });

  it('shows only customization documents that are valid', () => {
    let documents = 0;
    for (const guide of ['docs/customization.md', 'docs/i18n.md', 'docs/reports.md'])
      for (const block of codeBlocks(join(root, guide))) {
        if (block.lang !== 'json' || !block.code.includes('"schemaVersion"')) continue;
        documents++;
        const result = validateCustomization(block.code);
        assert.ok(
          result.valid,
          `${guide}:${block.line}: ${result.valid ? '' : result.problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`,
        );
      }
    assert.ok(documents >= 3, `the recipes' documents are checked (${documents})`);
  });
});
