import {LightningElement, api, wire} from 'lwc';
import {getFieldValue, getRecord} from 'lightning/uiRecordApi';
import {getObjectInfo} from 'lightning/uiObjectInfoApi';
import {loadScript} from 'lightning/platformResourceLoader';
import LOCALE from '@salesforce/i18n/locale';
import RAPPORT from '@salesforce/resourceUrl/rapport';
import getGatewayToken from '@salesforce/apex/RapportTokenController.getGatewayToken';

// A cached token is renewed this long before it expires, so a request in flight never carries a
// token that dies on the way.
const TOKEN_MARGIN_MS = 30 * 1000;

// The names the `widgets` property takes, and the element each one shows.
const WIDGETS = {
  card: 'rapport-customer-card',
  loyalty: 'rapport-loyalty-balance',
  complaints: 'rapport-complaint-form',
};

/**
 * The Rapport widgets on a Lightning record page. Loads rapport.iife.js from the `rapport` static
 * resource, reads the record's customer field, and hands both to <rapport-provider> as a RapportHost.
 * Needs Lightning Web Security: under Lightning Locker the page cannot define custom elements.
 */
export default class RapportHost extends LightningElement {
  @api recordId;
  @api objectApiName;
  /** The Rapport gateway's address, e.g. https://gateway.example.com (a CSP Trusted Site). */
  @api gatewayUrl;
  /** The field of the record that names the customer for the gateway (Email, ContactEmail, an external id). */
  @api customerIdField = 'Email';
  /** The customization role of the person looking; the gateway token's role mapping yields the same. */
  @api viewerRole = 'agent';
  /** Which widgets to show, comma-separated: card, loyalty, complaints. */
  @api widgets = 'card,loyalty,complaints';

  scriptState = 'loading'; // 'loading' | 'loaded' | 'failed'
  record;
  recordFailed = false;
  fieldLabel;

  scriptRequested = false;
  listeners = new Set();
  client;
  wiredProvider;
  token;
  tokenRequest;

  get fieldApiName() {
    return `${this.objectApiName}.${this.customerIdField}`;
  }

  get fields() {
    return [this.fieldApiName];
  }

  @wire(getRecord, {recordId: '$recordId', fields: '$fields'})
  wiredRecord({data, error}) {
    if (data) {
      this.record = data;
      this.recordFailed = false;
      for (const listener of [...this.listeners]) listener();
    } else if (error) {
      this.recordFailed = true;
      console.error(
        `Rapport: could not read ${this.fieldApiName} of record ${this.recordId}`,
        error,
      );
    }
  }

  @wire(getObjectInfo, {objectApiName: '$objectApiName'})
  wiredObjectInfo({data}) {
    this.fieldLabel = data?.fields?.[this.customerIdField]?.label;
  }

  get customerId() {
    if (!this.record) return null;
    const value = getFieldValue(this.record, this.fieldApiName);
    return value === null || value === undefined || value === '' ? null : String(value);
  }

  get failed() {
    return this.scriptState === 'failed' || this.recordFailed;
  }

  get noCustomer() {
    return !this.failed && this.record !== undefined && this.customerId === null;
  }

  get ready() {
    return !this.failed && this.scriptState === 'loaded' && this.customerId !== null;
  }

  /** Says which field is empty, by its label once getObjectInfo has answered. */
  get noCustomerMessage() {
    const name = this.fieldLabel ?? this.customerIdField;
    const field = /e-?mail/i.test(name) ? 'e-mail address' : `value in ${name}`;
    return `This record has no ${field}, so Rapport cannot show the customer.`;
  }

  get chosenWidgets() {
    return new Set(
      String(this.widgets ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    );
  }

  get showCard() {
    return this.chosenWidgets.has('card');
  }

  get showLoyalty() {
    return this.chosenWidgets.has('loyalty');
  }

  get showComplaints() {
    return this.chosenWidgets.has('complaints');
  }

  connectedCallback() {
    for (const name of this.chosenWidgets)
      if (!(name in WIDGETS))
        console.warn(`Rapport: unknown widget "${name}"; use ${Object.keys(WIDGETS).join(', ')}`);
    // lwc#1418: loadScript can append the script twice, and connectedCallback runs again when the
    // component moves, so load once per component.
    if (this.scriptRequested) return;
    this.scriptRequested = true;
    this.loadRapport();
  }

  async loadRapport() {
    try {
      await loadScript(this, RAPPORT + '/rapport.iife.js');
    } catch (error) {
      this.fail(
        'Rapport: could not load rapport.iife.js from the "rapport" static resource (is it deployed, and is Lightning Web Security on?)',
        error,
      );
      return;
    }
    if (typeof window.Rapport?.setShadowRootMode !== 'function') {
      this.fail(
        'Rapport: the "rapport" static resource holds a rapport.iife.js without Rapport.setShadowRootMode; deploy a newer build',
      );
      return;
    }
    // Lightning Web Security runs third-party custom elements only with closed shadow roots. This
    // must happen before the template creates the first Rapport element (lwc:if={ready}).
    window.Rapport.setShadowRootMode('closed');
    // rapport.iife.js speaks English; Simplified Chinese is a script of its own. Without it the
    // widgets still work, in English.
    if (/^zh\b/i.test(LOCALE))
      await loadScript(this, RAPPORT + '/rapport.zh-CN.iife.js').catch((error) =>
        console.warn(
          'Rapport: could not load rapport.zh-CN.iife.js; the widgets speak English',
          error,
        ),
      );
    this.scriptState = 'loaded';
  }

  fail(...detail) {
    this.scriptState = 'failed';
    console.error(...detail);
  }

  renderedCallback() {
    const provider = this.template.querySelector('rapport-provider');
    // The provider is new whenever the widgets reappear (say, the record got an e-mail address).
    if (!provider || provider === this.wiredProvider) return;
    this.wiredProvider = provider;
    const host = this.host();
    if (!this.client)
      this.client = window.Rapport.createClient(
        window.Rapport.httpAdapter({
          url: this.gatewayUrl,
          getToken: (options) => host.getToken(options),
        }),
      );
    provider.host = host;
    provider.client = this.client;
  }

  /** This component as the RapportHost the provider reads. */
  host() {
    return {
      name: 'Salesforce',
      view: async () => ({
        customerId: this.customerId,
        viewerRole: this.viewerRole,
        locale: LOCALE,
      }),
      watch: (listener) => {
        const entry = () => listener();
        this.listeners.add(entry);
        return () => this.listeners.delete(entry);
      },
      getToken: (options) => this.getToken(options),
    };
  }

  /** A gateway token from Apex, cached until shortly before it expires. */
  async getToken({refresh}) {
    const cached = this.token;
    if (!refresh && cached && cached.expiresAt - TOKEN_MARGIN_MS > Date.now()) return cached.token;
    // Widgets that ask at the same moment share one Apex call.
    if (!this.tokenRequest)
      this.tokenRequest = this.requestToken().finally(() => {
        this.tokenRequest = undefined;
      });
    return this.tokenRequest;
  }

  async requestToken() {
    let response;
    try {
      response = await getGatewayToken({recordId: this.recordId});
    } catch (error) {
      this.token = undefined;
      console.error('Rapport: RapportTokenController.getGatewayToken failed', error);
      throw new window.Rapport.RapportError(
        'unavailable',
        'Salesforce did not give a token for the Rapport gateway',
        {cause: error},
      );
    }
    // Apex hands expiresAt on as text: ISO 8601, or epoch milliseconds.
    const raw = response?.expiresAt;
    const expiresAt = /^\d+$/.test(String(raw)) ? Number(raw) : Date.parse(raw);
    // Without a readable expiry the token serves this request only.
    this.token = Number.isFinite(expiresAt) ? {token: response.token, expiresAt} : undefined;
    return response?.token ?? null;
  }
}
