/**
 * Rapport's widgets in HubSpot's UI-extension components: the same render plan as the Lit widgets
 * (`resolveLayout` of the customization document), the same words and value formatting
 * (`@rapport/widgets/headless`), a table of value renderers and one of form controls by field type.
 */
export {CustomerCard} from './customer-card.js';
export {LoyaltyBalance} from './loyalty-balance.js';
export {ComplaintForm} from './complaint-form.js';
export {PlanLayout} from './layout.js';
export {hubspotValues} from './values.js';
export type {ValueContext, ValueRenderer} from './values.js';
export {hubspotControls} from './controls.js';
export type {ControlContext, ControlRenderer} from './controls.js';
export {hubspotGateway, viaHubSpot} from './client.js';
export type {HubSpotFetch, HubSpotGateway} from './client.js';
export type {WidgetProps} from './widget.js';
