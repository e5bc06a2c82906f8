import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportComplaintForm as Element} from '@rapport/widgets/complaint-form';
import {events} from './events.js';

/** `<rapport-complaint-form>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportComplaintForm = createComponent({
  react: React,
  tagName: 'rapport-complaint-form',
  elementClass: Element,
  events: events['rapport-complaint-form'],
  displayName: 'RapportComplaintForm',
});
