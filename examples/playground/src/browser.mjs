// Shared by the playground's browser test and its screenshot script.

/** Chromium flags for these machines: as root without a sandbox, and no background traffic. */
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

/** Runs in the page: whether all three widgets show their content. */
export function widgetsReady() {
  const shadow = (selector, inner) =>
    document.querySelector(selector)?.shadowRoot?.querySelector(inner);
  return Boolean(
    shadow('#card', '[part~="name"]') &&
    shadow('#card', '[part~="footer"] span') &&
    shadow('#loyalty', '[part~="tier"]') &&
    shadow('#form', 'form'),
  );
}
