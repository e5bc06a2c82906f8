/**
 * What a host shell answers for the widgets when they sit inside a CRM's own screen (a Zendesk ticket
 * sidebar, a Salesforce record page): who is on screen, who is looking, in which language, and how to
 * get a gateway token for them. A shell for another CRM implements the same four answers.
 */
export interface RapportHost {
  /** Which CRM this is (`Zendesk`, `Salesforce`), as messages name it. */
  readonly name: string;
  /** What is on screen now. */
  view(): Promise<HostView>;
  /**
   * Calls `listener` whenever the view may have changed (another ticket, the requester edited); the
   * provider then asks {@link view} again. Returns a function that stops the calls.
   */
  watch(listener: () => void): () => void;
  /**
   * A short-lived gateway token for the person looking, from the host's server: never built in the
   * browser. The same signature as `httpAdapter`'s `getToken`, so a shell passes it straight on;
   * `refresh` asks for a new one after the gateway refused the last.
   */
  getToken(options: {refresh: boolean}): Promise<string | null>;
}

/** The record on screen and the person looking at it, as a {@link RapportHost} sees them. */
export interface HostView {
  /**
   * The customer on screen, as the gateway's adapter names customers (an e-mail address, an external
   * id); `null` when the record names none, and the widgets then say no customer is selected.
   */
  readonly customerId: string | null;
  /** The customization role of the person looking (`agent`, `supervisor`...). */
  readonly viewerRole: string;
  /** BCP 47 locale of the person looking (`en-US`, `zh-CN`). */
  readonly locale: string;
}
