// Builds the benchmark pages, serves them on 127.0.0.1, and drives Debian's Chromium with playwright-core
// (no browser download: executablePath).
import {createServer} from 'node:http';
import replace from '@rollup/plugin-replace';
import {chromium} from 'playwright-core';
import {rollup} from 'rollup';
import {chromiumArgs, chromiumPath} from '../../chromium.mjs';
import {browserPlugins, onwarn} from '../../rollup-common.mjs';

const pages = [
  'render-rapport',
  'render-plain',
  'render-lit',
  'requests',
  'startup-rapport',
  'startup-lit',
  'typing',
  'report-render',
];

/** Bundles every page (minified, production builds); the first statement of each records __t0. */
export async function buildPages() {
  const built = new Map();
  for (const page of pages) {
    const build = await rollup({
      input: new URL(`./pages/${page}.js`, import.meta.url).pathname,
      plugins: [
        replace({
          preventAssignment: true,
          values: {'process.env.NODE_ENV': JSON.stringify('production')},
        }),
        ...browserPlugins({minify: true}),
      ],
      onwarn,
    });
    const {output} = await build.generate({
      format: 'es',
      inlineDynamicImports: true,
      banner: 'globalThis.__t0 = performance.now();',
    });
    await build.close();
    built.set(page, output[0].code);
  }
  return built;
}

/** Serves `/<page>` (an HTML shell) and `/<page>.js`. */
export function serve(built) {
  const server = createServer((request, response) => {
    const name = new URL(request.url, 'http://x').pathname.slice(1);
    if (name.endsWith('.js') && built.has(name.slice(0, -3))) {
      response
        .writeHead(200, {'content-type': 'text/javascript'})
        .end(built.get(name.slice(0, -3)));
    } else if (built.has(name)) {
      response
        .writeHead(200, {'content-type': 'text/html'})
        .end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="/${name}.js"></script></body></html>`,
        );
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((done) => server.close(done)),
      }),
    ),
  );
}

export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
}

/** Opens a fresh page on `path`, waiting until `ready` holds in it. */
export async function open(browser, url, path, ready = 'window.bench || window.result') {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${url}/${path}`);
  await page.waitForFunction(ready, null, {timeout: 60_000}).catch((error) => {
    throw new Error(`${path} did not get ready: ${errors.join('; ') || error.message}`);
  });
  return page;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
