import {defineElement} from '../shared/define.js';
import {RapportLoyaltyBalance} from './loyalty-balance.component.js';

defineElement('rapport-loyalty-balance', RapportLoyaltyBalance);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-loyalty-balance': RapportLoyaltyBalance;
  }
}

export {RapportLoyaltyBalance};
