import {defineElement} from '../shared/define.js';
import {RapportRewards} from './rewards.component.js';

defineElement('rapport-rewards', RapportRewards);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-rewards': RapportRewards;
  }
}

export {RapportRewards};
