// The app as uploaded: the zip `pnpm run package` writes from the build.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath} from 'node:url';
import {unzipSync} from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), ...args], {encoding: 'utf8'});

describe('pnpm run package', () => {
  it('zips the app with its location URL set, Rapport’s bundles and the sidebar’s script in the assets', () => {
    const result = run('--app-url', 'https://rapport.acme.example/zendesk/app/');
    assert.equal(result.status, 0, result.stderr);
    const files = unzipSync(readFileSync(join(root, 'dist/rapport-zendesk.zip')));
    for (const file of [
      'manifest.json',
      'translations/en.json',
      'translations/zh-cn.json',
      'assets/iframe.html',
      'assets/app.js',
      'assets/zendesk-host.js',
      'assets/rapport.iife.js',
      'assets/rapport.zh-CN.iife.js',
      'assets/logo.png',
      'assets/logo-small.png',
    ])
      assert.ok(files[file], `${file} is in the zip`);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    assert.equal(manifest.signedUrls, true);
    assert.deepEqual(Object.keys(manifest.location.support).sort(), [
      'ticket_sidebar',
      'user_sidebar',
    ]);
    for (const location of Object.values(manifest.location.support) as {url: string}[])
      assert.equal(location.url, 'https://rapport.acme.example/zendesk/app/');
    const page = new TextDecoder().decode(files['assets/iframe.html']);
    assert.match(page, /<script src="rapport\.iife\.js"><\/script>/);
  });

  it('refuses a plain-HTTP URL, and says how to call it without one', () => {
    const insecure = run('--app-url', 'http://rapport.acme.example/zendesk/app/');
    assert.notEqual(insecure.status, 0);
    assert.match(insecure.stderr, /--app-url must be an https URL/);
    const missing = run();
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Usage: pnpm run package -- --app-url/);
  });
});
