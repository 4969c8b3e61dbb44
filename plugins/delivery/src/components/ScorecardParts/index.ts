export { DoraMetricCell } from './DoraMetricCell';
export { LoadErrorPanel } from './LoadErrorPanel';
export { mapSettled } from './mapSettled';
export { MetricSummary, MetricSummaryGrid } from './MetricSummary';
export { NoticePanel } from './NoticePanel';
export {
  MAX_REFS_PER_SCORECARDS_CALL,
  chunk,
  compareNullsLast,
  fetchScorecards,
  hasAnyData,
  metricOf,
  teamScorecardMetricKeys,
} from './scorecardMetrics';
export type { SummaryMetricKey } from './scorecardMetrics';
export {
  catalogFields,
  entityDisplayName,
  lifecycleOf,
  ownerRefOf,
  systemRefOf,
} from './catalogEntities';
export { useScorecards } from './useScorecards';
export { useEntityScorecardRows } from './useEntityScorecardRows';
export type { EntityScorecardRow } from './useEntityScorecardRows';
export { SectionLoadError, entityTableOptions } from './SectionLoadError';
