import type {HostView, RapportHost} from '@rapport/widgets';

/**
 * The part of the ZAF client (`ZAFClient.init()` from Zendesk's Apps framework SDK) the sidebar
 * uses; the real client has more.
 */
export interface ZafClient {
  get(path: string): Promise<Record<string, unknown>>;
  context(): Promise<{readonly location: string}>;
  on(event: string, handler: () => void): void;
  off(event: string, handler: () => void): void;
}

/** Which field of the Zendesk user names the customer for the gateway. */
export type CustomerIdField = 'email' | 'externalId';

/** What the gateway's Zendesk helper put into the page (see `readSession`). */
export interface ZendeskSession {
  /** A Rapport agent token, minted on the server after Zendesk's signed request was verified. */
  readonly token: string;
  /** When `token` expires, in epoch milliseconds. */
  readonly expiresAt: number;
  /** What the helper takes back for a fresh token (it is not a gateway token). */
  readonly session: string;
  /** The customization role the helper mapped the agent to. */
  readonly viewerRole: string;
  /** Where fresh tokens come from: the page's own URL on the helper. */
  readonly refreshUrl: string;
}

/** The user record each sidebar shows, and the events that say it changed. */
const sidebars: Readonly<Record<string, {path: string; events: (field: string) => string[]}>> = {
  ticket_sidebar: {
    path: 'ticket.requester',
    events: (field) => ['ticket.requester.id.changed', `ticket.requester.${field}.changed`],
  },
  user_sidebar: {path: 'user', events: (field) => [`user.${field}.changed`]},
};

/** A token this close to its expiry is renewed before it is used. */
const RENEW_MS = 30_000;

/**
 * The Rapport host for a Zendesk Support sidebar: the ticket's requester (or the user on screen) is
 * the customer, named by e-mail address or external id; the agent's role comes from the server that
 * verified Zendesk's signed request, never from the browser; the locale is the agent's.
 */
export function zendeskHost(
  client: ZafClient,
  options: {readonly customerId: CustomerIdField; readonly session: ZendeskSession},
): RapportHost {
  let current = {token: options.session.token, expiresAt: options.session.expiresAt};
  let renewing: Promise<string> | undefined;
  const sidebar = client.context().then(({location}) => {
    const found = sidebars[location];
    if (!found)
      throw new Error(
        `Rapport runs in the ticket_sidebar and user_sidebar locations, not in ${location}`,
      );
    return found;
  });

  const renew = async (): Promise<string> => {
    const response = await fetch(options.session.refreshUrl, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({session: options.session.session}),
    });
    if (!response.ok)
      throw new Error(
        `The Zendesk session could not be renewed (HTTP ${response.status}); reload the app to sign in again`,
      );
    const body = (await response.json()) as {token?: unknown; expiresAt?: unknown};
    if (typeof body.token !== 'string' || typeof body.expiresAt !== 'number')
      throw new Error('The Zendesk session renewal answered without a token and its expiry');
    current = {token: body.token, expiresAt: body.expiresAt};
    return current.token;
  };

  return {
    name: 'Zendesk',
    async view(): Promise<HostView> {
      const {path} = await sidebar;
      const [record, agent] = await Promise.all([client.get(path), client.get('currentUser')]);
      const user = record[path] as Record<string, unknown> | undefined;
      const id = user?.[options.customerId];
      return {
        customerId: typeof id === 'string' && id.trim() !== '' ? id.trim() : null,
        viewerRole: options.session.viewerRole,
        locale: localeOf((agent.currentUser as {locale?: unknown} | undefined)?.locale),
      };
    },
    watch(listener) {
      let events: string[] = [];
      let stopped = false;
      sidebar.then(
        ({events: of}) => {
          if (stopped) return;
          events = of(options.customerId);
          for (const event of events) client.on(event, listener);
        },
        // view() reports a location Rapport does not run in.
        () => {},
      );
      return () => {
        stopped = true;
        for (const event of events) client.off(event, listener);
      };
    },
    async getToken({refresh}) {
      if (!refresh && current.expiresAt - Date.now() > RENEW_MS) return current.token;
      renewing ??= renew().finally(() => (renewing = undefined));
      return renewing;
    },
  };
}

/** Zendesk writes locales in lower case (`zh-cn`); the widgets' translations use BCP 47's case. */
function localeOf(locale: unknown): string {
  if (typeof locale !== 'string' || locale === '') return 'en';
  try {
    return new Intl.Locale(locale).toString();
  } catch {
    return 'en';
  }
}

/**
 * The session the gateway's Zendesk helper wrote into the page as `<meta>` tags, or `null` when the
 * page was not served by it (opened directly, or by `zcli apps:server` during development).
 */
export function readSession(page: Document): ZendeskSession | null {
  const meta = (name: string) =>
    page.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
  const token = meta('rapport-token');
  const session = meta('rapport-session');
  const expiresAt = Number(meta('rapport-token-expires'));
  if (!token || !session || !Number.isFinite(expiresAt)) return null;
  const url = new URL(page.location.href);
  return {
    token,
    session,
    expiresAt,
    viewerRole: meta('rapport-viewer-role') || 'agent',
    refreshUrl: `${url.origin}${url.pathname}`,
  };
}
