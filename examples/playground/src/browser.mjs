// Shared by the playground's browser test and its screenshot script.

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
