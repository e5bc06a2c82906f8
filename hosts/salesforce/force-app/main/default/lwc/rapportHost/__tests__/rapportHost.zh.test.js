// A user whose Salesforce locale is Chinese (China): the component loads the Simplified Chinese
// translation after rapport.iife.js. A file of its own, because the locale is a module constant.
import {createElement} from 'lwc';
import RapportHost from 'c/rapportHost';
import {getRecord} from 'lightning/uiRecordApi';
import {loadScript} from 'lightning/platformResourceLoader';

jest.mock('@salesforce/i18n/locale', () => ({default: 'zh-CN'}), {virtual: true});
jest.mock('@salesforce/apex/RapportTokenController.getGatewayToken', () => ({default: jest.fn()}), {
  virtual: true,
});

customElements.define('rapport-provider', class extends HTMLElement {});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  loadScript.mockImplementation(async (_component, url) => {
    if (url.endsWith('/rapport.iife.js'))
      window.Rapport = {
        setShadowRootMode: jest.fn(),
        httpAdapter: jest.fn(() => ({})),
        createClient: jest.fn(() => ({})),
      };
  });
});

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  delete window.Rapport;
  jest.clearAllMocks();
  jest.restoreAllMocks();
});

async function mount() {
  const element = createElement('c-rapport-host', {is: RapportHost});
  Object.assign(element, {
    recordId: '003FK0000000001YAA',
    objectApiName: 'Contact',
    gatewayUrl: 'https://gateway.example.com',
  });
  document.body.appendChild(element);
  await flush();
  getRecord.emit({fields: {Email: {value: 'ada@example.com'}}});
  await flush();
  return element;
}

it('loads the Simplified Chinese translation after the bundle, and hands the provider zh-CN', async () => {
  const element = await mount();

  expect(loadScript.mock.calls.map((call) => call[1])).toEqual([
    'rapport/rapport.iife.js',
    'rapport/rapport.zh-CN.iife.js',
  ]);
  const provider = element.shadowRoot.querySelector('rapport-provider');
  await expect(provider.host.view()).resolves.toMatchObject({locale: 'zh-CN'});
});

it('shows the widgets in English when the translation cannot be loaded', async () => {
  const consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  loadScript.mockImplementationOnce(async () => {
    window.Rapport = {
      setShadowRootMode: jest.fn(),
      httpAdapter: jest.fn(() => ({})),
      createClient: jest.fn(() => ({})),
    };
  });
  loadScript.mockImplementationOnce(() => Promise.reject(new Error('404')));

  const element = await mount();

  expect(element.shadowRoot.querySelector('rapport-provider')).not.toBeNull();
  expect(consoleWarn).toHaveBeenCalledWith(expect.stringContaining('zh-CN'), expect.any(Error));
});
