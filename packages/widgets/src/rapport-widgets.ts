// Defines every Rapport element. Import this for all of them, or one define module per element.
import './provider/rapport-provider.js';
import './customer-card/rapport-customer-card.js';
import './loyalty-balance/rapport-loyalty-balance.js';
import './complaint-form/rapport-complaint-form.js';
import './rewards/rapport-rewards.js';
import './complaint-tracker/rapport-complaint-tracker.js';
import './survey/rapport-survey.js';
import './report/rapport-report.js';

export * from './index.js';
