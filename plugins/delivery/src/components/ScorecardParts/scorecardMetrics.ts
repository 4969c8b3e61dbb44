import {
  DoraMetricKey,
  MetricValue,
  Scorecard,
  doraMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DeliveryApi, WindowQuery } from '../../api';

/**
 * The DORA keys the overview compares services and teams by: the four with a level the brief
 * names. Rework rate has no level; failed deployment recovery time shows on the entity pages.
 */
export const leveledDoraKeys = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'timeToRestore',
] as const satisfies readonly DoraMetricKey[];

/** The metrics a team's scorecard shows: the four keys, then cycle time and two of quality. */
export const teamScorecardMetricKeys = [
  ...doraMetricKeys,
  'cycleTime',
  'lineCoverage',
  'incidentsPer30Days',
] as const;

/** A metric the team and organisation summaries show. */
export type SummaryMetricKey = (typeof teamScorecardMetricKeys)[number];

/** The most refs the backend accepts in one `/scorecards` call. */
export const MAX_REFS_PER_SCORECARDS_CALL = 200;

const isDoraMetricKey = (key: SummaryMetricKey): key is DoraMetricKey =>
  (doraMetricKeys as readonly string[]).includes(key);

/** Reads one summary metric from wherever it lives on a scorecard. */
export function metricOf(
  scorecard: Scorecard,
  key: SummaryMetricKey,
): MetricValue {
  if (isDoraMetricKey(key)) {
    return scorecard.dora[key];
  }
  if (key === 'cycleTime') {
    return scorecard.flow.cycleTime;
  }
  return scorecard.quality[key];
}

/** Whether any of the given metrics was computed from at least one record, now or before. */
export function hasAnyData(
  scorecard: Scorecard,
  keys: readonly SummaryMetricKey[],
): boolean {
  return keys.some(key => {
    const metric = metricOf(scorecard, key);
    return (
      metric.value !== null ||
      metric.sampleSize > 0 ||
      metric.previous.value !== null
    );
  });
}

/** Splits a list into consecutive pieces of at most `size` items. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (size < 1) {
    throw new RangeError(`chunk size must be at least 1, got ${size}`);
  }
  const pieces: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    pieces.push(items.slice(start, start + size));
  }
  return pieces;
}

/**
 * Fetches the scorecards of many entities, at most 200 refs per call, and returns them keyed by
 * the ref as it was asked for (the backend answers in the order requested).
 */
export async function fetchScorecards(
  deliveryApi: DeliveryApi,
  entityRefs: readonly string[],
  window?: WindowQuery,
): Promise<Map<string, Scorecard>> {
  const batches = chunk(entityRefs, MAX_REFS_PER_SCORECARDS_CALL);
  const answers = await Promise.all(
    batches.map(batch => deliveryApi.getScorecards(batch, window)),
  );
  const byRef = new Map<string, Scorecard>();
  batches.forEach((batch, batchIndex) => {
    batch.forEach((ref, index) => {
      const scorecard = answers[batchIndex][index];
      if (scorecard) {
        byRef.set(ref, scorecard);
      }
    });
  });
  return byRef;
}

/**
 * Compares two numbers for a table sort with missing values last in both directions.
 *
 * material-table sorts descending by calling the comparator with its arguments swapped and
 * `'desc'` as the fourth argument, so "null last" has to know the direction.
 */
export function compareNullsLast(
  a: number | null | undefined,
  b: number | null | undefined,
  direction: 'asc' | 'desc' = 'asc',
): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing && bMissing) {
    return 0;
  }
  if (aMissing) {
    return direction === 'asc' ? 1 : -1;
  }
  if (bMissing) {
    return direction === 'asc' ? -1 : 1;
  }
  return a - b;
}
