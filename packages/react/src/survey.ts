import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportSurvey as Element} from '@rapport/widgets/survey';
import {events} from './events.js';

/** `<rapport-survey>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportSurvey = createComponent({
  react: React,
  tagName: 'rapport-survey',
  elementClass: Element,
  events: events['rapport-survey'],
  displayName: 'RapportSurvey',
});
