import {defineElement} from '../shared/define.js';
import {RapportSurvey} from './survey.component.js';

defineElement('rapport-survey', RapportSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'rapport-survey': RapportSurvey;
  }
}

export {RapportSurvey};
