import {RapportProvider} from '../provider/provider.component.js';
import {RapportWidget} from '../shared/widget.js';

/**
 * Attaches the shadow root of every Rapport element created from now on in `mode`. Open is the
 * default; Salesforce's Lightning Web Security runs custom elements only with closed roots, so its
 * shell calls `setShadowRootMode('closed')` after loading the bundle and before the first element.
 * Elements created earlier keep the root they have.
 */
export function setShadowRootMode(mode: ShadowRootMode): void {
  for (const element of [RapportWidget, RapportProvider])
    element.shadowRootOptions = {...element.shadowRootOptions, mode};
}
