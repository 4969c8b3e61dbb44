export { alertState, burnRateAlertRules } from './burnRateAlerts';
export type { BurnRateAlertRule } from './burnRateAlerts';
export { assertObjective, budgetSummary, burnRate } from './errorBudget';
export type { BudgetSummary, EventCounts } from './errorBudget';
export { exhaustionAt } from './forecast';
export {
  budgetHistory,
  burnRateWindowMs,
  indexSamples,
  sumsSince,
} from './windowedSums';
export type { SampleIndex, SliSample } from './windowedSums';
export { computeSloStatus } from './sloStatus';
