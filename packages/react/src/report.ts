import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportReport as Element} from '@rapport/widgets/report';
import {events} from './events.js';

/** `<rapport-report>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportReport = createComponent({
  react: React,
  tagName: 'rapport-report',
  elementClass: Element,
  events: events['rapport-report'],
  displayName: 'RapportReport',
});
