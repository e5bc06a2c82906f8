// The words of <rapport-survey> (the shared ones come with them); Simplified Chinese is in
// src/translations/zh-CN.ts with the others.
import {ownStrings} from '../shared/strings.js';

const en = {
  survey: 'Tell us how it went',
  surveyWaiting: 'We will ask how it went once your complaint is resolved.',
  surveyChooseScore: 'Choose a score',
  surveySatisfaction: (score: number) =>
    [
      'Very dissatisfied',
      'Dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Satisfied',
      'Very satisfied',
    ][score - 1] ?? '',
  surveyUnlikely: 'Not at all likely',
  surveyLikely: 'Extremely likely',
  surveySend: 'Send answer',
  surveyThanks: 'Thank you for telling us.',
  surveyFailed: 'Your answer could not be sent. Your score and comment are still here.',
};

/** <rapport-survey>'s words, and the shared ones, in a locale. */
export const surveyStrings = ownStrings(en);
/** <rapport-survey>'s own words. */
export type SurveyStrings = typeof en;
