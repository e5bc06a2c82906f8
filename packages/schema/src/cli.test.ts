import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';

const packageDir = join(import.meta.dirname, '..');
const rapport = (...args: string[]) =>
  spawnSync(process.execPath, [join(packageDir, 'dist/bin.js'), ...args], {
    cwd: packageDir,
    encoding: 'utf8',
  });
const invalid = readdirSync(join(packageDir, 'fixtures/invalid')).map(
  (f) => `fixtures/invalid/${f}`,
);

describe('rapport CLI', () => {
  it('says "valid" and exits 0 for valid documents', () => {
    const run = rapport('validate', 'fixtures/valid/minimal.json');
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'fixtures/valid/minimal.json: valid\n');
  });

  it('prints each problem as "file: /pointer: message" and exits 1, without a stack trace, for every invalid fixture', () => {
    for (const file of invalid) {
      const run = rapport('validate', file);
      assert.equal(run.status, 1, file);
      const lines = run.stdout.trim().split('\n');
      assert.ok(lines.length >= 1);
      for (const line of lines)
        assert.match(
          line,
          new RegExp(`^${file.replace(/[.]/g, '\\.')}: /\\S*: .+ \\(line \\d+, column \\d+\\)$`),
          line,
        );
      assert.doesNotMatch(
        run.stdout + run.stderr,
        /\n\s+at |Error:/,
        `${file} printed a stack trace`,
      );
    }
  });

  it('reports files as JSON with --json, and a missing file without crashing', () => {
    const run = rapport(
      'validate',
      '--json',
      'fixtures/valid/minimal.json',
      'fixtures/invalid/unknown-role.json',
      'no/such/file.json',
    );
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(
      report.map((r: {valid: boolean}) => r.valid),
      [true, false, false],
    );
    assert.equal(report[1].problems[0].pointer, '/fields/phone/access/agnet');
    assert.equal(report[1].problems[0].suggestion, 'agent');
    assert.match(report[2].problems[0].message, /cannot read the file \(ENOENT\)/);
  });

  it('prints the JSON Schema', () => {
    const run = rapport('print-schema');
    assert.equal(run.status, 0);
    assert.equal(JSON.parse(run.stdout).definitions.Control.properties.type.const, 'Control');
  });

  it('explains its usage on a wrong command and exits 2', () => {
    for (const args of [[], ['frobnicate'], ['validate'], ['validate', '--fix', 'x.json']]) {
      const run = rapport(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage:/);
    }
  });
});
