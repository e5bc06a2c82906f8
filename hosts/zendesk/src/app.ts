// The sidebar page's script (assets/app.js): connects the widgets in iframe.html to the Zendesk
// screen around them and to the gateway. It runs after rapport.iife.js (the `Rapport` global) and
// Zendesk's SDK (the `ZAFClient` global).
import type {RapportProvider} from '@rapport/widgets';
import {readSession, zendeskHost, type CustomerIdField, type ZafClient} from './zendesk-host.js';

declare const ZAFClient: {init(): (ZafClient & {metadata(): Promise<Metadata>}) | false};
declare const Rapport: {
  createClient(adapter: unknown): NonNullable<RapportProvider['client']>;
  httpAdapter(options: {
    url: string;
    getToken: (options: {refresh: boolean}) => Promise<string | null>;
  }): unknown;
};

interface Metadata {
  readonly settings: {readonly gateway_url?: string; readonly customer_id?: string};
}

/** The app setting `customer_id`, and the field of the Zendesk user it names. */
const customerIdFields: Readonly<Record<string, CustomerIdField>> = {
  email: 'email',
  external_id: 'externalId',
};

/** What the visitor reads when the sidebar cannot start; the detail goes to the console. */
const notices = {
  en: 'Rapport is not available here right now. Reload the app, or ask your Zendesk administrator.',
  'zh-CN': 'Rapport 暂时无法使用。请重新加载应用，或联系您的 Zendesk 管理员。',
};

function stop(detail: string): void {
  console.error(`Rapport for Zendesk: ${detail}`);
  const notice = document.querySelector('[data-rapport-notice]');
  if (notice) {
    const chinese = navigator.language.toLowerCase().startsWith('zh');
    notice.textContent = notices[chinese ? 'zh-CN' : 'en'];
    notice.removeAttribute('hidden');
  }
  document.querySelector('rapport-provider')?.remove();
}

async function start(): Promise<void> {
  const client = typeof ZAFClient === 'undefined' ? false : ZAFClient.init();
  if (!client)
    return stop('open this page from Zendesk (the ZAF SDK found no origin and app_guid).');
  const session = readSession(document);
  if (!session)
    return stop('this page was not served by the gateway’s Zendesk helper, so it has no token.');
  const {settings} = await client.metadata();
  if (!settings.gateway_url) return stop('the app setting "gateway_url" is empty.');
  const customerId = customerIdFields[settings.customer_id ?? 'email'];
  if (!customerId)
    return stop(
      `the app setting "customer_id" is ${JSON.stringify(settings.customer_id)}; use "email" or "external_id".`,
    );
  const host = zendeskHost(client, {customerId, session});
  const provider = document.querySelector<RapportProvider>('rapport-provider');
  if (!provider) return stop('iframe.html has no <rapport-provider>.');
  provider.client = Rapport.createClient(
    Rapport.httpAdapter({url: settings.gateway_url, getToken: (options) => host.getToken(options)}),
  );
  provider.host = host;
}

start().catch((error: unknown) => stop(error instanceof Error ? error.message : String(error)));
