import {html, type TemplateResult} from 'lit';
import {defaultSurvey} from '@rapport/schema';
import {RapportWidget} from '../shared/widget.js';

/**
 * @tag rapport-survey
 * @summary Asks how a complaint was handled (CSAT), or how likely the customer is to recommend the business (NPS).
 */
export class RapportSurvey extends RapportWidget {
  protected readonly widgetName = 'survey';
  protected readonly builtInCustomization = defaultSurvey;

  protected override render(): TemplateResult {
    return html`<section class="base" part="base"></section>`;
  }
}
