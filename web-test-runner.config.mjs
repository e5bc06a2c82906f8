// Browser tests run in Debian's Chromium (no browser download) through puppeteer-core.
// Which tests run here: every test of the DOM package (packages/widgets) and every *.browser.test.ts.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: [
    'packages/*/src/**/*.browser.test.ts',
    'packages/widgets/src/**/*.test.ts',
    'examples/*/src/**/*.browser.test.ts',
  ],
  nodeResolve: {browser: true},
  plugins: [esbuildPlugin({ts: true, tsconfig: 'tsconfig.base.json'})],
  concurrency: 1,
  testFramework: {config: {timeout: 10_000}},
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox', // required when running as root
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
};
