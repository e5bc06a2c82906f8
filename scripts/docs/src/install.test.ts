// "Install from a clone" in docs/getting-started.md, run as written: pack:all's tarballs, installed
// with npm in an empty project, give packages that import (the registry still serves their own
// dependencies, such as lit).
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {codeBlocks} from './code-blocks.mjs';
import {root} from './markdown.mjs';

const project = mkdtempSync(join(tmpdir(), 'rapport-install-'));
after(() => rmSync(project, {recursive: true, force: true}));

describe('installing from a clone', () => {
  it('works as getting-started.md says', {timeout: 180_000}, () => {
    const installs = codeBlocks(join(root, 'docs/getting-started.md'))
      .flatMap((b) => b.code.split('\n'))
      .filter((line) => line.startsWith('npm install path/to/rapport/'));
    assert.equal(installs.length, 1, 'one install line from the tarballs');

    // The packages are built (the test run builds first); pack:all's second step writes the tarballs.
    execFileSync(process.execPath, [join(root, 'scripts/pack-all.mjs')], {
      cwd: root,
      stdio: 'pipe',
    });
    assert.ok(readdirSync(join(root, 'packed')).includes('rapport-react.tgz'));

    writeFileSync(
      join(project, 'package.json'),
      '{"name": "my-app", "private": true, "type": "module"}',
    );
    const args = installs[0]!.replaceAll('path/to/rapport/', `${root}`).split(/\s+/).slice(1);
    const npm = spawnSync('npm', [...args, '--no-audit', '--no-fund'], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(npm.status, 0, npm.stderr);

    const probe = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const core = await import('@rapport/core');
         const http = await import('@rapport/adapter-http');
         const widgets = await import('@rapport/widgets/all');
         console.log(JSON.stringify([typeof core.createClient, typeof http.httpAdapter, typeof widgets.RapportCustomerCard]));`,
      ],
      {cwd: project, encoding: 'utf8'},
    );
    assert.equal(probe.status, 0, probe.stderr);
    assert.deepEqual(JSON.parse(probe.stdout), ['function', 'function', 'function']);
    assert.ok(existsSync(join(project, 'node_modules/@rapport/widgets/custom-elements.json')));
  });
});
