import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  DeliveryHealth,
  EntitySlos,
  OnCallResponse,
  MetricWindow,
  Scorecard,
  ScorecardRecords,
  SyncStatus,
  TimeSeries,
  TimeSeriesMetric,
} from '@delivery-insights/backstage-plugin-delivery-common';

import { ReportFile, ReportQuery } from './reports';

/**
 * A window to ask for; either end may be left to the backend's default (the last 30 days).
 *
 * @public
 */
export type WindowQuery = Partial<MetricWindow>;

/**
 * The frontend's view of the delivery backend.
 *
 * @public
 */
export interface DeliveryApi {
  getHealth(): Promise<DeliveryHealth>;
  getScorecard(entityRef: string, window?: WindowQuery): Promise<Scorecard>;
  getScorecards(
    entityRefs: string[],
    window?: WindowQuery,
  ): Promise<Scorecard[]>;
  getOrganizationScorecard(window?: WindowQuery): Promise<Scorecard>;
  getTimeSeries(
    entityRef: string,
    metric: TimeSeriesMetric,
    options?: WindowQuery & { bucket?: 'day' | 'week' },
  ): Promise<TimeSeries>;
  getRecords(
    entityRef: string,
    window?: WindowQuery,
  ): Promise<ScorecardRecords>;
  getSlos(entityRef: string): Promise<EntitySlos>;
  /** How each provider's sync of the entity went, for "data as of". */
  getSyncStatus(entityRef: string): Promise<SyncStatus[]>;
  /** Who is on call for the entity now, per provider, and the providers that failed to answer. */
  getOnCall(entityRef: string): Promise<OnCallResponse>;
  /** A Markdown report, fetched with the user's credentials. */
  getReport(query: ReportQuery): Promise<ReportFile>;
  /** Fetches a report and hands it to the browser as a file download. */
  downloadReport(query: ReportQuery): Promise<ReportFile>;
}

/**
 * @public
 */
export const deliveryApiRef = createApiRef<DeliveryApi>({
  id: 'plugin.delivery.api',
});
