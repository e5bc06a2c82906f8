// This widget's events, in a module of their own: a page without the widget does not carry them.
import type {SurveyAnswer, SurveyAnswerInput} from '@rapport/core';
import {init} from '../shared/events.js';

/** Fired by `<rapport-survey>` when the person sends an answer, before anything is sent. Cancel it to stop it. */
export class SurveyBeforeAnswerEvent extends Event {
  static readonly eventName = 'rapport-survey-before-answer';
  constructor(
    /** What is about to be sent. */
    readonly input: SurveyAnswerInput,
  ) {
    super(SurveyBeforeAnswerEvent.eventName, {...init, cancelable: true});
  }
}

/** Fired by `<rapport-survey>` when the backend has stored the answer. */
export class SurveyAnsweredEvent extends Event {
  static readonly eventName = 'rapport-survey-answered';
  constructor(
    /** The stored answer. */
    readonly answer: SurveyAnswer,
  ) {
    super(SurveyAnsweredEvent.eventName, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rapport-survey-before-answer': SurveyBeforeAnswerEvent;
    'rapport-survey-answered': SurveyAnsweredEvent;
  }
}
