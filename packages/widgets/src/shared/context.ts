import {createContext} from '@lit/context';
import type {RapportClient} from '@rapport/core';
import type {CustomizationState} from './customization.js';

/** What `<rapport-provider>` hands to every widget inside it. */
export interface RapportEnvironment {
  readonly client?: RapportClient;
  /** The provider's document, checked; absent when it has none (each widget then uses its built-in one). */
  readonly customization?: CustomizationState;
  /** The customer on screen, when a host shell says which it is. */
  readonly customerId?: string;
  readonly viewerRole?: string;
  readonly locale?: string;
  readonly theme?: Theme;
}

/** A widget's colour scheme: `light` (the default), `dark`, or `auto` to follow the system's. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * The context key is a string, not a symbol, so a provider from one copy of Rapport on a page serves
 * widgets from another.
 */
export const environmentContext = createContext<RapportEnvironment>('rapport-environment');
