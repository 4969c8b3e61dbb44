import {
  BurnRateWindow,
  SloAlertState,
  SloDefinition,
  SloStatus,
  burnRateWindows,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DAY_MS } from '../../metrics/window';
import { alertState } from './burnRateAlerts';
import {
  BudgetSummary,
  assertObjective,
  budgetSummary,
  burnRate,
} from './errorBudget';
import { exhaustionAt } from './forecast';
import {
  SampleIndex,
  SliSample,
  budgetHistory,
  burnRateWindowEnd,
  burnRateWindowMs,
  indexSamples,
} from './windowedSums';

/** The figures of one SLO at one moment that the alerts and the policy read. */
export type SloSnapshot = {
  good: number;
  total: number;
  summary: BudgetSummary;
  burnRates: Record<BurnRateWindow, number | null>;
  alert: SloAlertState;
};

/**
 * Budget over [now - windowDays, now), burn rates over the windows ending at the last complete
 * 5-minute bucket (`burnRateWindowEnd`) and the alert state, from indexed samples: computing it
 * at many moments (one per deployment) sorts the samples once.
 */
export function sloSnapshot({
  definition,
  index,
  now,
}: {
  definition: Pick<SloDefinition, 'objective' | 'windowDays'>;
  index: SampleIndex;
  now: number;
}): SloSnapshot {
  const { objective, windowDays } = definition;
  assertObjective(objective);
  const { good, total } = index.sums(now - windowDays * DAY_MS, now);
  const summary = budgetSummary({ objective, good, total });
  const burnRateEnd = burnRateWindowEnd(now);
  const windowCounts = burnRateWindows.map(
    window =>
      [
        window,
        index.sums(burnRateEnd - burnRateWindowMs[window], burnRateEnd),
      ] as const,
  );
  const burnRates = Object.fromEntries(
    windowCounts.map(([window, counts]) => [
      window,
      burnRate(counts, objective),
    ]),
  ) as Record<BurnRateWindow, number | null>;
  const errorRates = Object.fromEntries(
    windowCounts.map(([window, counts]) => [
      window,
      counts.total === 0 ? null : (counts.total - counts.good) / counts.total,
    ]),
  ) as Record<BurnRateWindow, number | null>;
  return {
    good,
    total,
    summary,
    burnRates,
    alert: alertState(errorRates, summary.errorBudget),
  };
}

/**
 * One SLO's status at `now`: attainment and budget over the rolling window
 * [now - windowDays, now), burn rates over each window ending at the last complete 5-minute bucket
 * (`burnRateWindowEnd`), the multi-window alert state,
 * the forecast at the 6h burn rate, and one history point per day of the window (plus `now`).
 * The history reaches back up to 2 × windowDays: pass samples from `now - 2 × windowDays` on.
 */
export function computeSloStatus({
  definition,
  samples,
  now,
}: {
  definition: SloDefinition;
  samples: readonly SliSample[];
  now: Date;
}): SloStatus {
  const { objective, windowDays } = definition;
  const until = now.getTime();
  const { good, total, summary, burnRates, alert } = sloSnapshot({
    definition,
    index: indexSamples(samples),
    now: until,
  });
  const exhaustion = exhaustionAt({
    remaining: summary.remaining,
    burnRate6h: burnRates['6h'],
    windowDays,
    now,
  });
  return {
    definition,
    attainment: summary.attainment,
    good,
    total,
    errorBudget: summary.errorBudget,
    consumed: summary.consumed,
    remaining: summary.remaining,
    burnRates,
    alert,
    exhaustionAt: exhaustion === null ? null : exhaustion.toISOString(),
    history: budgetHistory({
      samples,
      objective,
      windowDays,
      until,
      points: windowDays,
    }),
  };
}
