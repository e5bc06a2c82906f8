/**
 * @rapport/core: the typed CRM model and its domain logic, the resource catalogue, the adapter
 * contract derived from it, and the client widgets share. Plain TypeScript with no DOM and no I/O,
 * so it runs in browsers, Node and server-side rendering alike. The wire protocol between adapter-http
 * and the gateway is `@rapport/core/protocol`.
 *
 * @packageDocumentation
 */
export {
  errorCodes,
  retryableErrorCodes,
  RapportError,
  isRapportError,
  errorFromJson,
  invalidInput,
} from './errors.js';
export type {ErrorCode, RapportErrorOptions} from './errors.js';
export type {Instant, IsoDateTime, Period} from './time.js';
export {entities, fieldTypes, isRecord, localize, localeChain, ownValue} from './fields.js';
export type {
  CustomFields,
  Entity,
  FieldOption,
  FieldType,
  FieldValue,
  LocalizedText,
} from './fields.js';
export {textLength, isEmail, isPhone, isHttpsUrl, stableStringify, nestedBeyond} from './text.js';

export {lifecycleStages, customerKinds, channels, interactionTypes} from './customers/customer.js';
export type {
  Channel,
  Customer,
  CustomerKind,
  Interaction,
  InteractionType,
  LifecycleStage,
  PersonName,
} from './customers/customer.js';
export type {Purchase} from './customers/purchase.js';
export {dealStages, defaultStageProbability, pipelineByStage} from './sales/deal.js';
export type {Deal, DealStage, StageValue} from './sales/deal.js';
export {rfmScorer, rfmSegments, rfmSegment, scoreRfm} from './customers/rfm.js';
export type {
  RfmOptions,
  RfmScorer,
  RfmResult,
  RfmScore,
  RfmScoreValue,
  RfmSegment,
} from './customers/rfm.js';

export {pointsTransactionTypes} from './loyalty/program.js';
export type {
  Coupon,
  EarnRule,
  ExpiringPoints,
  ExpiryPolicy,
  LoyaltyAccount,
  LoyaltyProgram,
  PointsTransaction,
  PointsTransactionType,
  Tier,
  TierQualification,
} from './loyalty/program.js';
export {replayLedger, pointsExpiringWithin} from './loyalty/ledger.js';
export type {Ledger, PointsLot, ReplayOptions} from './loyalty/ledger.js';
export {sortedTiers, evaluateTier, qualifyingAmount, pointsForPurchase} from './loyalty/tiers.js';
export type {QualifyingInput, TierStanding} from './loyalty/tiers.js';
export {heldAccount, summarizeAccount} from './loyalty/account.js';
export {
  rewardKinds,
  redemptionRefusals,
  redemptionRefusal,
  offerRewards,
  redeemReward,
  refusedRedemption,
  refusalOf,
  validateRedemptionInput,
} from './loyalty/rewards.js';
export type {
  MemberStanding,
  RedeemOptions,
  Redemption,
  RedemptionInput,
  RedemptionRefusal,
  RedemptionResult,
  Reward,
  RewardDefinition,
  RewardKind,
} from './loyalty/rewards.js';
export type {AccountInput, HeldAccountInput} from './loyalty/account.js';

export {
  severities,
  complaintCategories,
  complaintStatuses,
  openComplaintStatuses,
} from './complaints/complaint.js';
export type {
  Complaint,
  ComplaintCategory,
  ComplaintContact,
  ComplaintInput,
  ComplaintStatus,
  Severity,
  StatusChange,
} from './complaints/complaint.js';
export {
  complaintLimits,
  refuseComplaint,
  validateComplaintInput,
} from './complaints/validate-input.js';
export {
  complaintActions,
  complaintTransitions,
  allowedActions,
  transitionComplaint,
} from './complaints/lifecycle.js';
export type {ComplaintAction, TransitionOptions} from './complaints/lifecycle.js';
export {
  actionsForRole,
  applyComplaintUpdate,
  checkComplaintAction,
  complaintUpdateLimits,
  defaultComplaintPolicy,
  validateComplaintUpdateInput,
} from './complaints/updates.js';
export type {
  ComplaintPolicy,
  ComplaintUpdate,
  ComplaintUpdateInput,
  UpdateAuthor,
  UpdateOptions,
} from './complaints/updates.js';
export {
  businessTimeBetween,
  defaultSlaPolicy,
  slaDueDates,
  slaStatus,
  complaintDurations,
} from './complaints/sla.js';
export type {
  BusinessHours,
  SlaClock,
  SlaDueDates,
  SlaPolicy,
  SlaStatus,
  SlaTargets,
} from './complaints/sla.js';

export type {Ratio} from './metrics/ratio.js';
export {
  lifetimeValue,
  customerLifetimeValues,
  retentionRate,
  repeatPurchaseRate,
  segmentDistribution,
} from './metrics/customers.js';
export type {ClvAssumptions, ClvOptions, CustomerValue, SegmentShare} from './metrics/customers.js';
export {complaintRate, slaBreachRate} from './metrics/complaints.js';
export {
  csat,
  netPromoterScore,
  surveyKinds,
  surveyLimits,
  surveyScales,
  validateSurveyAnswerInput,
} from './metrics/surveys.js';
export type {
  NetPromoterScore,
  SurveyAnswer,
  SurveyAnswerInput,
  SurveyKind,
} from './metrics/surveys.js';

export {
  catalogue,
  resource,
  resourceOperations,
  essentialsOf,
  resourceOfEntity,
  resourcesWith,
} from './resources/catalogue.js';
export type {
  Catalogue,
  InputOf,
  OperationsOf,
  RapportCatalogue,
  RecordOf,
  ResourceDefinition,
  ResourceName,
  ResourceOperation,
  ResourcesWith,
} from './resources/catalogue.js';
export {inputChecks} from './resources/input-checks.js';
export {reportFields, reportReads, reports} from './reports/catalogue.js';
export type {ReportDefinition, ReportField} from './reports/catalogue.js';
export {isReportName, reportFilters, reportNames, reportOfPath} from './reports/names.js';
export type {ReportName} from './reports/names.js';
export {computeReport, servedReports} from './reports/compute.js';
export type {ComputeReportOptions} from './reports/compute.js';
export {maxReportDays, reportPeriod, reportRanges, validateReportQuery} from './reports/report.js';
export type {
  Report,
  ReportAxis,
  ReportChart,
  ReportFigure,
  ReportFilters,
  ReportQuery,
  ReportRange,
  ReportSeries,
  ReportUnit,
} from './reports/report.js';
export type {InputChecks} from './resources/input-checks.js';
export {handlerOf, scanOf, servedOperations} from './adapter/contract.js';
export type {
  AdapterCapabilities,
  AdapterResources,
  BatchEntry,
  BatchResult,
  CallOptions,
  CreateHandler,
  CrmAdapter,
  FieldCatalog,
  FieldDescriptor,
  ListHandler,
  Page,
  PageRequest,
  ReadHandler,
  ResourceHandlers,
  ScanHandler,
  WriteOptions,
} from './adapter/contract.js';
export {
  validateKeys,
  validateCustomerId,
  validatePage,
  validateIdempotencyKey,
  validateEntity,
} from './adapter/guards.js';
export {composeAdapters} from './adapter/compose.js';
export type {AdapterRoutes, ComposeOptions} from './adapter/compose.js';
export {vendorHttp} from './adapter/vendor-http.js';
export {inputFingerprint, optionError, pooled} from './adapter/vendor-tools.js';
export type {
  VendorHttp,
  VendorHttpOptions,
  VendorReply,
  VendorRequest,
  VendorResponse,
} from './adapter/vendor-http.js';
export {memoryIdempotencyStore, runOnce, withIdempotency} from './adapter/idempotency.js';
export type {
  IdempotencyRecord,
  IdempotencyStore,
  MemoryIdempotencyStore,
  MemoryIdempotencyStoreOptions,
  RunOnceOptions,
  StoredOutcome,
} from './adapter/idempotency.js';

export {createClient} from './client/client.js';
export type {ClientOptions, RapportClient, SubmitOptions} from './client/client.js';
export type {
  ClientHooks,
  DataChange,
  RequestDetail,
  RequestErrorEvent,
  RequestEvent,
  ResponseEvent,
} from './client/events.js';
export type {RetryPolicy} from './client/retry.js';
export {randomId} from './client/random-id.js';
