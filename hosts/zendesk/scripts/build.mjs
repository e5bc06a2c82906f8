#!/usr/bin/env node
// Assembles the Zendesk app in dist/app, as Zendesk takes it: manifest.json, translations/, and
// assets/ with the sidebar page, its script (compiled by tsc into dist/app/assets), and the
// production bundle of @rapport/browser, so the app loads Rapport from its own assets.
// `pnpm run package -- --app-url <url>` zips it for upload.
import {cpSync, mkdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'dist/app');
const require = createRequire(import.meta.url);

mkdirSync(join(app, 'assets'), {recursive: true});
cpSync(join(root, 'manifest.json'), join(app, 'manifest.json'));
cpSync(join(root, 'translations'), join(app, 'translations'), {recursive: true});
cpSync(join(root, 'assets'), join(app, 'assets'), {recursive: true});
for (const bundle of ['rapport.iife.js', 'rapport.zh-CN.iife.js'])
  cpSync(require.resolve(`@rapport/browser/${bundle}`), join(app, 'assets', bundle));
console.log('built dist/app (run "pnpm run package -- --app-url <url>" for the zip to upload)');
