// Records every Content Security Policy violation and every uncaught error of the page.
window.cspReport = {violations: [], errors: []};
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspReport.violations.push(
    `${event.violatedDirective}: ${event.blockedURI || event.sample}`,
  );
});
window.addEventListener('error', (event) => window.cspReport.errors.push(String(event.message)));
