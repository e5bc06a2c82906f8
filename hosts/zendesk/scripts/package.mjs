#!/usr/bin/env node
// Zips dist/app (see build.mjs) into dist/rapport-zendesk.zip for upload to Zendesk, with the
// location URL set to where the gateway's Zendesk helper serves the app page:
//   pnpm --filter @rapport/host-zendesk run package -- --app-url https://rapport.example.com/zendesk/app/
// A manifest's location URLs cannot come from settings, hence the option.
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {zipSync} from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'dist/app');

/** The manifest with every Support location pointing at `appUrl`. */
export function manifestFor(manifest, appUrl) {
  const url = new URL(appUrl);
  if (url.protocol !== 'https:' && url.hostname !== 'localhost')
    throw new Error(
      `--app-url must be an https URL (Zendesk loads the app page from it): ${appUrl}`,
    );
  const support = Object.fromEntries(
    Object.entries(manifest.location.support).map(([name, location]) => [
      name,
      {...location, url: url.href},
    ]),
  );
  return {...manifest, location: {...manifest.location, support}};
}

/** The app's files, as the zip holds them (paths with forward slashes). */
export function appFiles(appUrl, directory = app) {
  const files = {};
  for (const file of readdirSync(directory, {recursive: true, withFileTypes: true})) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    files[relative(directory, path).split(sep).join('/')] = readFileSync(path);
  }
  if (!files['manifest.json'])
    throw new Error(`${directory} has no manifest.json; run "pnpm run build" first`);
  const manifest = manifestFor(JSON.parse(files['manifest.json'].toString('utf8')), appUrl);
  files['manifest.json'] = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {'app-url': {type: 'string'}}});
  if (!values['app-url']) {
    console.error(
      'Usage: pnpm run package -- --app-url https://your-gateway.example.com/zendesk/app/',
    );
    process.exit(2);
  }
  const zip = zipSync(
    Object.fromEntries(
      Object.entries(appFiles(values['app-url'])).map(([p, d]) => [p, new Uint8Array(d)]),
    ),
  );
  writeFileSync(join(root, 'dist/rapport-zendesk.zip'), zip);
  console.log(`wrote dist/rapport-zendesk.zip (${(zip.length / 1024).toFixed(1)} KiB)`);
}
