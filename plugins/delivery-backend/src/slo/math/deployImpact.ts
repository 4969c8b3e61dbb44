import { SloDefinition } from '@delivery-insights/backstage-plugin-delivery-common';
import { DAY_MS } from '../../metrics/window';
import { SampleIndex } from './windowedSums';

/** The share of an SLO's error budget burned just before and just after a deployment. */
export type DeployImpact = {
  /** Bad events in [at - window, at) as a share of the budget; null without a budget to share. */
  before: number | null;
  /** Bad events in [at, at + window) as a share of the budget; null likewise. */
  after: number | null;
};

/**
 * How much of the error budget the `windowMs` after a deployment at `at` burned, against the same
 * length before it. The budget is the one in force at the deployment: (1 - objective) × the events
 * of the SLO window [at - windowDays, at), so "after: 0.12" reads "burned 12 % of the budget".
 * Without events in that window there is no budget to share, and both are null. Samples count by
 * their start, as everywhere (docs/slo.md); an "after" window that has not ended yet holds what
 * happened so far.
 */
export function deployImpact({
  definition,
  index,
  at,
  windowMs,
}: {
  definition: Pick<SloDefinition, 'objective' | 'windowDays'>;
  index: SampleIndex;
  at: number;
  windowMs: number;
}): DeployImpact {
  const { total } = index.sums(at - definition.windowDays * DAY_MS, at);
  const budgetEvents = (1 - definition.objective) * total;
  if (!(budgetEvents > 0)) {
    return { before: null, after: null };
  }
  const bad = (since: number, until: number) => {
    const sums = index.sums(since, until);
    return sums.total - sums.good;
  };
  return {
    before: bad(at - windowMs, at) / budgetEvents,
    after: bad(at, at + windowMs) / budgetEvents,
  };
}
