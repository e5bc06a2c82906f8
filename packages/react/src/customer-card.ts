import {createComponent} from '@lit/react';
import * as React from 'react';
import {RapportCustomerCard as Element} from '@rapport/widgets/customer-card';
import {events} from './events.js';

/** `<rapport-customer-card>` as a React component: props set the element's properties, `on…` props listen to its events. */
export const RapportCustomerCard = createComponent({
  react: React,
  tagName: 'rapport-customer-card',
  elementClass: Element,
  events: events['rapport-customer-card'],
  displayName: 'RapportCustomerCard',
});
