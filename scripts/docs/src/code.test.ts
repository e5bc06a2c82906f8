// The code in the docs works as written: every TypeScript and JavaScript block of the README, the
// guides and the READMEs of packages, examples and hosts is type-checked against the packages, each in
// a program of its own (with what its `assumes` comment declares), and every customization document
// in them passes validateCustomization.
import assert from 'node:assert/strict';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, it} from 'node:test';
import ts from 'typescript';
import {validateCustomization} from '@rapport/schema';
import {codeBlocks} from './code-blocks.mjs';
import {markdownFiles} from './markdown.mjs';
import {root} from '../../workspace.mjs';

const languages: Record<string, string> = {ts: 'ts', tsx: 'tsx', js: 'js', javascript: 'js'};
const out = join(root, 'scripts/docs/.tmp/code');

interface Program {
  /** The block's file, and the files it is checked with (a script's globals). */
  files: string[];
  where: string;
  script: boolean;
}

/** One program per block (a `continued` block joins the one before), written under .tmp/code. */
function writePrograms(): {programs: Program[]; misplaced: string[]} {
  rmSync(out, {recursive: true, force: true});
  mkdirSync(out, {recursive: true});
  // A script-tag page: the bundle's `Rapport` global and every element defined. A .ts file, not a
  // .d.ts: skipLibCheck would not check it.
  const scriptGlobals = join(out, 'script-globals.ts');
  writeFileSync(
    scriptGlobals,
    "import type {} from '@rapport/widgets/all';\ndeclare global {\n  const Rapport: typeof import('../../../../packages/browser/src/rapport-demo.js');\n}\nexport {};\n",
  );
  const programs: Program[] = [];
  const misplaced: string[] = [];
  for (const guide of markdownFiles()) {
    let previous: {program: Program; text: string} | undefined;
    for (const block of codeBlocks(join(root, guide))) {
      const extension = languages[block.lang];
      const continued = block.info.includes('continued');
      // Markup and shell blocks may sit between a block and its continuation; a listing may not.
      if (extension && block.info.includes('no-check')) previous = undefined;
      if (!extension || block.info.includes('no-check')) continue;
      if (continued) {
        if (!previous) {
          misplaced.push(`${guide}:${block.line}: "continued" must follow the block it continues`);
          continue;
        }
        previous.text += `\n${block.assumes}\n${block.code}\n`;
        writeFileSync(previous.program.files[0]!, `${previous.text}\nexport {};\n`);
        continue;
      }
      const named = /\bfile=(\S+)/.exec(block.info)?.[1];
      const file = join(out, named ?? `${guide.replace(/[/.]/g, '_')}_${block.line}.${extension}`);
      const script = extension === 'js';
      const program: Program = {files: [file], where: `${guide}:${block.line}`, script};
      let assumes = block.assumes;
      if (script) {
        program.files.push(scriptGlobals);
        if (assumes) {
          // JavaScript has no `declare`: what a script block assumes is declared beside it.
          const declarations = file.replace(/\.js$/, '.assumes.ts');
          writeFileSync(declarations, `declare global {\n${assumes}\n}\nexport {};\n`);
          program.files.push(declarations);
          assumes = '';
        }
      }
      previous = {program, text: `${assumes}\n${block.code}\n`};
      writeFileSync(file, `${previous.text}\nexport {};\n`);
      programs.push(program);
    }
  }
  // A block that imports another by name (`./acme-adapter.js`) finds it beside it on disk.
  return {programs, misplaced};
}

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

describe('code in the docs', () => {
  it('type-checks against the packages, as written', () => {
    const {programs, misplaced} = writePrograms();
    assert.ok(programs.length > 40, `the blocks are found (${programs.length})`);
    assert.deepEqual(misplaced, []);
    // One parse of each library and package file for all the programs: only the blocks differ.
    const host = ts.createCompilerHost(options);
    const parsed = new Map<string, ts.SourceFile | undefined>();
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, language, ...rest) => {
      if (fileName.startsWith(out)) return getSourceFile(fileName, language, ...rest);
      if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, language, ...rest));
      return parsed.get(fileName);
    };
    let previous: ts.Program | undefined;
    const problems: string[] = [];
    for (const program of programs) {
      // Script-tag snippets are plain JavaScript: checked for names and calls, not for null.
      const compiled = ts.createProgram(
        program.files,
        program.script ? {...options, strict: false, noImplicitAny: false} : options,
        host,
        previous, // reuses what did not change: the packages' and libraries' types
      );
      previous = compiled;
      const own = new Set(program.files);
      for (const d of ts.getPreEmitDiagnostics(compiled)) {
        if (d.file && !own.has(d.file.fileName)) continue; // reported by its own block
        const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start!).line + 1 : 0;
        const file =
          d.file && d.file.fileName !== program.files[0] ? relative(out, d.file.fileName) : '';
        problems.push(
          `${program.where} (block line ${line}${file ? ` of ${file}` : ''}): ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
        );
      }
    }
    assert.deepEqual(problems, []);
  });

  it('shows only customization documents that are valid', () => {
    let documents = 0;
    for (const guide of markdownFiles())
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
