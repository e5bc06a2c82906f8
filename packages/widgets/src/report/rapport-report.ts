import {defineElement} from '../shared/define.js';
import {RapportReport} from './report.component.js';

defineElement('rapport-report', RapportReport);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-report': RapportReport;
  }
}

export {RapportReport};
