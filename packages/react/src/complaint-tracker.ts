import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportComplaintTracker as Element} from '@rapport/widgets/complaint-tracker';
import {events} from './events.js';

/** `<rapport-complaint-tracker>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportComplaintTracker = createComponent({
  react: React,
  tagName: 'rapport-complaint-tracker',
  elementClass: Element,
  events: events['rapport-complaint-tracker'],
  displayName: 'RapportComplaintTracker',
});
