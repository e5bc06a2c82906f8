// The CRM screen's glue: an agent token from the CRM's server, and the gateway's address.
const getToken = () => fetch('/token?role=agent').then((response) => response.text());
document.querySelector('rapport-provider').client = Rapport.createClient(
  Rapport.httpAdapter({url: '/api', getToken}),
);
