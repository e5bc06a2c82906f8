import {html, type TemplateResult} from 'lit';
import {defaultComplaintTracker} from '@rapport/schema';
import {RapportWidget} from '../shared/widget.js';

/**
 * @tag rapport-complaint-tracker
 * @summary A customer's complaints, each with its status, reply time and thread.
 */
export class RapportComplaintTracker extends RapportWidget {
  protected readonly widgetName = 'complaint-tracker';
  protected readonly builtInCustomization = defaultComplaintTracker;

  protected override render(): TemplateResult {
    return html`<section class="base" part="base"></section>`;
  }
}
