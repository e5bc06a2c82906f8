// A Rapport gateway in front of Salesforce. With SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME and
// SALESFORCE_PRIVATE_KEY_FILE set it signs in with the JWT bearer flow (or with
// SALESFORCE_ACCESS_TOKEN and SALESFORCE_INSTANCE_URL); without credentials, it talks to a fake
// Salesforce held in this process (@rapport/adapter-salesforce/fake), so it starts on any machine.
import {readFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';
import {salesforceAdapter} from '@rapport/adapter-salesforce';
import {fakeSalesforce} from '@rapport/adapter-salesforce/fake';
import {createGateway, signAgentToken} from '@rapport/gateway';
import {serveGateway} from '@rapport/gateway/node';

/** `env[name]`, or an error naming it: a partial set of SALESFORCE_* never falls back to the fake. */
function need(env, name) {
  const value = env[name];
  if (!value)
    throw new Error(
      `${name} is not set: with a real Salesforce org, set SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY_FILE (the JWT bearer flow), or SALESFORCE_ACCESS_TOKEN with SALESFORCE_INSTANCE_URL; unset every SALESFORCE_* variable to run against the fake`,
    );
  return value;
}

/** A secret for the fake only: with a real org, RAPPORT_GATEWAY_SECRET must be set. */
const demoSecret = 'example-gateway-salesforce-demo-secret-not-for-production';

/**
 * Starts the gateway. `env` is read like process.env: SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME,
 * SALESFORCE_PRIVATE_KEY_FILE, SALESFORCE_LOGIN_URL (default https://login.salesforce.com), or
 * SALESFORCE_ACCESS_TOKEN with SALESFORCE_INSTANCE_URL; RAPPORT_GATEWAY_SECRET,
 * RAPPORT_GATEWAY_AUDIENCE, PORT, RAPPORT_CUSTOMIZATION (default ./customization.json, which adds
 * the custom field Interests__c to the customer card), and the optional SALESFORCE_LOYALTY_POINTS /
 * SALESFORCE_LOYALTY_TIER contact field names.
 */
export async function start(env = process.env) {
  const jwt = env.SALESFORCE_ACCESS_TOKEN
    ? undefined
    : env.SALESFORCE_CLIENT_ID || env.SALESFORCE_USERNAME || env.SALESFORCE_PRIVATE_KEY_FILE
      ? {
          clientId: need(env, 'SALESFORCE_CLIENT_ID'),
          username: need(env, 'SALESFORCE_USERNAME'),
          privateKey: readFileSync(need(env, 'SALESFORCE_PRIVATE_KEY_FILE'), 'utf8'),
          ...(env.SALESFORCE_LOGIN_URL && {loginUrl: env.SALESFORCE_LOGIN_URL}),
        }
      : undefined;
  if (env.SALESFORCE_ACCESS_TOKEN) need(env, 'SALESFORCE_INSTANCE_URL');
  // Any other SALESFORCE_* set means a real org was meant: never serve the fake for it.
  const set = Object.keys(env).filter((name) => name.startsWith('SALESFORCE_') && env[name]);
  if (!jwt && !env.SALESFORCE_ACCESS_TOKEN && set.length > 0)
    throw new Error(
      `${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set, but no Salesforce credentials: set SALESFORCE_CLIENT_ID, SALESFORCE_USERNAME and SALESFORCE_PRIVATE_KEY_FILE (the JWT bearer flow), or SALESFORCE_ACCESS_TOKEN with SALESFORCE_INSTANCE_URL; unset them all to run against the fake`,
    );
  const real = Boolean(jwt || env.SALESFORCE_ACCESS_TOKEN);
  const secret = env.RAPPORT_GATEWAY_SECRET ?? (real ? undefined : demoSecret);
  if (!secret)
    throw new Error(
      'Set RAPPORT_GATEWAY_SECRET (32 characters or more) to sign and verify tokens for your Salesforce org',
    );
  const audience = env.RAPPORT_GATEWAY_AUDIENCE ?? 'rapport-gateway';
  // The fake answers through its own fetch: nothing else in the process is intercepted.
  const fake = real ? undefined : fakeSalesforce();
  const loyalty =
    env.SALESFORCE_LOYALTY_POINTS && env.SALESFORCE_LOYALTY_TIER
      ? {points: env.SALESFORCE_LOYALTY_POINTS, tier: env.SALESFORCE_LOYALTY_TIER}
      : real
        ? undefined
        : {points: 'Loyalty_Points__c', tier: 'Loyalty_Tier__c'};
  const adapter = await salesforceAdapter({
    ...(jwt
      ? {jwt}
      : {
          accessToken: env.SALESFORCE_ACCESS_TOKEN ?? 'fake-session',
          instanceUrl: env.SALESFORCE_INSTANCE_URL ?? fake?.baseUrl,
        }),
    ...(jwt && env.SALESFORCE_INSTANCE_URL && {instanceUrl: env.SALESFORCE_INSTANCE_URL}),
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
  const server = await start().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
  console.log(
    `Rapport gateway for ${server.real ? 'Salesforce' : 'a fake Salesforce (set SALESFORCE_* for your org)'} at ${server.url}`,
  );
  if (!server.real) {
    const token = await signAgentToken({
      agentId: 'demo',
      roles: ['supervisor'],
      key: {secret: server.secret},
      audience: server.audience,
    });
    console.log(
      `Try: curl -H "authorization: Bearer ${token}" "${server.url}/v1/customers?id=003FK0000000001YAA"`,
    );
  }
}
