// A Rapport gateway in front of HubSpot. With HUBSPOT_ACCESS_TOKEN set it talks to your portal;
// without it, to a fake HubSpot held in this process (@rapport/adapter-hubspot/fake), so it starts
// on any machine. Widgets reach it through @rapport/adapter-http with a token your server signs.
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import {hubspotAdapter} from '@rapport/adapter-hubspot';
import {fakeHubSpot} from '@rapport/adapter-hubspot/fake';
import {createGateway, signAgentToken} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';

/** A secret for the fake only: with a real portal, RAPPORT_GATEWAY_SECRET must be set. */
const demoSecret = 'example-gateway-hubspot-demo-secret-not-for-production';

/**
 * Starts the gateway. `env` is read like process.env: HUBSPOT_ACCESS_TOKEN, RAPPORT_GATEWAY_SECRET,
 * RAPPORT_GATEWAY_AUDIENCE, PORT, RAPPORT_CUSTOMIZATION (a customization document; default
 * ./customization.json, which adds the HubSpot custom property `interests` to the customer card), and
 * the optional HUBSPOT_LOYALTY_POINTS / HUBSPOT_LOYALTY_TIER contact property names.
 */
export async function start(env = process.env) {
  const real = Boolean(env.HUBSPOT_ACCESS_TOKEN);
  const secret = env.RAPPORT_GATEWAY_SECRET ?? (real ? undefined : demoSecret);
  if (!secret)
    throw new Error(
      'Set RAPPORT_GATEWAY_SECRET (32 characters or more) to sign and verify tokens for your HubSpot portal',
    );
  const audience = env.RAPPORT_GATEWAY_AUDIENCE ?? 'rapport-gateway';
  // The fake answers through its own fetch: nothing else in the process is intercepted.
  const fake = real ? undefined : fakeHubSpot();
  const loyalty =
    env.HUBSPOT_LOYALTY_POINTS && env.HUBSPOT_LOYALTY_TIER
      ? {points: env.HUBSPOT_LOYALTY_POINTS, tier: env.HUBSPOT_LOYALTY_TIER}
      : real
        ? undefined
        : {points: 'loyalty_points', tier: 'loyalty_tier'};
  const adapter = await hubspotAdapter({
    accessToken: env.HUBSPOT_ACCESS_TOKEN ?? 'fake-token',
    ...(loyalty && {loyalty}),
    ...(fake && {fetch: fake.fetch}),
  });
  const customization = JSON.parse(
    readFileSync(
      env.RAPPORT_CUSTOMIZATION ?? new URL('./customization.json', import.meta.url),
      'utf8',
    ),
  );
  const gateway = createGateway({adapter, auth: {secret, audience}, customization});
  const server = await serveGateway(gateway, {port: Number(env.PORT ?? 8787)});
  return {...server, real, secret, audience};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await start();
  console.log(
    `Rapport gateway for ${server.real ? 'HubSpot' : 'a fake HubSpot (set HUBSPOT_ACCESS_TOKEN for yours)'} at ${server.url}`,
  );
  if (!server.real) {
    const token = await signAgentToken({
      agentId: 'demo',
      roles: ['supervisor'],
      key: {secret: server.secret},
      audience: server.audience,
    });
    console.log(
      `Try: curl -H "authorization: Bearer ${token}" "${server.url}/v1/customers?id=101"`,
    );
  }
}
