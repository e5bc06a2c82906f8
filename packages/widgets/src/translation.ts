// The shape of a host's translation: every widget's words, which live with each widget.
import type {Translation, ValueMessages} from '@rapport/schema';
import type {TrackerStrings} from './complaint-tracker/complaint-tracker.strings.js';
import type {ReportStrings} from './report/report.strings.js';
import type {RewardsStrings} from './rewards/rewards.strings.js';
import type {Strings} from './shared/strings.js';
import type {SurveyStrings} from './survey/survey.strings.js';

/**
 * A translation a host registers (`registerTranslation` from `@rapport/widgets`): `$code`, `$name`,
 * and any of the widgets' texts, value messages and the built-in document's texts (`'document:Name':
 * 'Nom'`, keyed by their English words); what it leaves out falls back to English.
 */
export type RapportTranslation = Translation &
  Partial<Strings & RewardsStrings & TrackerStrings & SurveyStrings & ReportStrings> &
  Partial<ValueMessages> &
  Partial<Record<`document:${string}`, string>>;
