import {defineElement} from '../shared/define.js';
import {RapportComplaintForm} from './complaint-form.component.js';

defineElement('rapport-complaint-form', RapportComplaintForm);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-complaint-form': RapportComplaintForm;
  }
}

export {RapportComplaintForm};
