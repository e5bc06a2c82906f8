import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportLoyaltyBalance as Element} from '@rapport/widgets/loyalty-balance';
import {events} from './events.js';

/** `<rapport-loyalty-balance>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportLoyaltyBalance = createComponent({
  react: React,
  tagName: 'rapport-loyalty-balance',
  elementClass: Element,
  events: events['rapport-loyalty-balance'],
  displayName: 'RapportLoyaltyBalance',
});
