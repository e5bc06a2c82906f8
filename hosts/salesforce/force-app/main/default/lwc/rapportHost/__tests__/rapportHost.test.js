import {createElement} from 'lwc';
import RapportHost from 'c/rapportHost';
import {getRecord} from 'lightning/uiRecordApi';
import {getObjectInfo} from 'lightning/uiObjectInfoApi';
import {loadScript} from 'lightning/platformResourceLoader';
import getGatewayToken from '@salesforce/apex/RapportTokenController.getGatewayToken';

jest.mock('@salesforce/apex/RapportTokenController.getGatewayToken', () => ({default: jest.fn()}), {
  virtual: true,
});

const RECORD_ID = '003FK0000000001YAA';

// What happened, in order: shadow root mode switches and Rapport elements created.
const events = [];

// Stand-ins for the Rapport elements, with closed shadow roots as under Lightning Web Security. The
// properties the component sets on them (host, client) stay on the element for the tests to read.
class FakeRapportElement extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({mode: 'closed'});
    events.push(`create ${this.localName}`);
  }
}
for (const tag of [
  'rapport-provider',
  'rapport-customer-card',
  'rapport-loyalty-balance',
  'rapport-complaint-form',
])
  customElements.define(tag, class extends FakeRapportElement {});

class FakeRapportError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
  }
}

// What rapport.iife.js would put on window.
function fakeRapport() {
  return {
    setShadowRootMode: jest.fn((mode) => events.push(`mode ${mode}`)),
    httpAdapter: jest.fn((options) => ({kind: 'http adapter', options})),
    createClient: jest.fn((adapter) => ({kind: 'client', adapter})),
    RapportError: FakeRapportError,
  };
}

function contact(email) {
  return {apiName: 'Contact', id: RECORD_ID, fields: {Email: {value: email, displayValue: null}}};
}

// LWC renders in microtasks; a macrotask lets every pending one run, the loadScript promise included.
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(properties = {}) {
  const element = createElement('c-rapport-host', {is: RapportHost});
  Object.assign(
    element,
    {recordId: RECORD_ID, objectApiName: 'Contact', gatewayUrl: 'https://gateway.example.com'},
    properties,
  );
  document.body.appendChild(element);
  await flush();
  return element;
}

const provider = (element) => element.shadowRoot.querySelector('rapport-provider');

beforeEach(() => {
  events.length = 0;
  loadScript.mockImplementation(async () => {
    window.Rapport = fakeRapport();
  });
});

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  delete window.Rapport;
  jest.clearAllMocks();
  jest.restoreAllMocks();
});

describe('loading Rapport', () => {
  it('loads rapport.iife.js from the static resource once, even when the component is attached again', async () => {
    const element = await mount();
    document.body.removeChild(element);
    document.body.appendChild(element);
    await flush();

    expect(loadScript).toHaveBeenCalledTimes(1);
    expect(loadScript.mock.calls[0][1]).toBe('rapport/rapport.iife.js');
  });

  it('switches Rapport to closed shadow roots before the first Rapport element exists', async () => {
    const element = await mount();
    getRecord.emit(contact('ada@example.com'));
    await flush();

    expect(window.Rapport.setShadowRootMode).toHaveBeenCalledWith('closed');
    expect(provider(element)).not.toBeNull();
    expect(events.indexOf('mode closed')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('mode closed')).toBeLessThan(events.indexOf('create rapport-provider'));
  });

  it('shows a neutral message and tells the console why when the script cannot be loaded', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
    const failure = new Error('404 rapport.iife.js');
    loadScript.mockImplementation(() => Promise.reject(failure));

    const element = await mount();
    getRecord.emit(contact('ada@example.com'));
    await flush();

    expect(provider(element)).toBeNull();
    expect(element.shadowRoot.textContent).toContain('Rapport is not available right now.');
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('rapport.iife.js'), failure);
  });
  it('shows a neutral message when the bundle is too old to have setShadowRootMode', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
    loadScript.mockImplementation(async () => {
      const {setShadowRootMode: _, ...older} = fakeRapport();
      window.Rapport = older;
    });

    const element = await mount();
    getRecord.emit(contact('ada@example.com'));
    await flush();

    expect(provider(element)).toBeNull();
    expect(element.shadowRoot.textContent).toContain('Rapport is not available right now.');
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('setShadowRootMode'));
  });
});

describe('reading the record', () => {
  it('asks getRecord for the Email of a Contact', async () => {
    await mount();
    expect(getRecord.getLastConfig()).toEqual({recordId: RECORD_ID, fields: ['Contact.Email']});
  });

  it('asks getRecord for the ContactEmail of a Case', async () => {
    await mount({
      recordId: '500FK0000000001YAA',
      objectApiName: 'Case',
      customerIdField: 'ContactEmail',
    });
    expect(getRecord.getLastConfig()).toEqual({
      recordId: '500FK0000000001YAA',
      fields: ['Case.ContactEmail'],
    });
  });

  it('shows a neutral message, and tells the console, when the record cannot be read', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
    const element = await mount();
    getRecord.emitError({status: 403, statusText: 'Forbidden', body: {message: 'No access'}});
    await flush();

    expect(provider(element)).toBeNull();
    expect(element.shadowRoot.textContent).toContain('Rapport is not available right now.');
    expect(consoleError).toHaveBeenCalledWith(
      expect.stringContaining('Contact.Email'),
      expect.objectContaining({status: 403}),
    );
  });

  it('shows a spinner until the record and the script are there', async () => {
    const element = await mount();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    expect(provider(element)).toBeNull();
  });
});

describe('the host it hands the provider', () => {
  it('hands the e-mail address, the viewer role and the locale to the provider', async () => {
    const element = await mount({viewerRole: 'supervisor'});
    getRecord.emit(contact('ada@example.com'));
    await flush();

    const host = provider(element).host;
    expect(host.name).toBe('Salesforce');
    await expect(host.view()).resolves.toEqual({
      customerId: 'ada@example.com',
      viewerRole: 'supervisor',
      locale: 'en-US',
    });
  });

  it('gives the provider a client over the HTTP adapter for the gateway URL', async () => {
    const element = await mount();
    getRecord.emit(contact('ada@example.com'));
    await flush();

    const {httpAdapter, createClient} = window.Rapport;
    expect(httpAdapter).toHaveBeenCalledTimes(1);
    expect(httpAdapter.mock.calls[0][0].url).toBe('https://gateway.example.com');
    expect(createClient).toHaveBeenCalledWith(httpAdapter.mock.results[0].value);
    expect(provider(element).client).toBe(createClient.mock.results[0].value);
  });

  it('puts the widgets the widgets property names inside the provider, and no others', async () => {
    const element = await mount({widgets: 'card, complaints'});
    getRecord.emit(contact('ada@example.com'));
    await flush();

    const inside = [...provider(element).children].map((child) => child.localName);
    expect(inside).toEqual(['rapport-customer-card', 'rapport-complaint-form']);
  });

  it('tells the watchers when the record changes, and view() then gives the new e-mail address', async () => {
    const element = await mount();
    getRecord.emit(contact('ada@example.com'));
    await flush();
    const host = provider(element).host;
    const listener = jest.fn();
    const stop = host.watch(listener);

    getRecord.emit(contact('grace@example.com'));
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
    await expect(host.view()).resolves.toMatchObject({customerId: 'grace@example.com'});
    // The same provider stays: the widgets reload, they are not created again.
    expect(provider(element).host).toBe(host);

    stop();
    getRecord.emit(contact('alan@example.com'));
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('a record without a customer', () => {
  it('says the record has no e-mail address, and shows no widgets', async () => {
    const element = await mount();
    getRecord.emit(contact(null));
    await flush();

    expect(provider(element)).toBeNull();
    expect(element.shadowRoot.textContent).toContain(
      'This record has no e-mail address, so Rapport cannot show the customer.',
    );
  });

  it('names the field by its label when it is not an e-mail field', async () => {
    const element = await mount({
      objectApiName: 'Account',
      customerIdField: 'Rapport_Customer_Id__c',
    });
    getObjectInfo.emit({
      apiName: 'Account',
      fields: {Rapport_Customer_Id__c: {label: 'Rapport Customer ID'}},
    });
    getRecord.emit({apiName: 'Account', fields: {Rapport_Customer_Id__c: {value: null}}});
    await flush();

    expect(provider(element)).toBeNull();
    expect(element.shadowRoot.textContent).toContain(
      'This record has no value in Rapport Customer ID, so Rapport cannot show the customer.',
    );
  });

  it('shows the widgets once the record gets an e-mail address', async () => {
    const element = await mount();
    getRecord.emit(contact(null));
    await flush();
    getRecord.emit(contact('ada@example.com'));
    await flush();

    await expect(provider(element).host.view()).resolves.toMatchObject({
      customerId: 'ada@example.com',
    });
    expect(provider(element).client).toBeDefined();
  });
});

describe('getToken', () => {
  async function hostOf(properties) {
    const element = await mount(properties);
    getRecord.emit(contact('ada@example.com'));
    await flush();
    return provider(element).host;
  }

  it('asks Apex for a token for the record, and keeps it until shortly before it expires', async () => {
    getGatewayToken.mockResolvedValue({
      token: 'jwt-1',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    const host = await hostOf();

    await expect(host.getToken({refresh: false})).resolves.toBe('jwt-1');
    await expect(host.getToken({refresh: false})).resolves.toBe('jwt-1');
    expect(getGatewayToken).toHaveBeenCalledTimes(1);
    expect(getGatewayToken).toHaveBeenCalledWith({recordId: RECORD_ID});
  });

  it('is what the HTTP adapter calls for its token', async () => {
    getGatewayToken.mockResolvedValue({token: 'jwt-1', expiresAt: String(Date.now() + 600_000)});
    await hostOf();

    const {getToken} = window.Rapport.httpAdapter.mock.calls[0][0];
    await expect(getToken({refresh: false})).resolves.toBe('jwt-1');
  });

  it('asks Apex again on refresh, and when the kept token is about to expire', async () => {
    getGatewayToken
      .mockResolvedValueOnce({token: 'jwt-1', expiresAt: String(Date.now() + 600_000)})
      .mockResolvedValueOnce({token: 'jwt-2', expiresAt: String(Date.now() + 5_000)})
      .mockResolvedValueOnce({token: 'jwt-3', expiresAt: String(Date.now() + 600_000)});
    const host = await hostOf();

    await expect(host.getToken({refresh: false})).resolves.toBe('jwt-1');
    await expect(host.getToken({refresh: true})).resolves.toBe('jwt-2');
    // jwt-2 expires within the margin, so it is not handed out again.
    await expect(host.getToken({refresh: false})).resolves.toBe('jwt-3');
    expect(getGatewayToken).toHaveBeenCalledTimes(3);
  });

  it('shares one Apex call between widgets that ask at the same moment', async () => {
    getGatewayToken.mockResolvedValue({token: 'jwt-1', expiresAt: String(Date.now() + 600_000)});
    const host = await hostOf();

    const tokens = await Promise.all([
      host.getToken({refresh: false}),
      host.getToken({refresh: false}),
    ]);
    expect(tokens).toEqual(['jwt-1', 'jwt-1']);
    expect(getGatewayToken).toHaveBeenCalledTimes(1);
  });

  it('fails with a RapportError that can be retried, and the Apex detail goes to the console', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => {});
    const apexError = {body: {message: 'Rapport could not get a token.'}, status: 500};
    getGatewayToken.mockRejectedValueOnce(apexError);
    const host = await hostOf();

    await expect(host.getToken({refresh: false})).rejects.toMatchObject({
      code: 'unavailable',
      cause: apexError,
    });
    expect(consoleError).toHaveBeenCalledWith(expect.any(String), apexError);
  });
});
