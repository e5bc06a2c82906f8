import {html, type TemplateResult} from 'lit';
import {defaultRewards} from '@rapport/schema';
import {RapportWidget} from '../shared/widget.js';

/**
 * @tag rapport-rewards
 * @summary A member's rewards: what they can redeem, and the points history.
 */
export class RapportRewards extends RapportWidget {
  protected readonly widgetName = 'rewards';
  protected readonly builtInCustomization = defaultRewards;

  protected override render(): TemplateResult {
    return html`<section class="base" part="base"></section>`;
  }
}
