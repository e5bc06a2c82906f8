// How every tool here launches Chromium: Debian's build (no browser download), or CHROME_PATH.

/** The browser binary: `CHROME_PATH`, else Debian's `chromium` (which `npm test` installs when missing). */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags for these machines: as root without a sandbox, no GPU, and no background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
