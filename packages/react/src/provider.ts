import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportProvider as Element} from '@rapport/widgets/provider';
import {events} from './events.js';

/** `<rapport-provider>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportProvider = createComponent({
  react: React,
  tagName: 'rapport-provider',
  elementClass: Element,
  events: events['rapport-provider'],
  displayName: 'RapportProvider',
});
