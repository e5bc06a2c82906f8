import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportRewards as Element} from '@rapport/widgets/rewards';
import {events} from './events.js';

/** `<rapport-rewards>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportRewards = createComponent({
  react: React,
  tagName: 'rapport-rewards',
  elementClass: Element,
  events: events['rapport-rewards'],
  displayName: 'RapportRewards',
});
