import { SyncStatus } from '@delivery-insights/backstage-plugin-delivery-common';

/** What the UI says about how fresh an entity's records are. */
export type DataFreshness = {
  /** The oldest of the providers' last successful syncs: every source is at least this fresh. */
  asOf?: Date;
  sources: string[];
  problems: (
    | { kind: 'failed'; provider: string; at: Date; message: string }
    | { kind: 'never'; provider: string }
    | { kind: 'skipped'; provider: string; count: number }
  )[];
};

const dateOf = (iso?: string) => (iso ? new Date(iso) : undefined);

/**
 * Sums up the sync status of an entity's providers: a provider whose last error is newer than its
 * last success (or that never succeeded) is a problem, as are skipped upstream records.
 */
export function dataFreshness(items: SyncStatus[]): DataFreshness {
  const result: DataFreshness = { sources: [], problems: [] };
  for (const item of items) {
    result.sources.push(item.provider);
    const success = dateOf(item.lastSuccessAt);
    const error = dateOf(item.lastErrorAt);
    if (success && (!result.asOf || success < result.asOf)) {
      result.asOf = success;
    }
    if (error && (!success || error > success)) {
      result.problems.push({
        kind: 'failed',
        provider: item.provider,
        at: error,
        message: item.lastError ?? '',
      });
    } else if (!success) {
      result.problems.push({ kind: 'never', provider: item.provider });
    }
    if (item.recordsSkipped > 0) {
      result.problems.push({
        kind: 'skipped',
        provider: item.provider,
        count: item.recordsSkipped,
      });
    }
  }
  return result;
}
