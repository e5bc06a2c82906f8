import {defineElement} from '../shared/define.js';
import {RapportCustomerCard} from './customer-card.component.js';

defineElement('rapport-customer-card', RapportCustomerCard);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-customer-card': RapportCustomerCard;
  }
}

export {RapportCustomerCard};
