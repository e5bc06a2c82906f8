import {defineElement} from '../shared/define.js';
import {RapportComplaintTracker} from './complaint-tracker.component.js';

defineElement('rapport-complaint-tracker', RapportComplaintTracker);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-complaint-tracker': RapportComplaintTracker;
  }
}

export {RapportComplaintTracker};
