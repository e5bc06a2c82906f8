import {defineElement} from '../shared/define.js';
import {RapportProvider} from './provider.component.js';

defineElement('rapport-provider', RapportProvider);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-provider': RapportProvider;
  }
}

export {RapportProvider};
