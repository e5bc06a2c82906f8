// The host site's glue: the gateway's address and where to get the signed-in visitor's token.
// On a real site, /token sits behind the site's own login and signs a token for that visitor.
const getToken = () =>
  fetch('/token?role=customer&customerId=c-050').then((response) => response.text());
document.querySelector('rapport-provider').client = Rapport.createClient(
  Rapport.httpAdapter({url: '/api', getToken}),
);
