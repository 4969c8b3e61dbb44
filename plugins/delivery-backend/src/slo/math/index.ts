export {
  alertState,
  burnRateAlertRules,
  exceedsBurnRate,
} from './burnRateAlerts';
export type { BurnRateAlertRule } from './burnRateAlerts';
export { assertObjective, budgetSummary, burnRate } from './errorBudget';
export type { BudgetSummary, EventCounts } from './errorBudget';
export { exhaustionAt } from './forecast';
export {
  BURN_RATE_BUCKET_MS,
  budgetHistory,
  burnRateWindowEnd,
  burnRateWindowMs,
  indexSamples,
  sumsSince,
} from './windowedSums';
export type { SampleIndex, SliSample } from './windowedSums';
export { computeSloStatus, sloSnapshot } from './sloStatus';
export type { SloSnapshot } from './sloStatus';
