// "Install from a clone" in docs/getting-started.md: its npm install line, run as written in an empty
// project on the tarballs pack:all writes (from the packages the test run has built, into a
// temporary directory), gives packages that import. The registry still serves the packages' own
// dependencies, such as lit.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {codeBlocks} from './code-blocks.mjs';
import {root} from '../../workspace.mjs';

const project = mkdtempSync(join(tmpdir(), 'rapport-install-'));
const packed = join(project, 'packed');
const app = join(project, 'my-app');
after(() => rmSync(project, {recursive: true, force: true}));

describe('installing from a clone', () => {
  it('works as getting-started.md says', {timeout: 180_000}, () => {
    const installs = codeBlocks(join(root, 'docs/getting-started.md'))
      .flatMap((b) => b.code.split('\n'))
      .filter((line) => line.startsWith('npm install path/to/rapport/'));
    assert.equal(installs.length, 1, 'one install line from the tarballs');

    // The packages are built (the test run builds first); pack:all's second step writes the tarballs.
    execFileSync(process.execPath, [join(root, 'scripts/pack-all.mjs'), '--out', packed], {
      cwd: root,
      stdio: 'pipe',
    });
    assert.ok(readdirSync(packed).includes('rapport-react.tgz'));

    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      '{"name": "my-app", "private": true, "type": "module"}',
    );
    const args = installs[0]!
      .replaceAll('path/to/rapport/packed/', `${packed}/`)
      .split(/\s+/)
      .slice(1);
    const npm = spawnSync('npm', [...args, '--no-audit', '--no-fund'], {
      cwd: app,
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
      {cwd: app, encoding: 'utf8'},
    );
    assert.equal(probe.status, 0, probe.stderr);
    assert.deepEqual(JSON.parse(probe.stdout), ['function', 'function', 'function']);
    assert.ok(existsSync(join(app, 'node_modules/@rapport/widgets/custom-elements.json')));
  });
});
