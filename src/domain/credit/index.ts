/**
 * The credit-management API (docs/domain.md §5) for the functions, the CLI and the task pane.
 */
export * from "./types";
export { creditBook, type CreditBook, type CreditBookInput, type CustomerExposure } from "./book";
export { checkCredit, reasonSummary, type CreditCheckOptions, type OrderToCheck } from "./check";
export { checkOrders, type BatchCheck, type OrderCheck } from "./batch";
export { evaluateRules, type RuleEvaluation } from "./rules";
export { validateRules } from "./validate-rules";
export { parseRanks } from "./_lib/ranks";
export { customerLimit, groupLimit, insuranceLimitMinor, temporaryLimitIndex, type CustomerLimit } from "./limits";
export { shouldCheck, validateCheckpoints, type CheckpointQuestion, type LastPass } from "./checkpoints";
export * from "./holds/types";
export { holdFromCheck } from "./holds/hold";
export { releaseHold } from "./holds/release";
export { rejectHold } from "./holds/reject";
export { reevaluateHold } from "./holds/reevaluate";
export { forceHold } from "./holds/force-hold";
export { orderValueChanged, type ValueChange } from "./holds/value-change";
export * from "./adjustments/types";
export { adjustmentJournal } from "./adjustments/journal";
export { postAdjustments, type CreditLimits } from "./adjustments/apply";
export { generateAdjustments, type AdjustmentGenerator } from "./adjustments/generate";
export { riskScore, type Attributes, type RiskGroupRange, type RiskScore, type ScoringBand, type ScoringGroup } from "./risk/score";
export { customerAttributes, wholeYears } from "./risk/attributes";
export { proposeAutomaticLimits, type AutoLimitCandidate, type AutomaticLimitRule } from "./risk/auto-limits";
export {
  creditStatistics,
  customerStatistics,
  dso,
  lastMonthEnds,
  STATISTICS_DEFAULTS,
  windowStart,
  type CreditStatistics,
  type CustomerStatisticsInput,
  type DsoWindow,
  type StatItem,
  type StatisticsInput,
} from "./statistics";
