/**
 * Delivery Insights: delivery and reliability metrics on every service page. This entry point is
 * for apps on the legacy frontend system; the new frontend system uses `/alpha`.
 *
 * @packageDocumentation
 */

export {
  deliveryPlugin,
  DeliveryOverviewPage,
  EntityDoraScorecardCard,
  EntitySloCard,
  EntityRunbookCard,
  EntityDeliveryContent,
  EntityGroupDeliveryContent,
} from './plugin';
export { isDeliveryEntity, isTeamEntity } from './entityFilters';
export {
  ADD_RUNBOOK_TEMPLATE,
  ROLLBACK_ANNOTATION,
  RUNBOOK_ANNOTATION,
} from './components/EntityRunbookCard/runbookLinks';
export type { EntityRunbookCardProps } from './components/EntityRunbookCard';
export type { EntitySloCardProps } from './components/EntitySloCard';
export type { EntityDoraScorecardCardProps } from './components/EntityDoraScorecardCard';
export * from './api';
export { deliveryTranslationRef } from './translation';
export { formatNumber, toHumanValue } from './format/formatMetricValue';
export type { HumanValue, UnitMessageKey } from './format/formatMetricValue';
