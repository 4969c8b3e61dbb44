/** The lead-time histogram's buckets, shortest first; each is [fromHours, toHours). */
export const leadTimeBuckets = [
  { key: 'lessThan1h', fromHours: 0, toHours: 1 },
  { key: 'from1hTo24h', fromHours: 1, toHours: 24 },
  { key: 'from1dTo7d', fromHours: 24, toHours: 7 * 24 },
  { key: 'from7dTo30d', fromHours: 7 * 24, toHours: 30 * 24 },
  { key: 'atLeast30d', fromHours: 30 * 24, toHours: Infinity },
] as const;

export type LeadTimeBucketKey = (typeof leadTimeBuckets)[number]['key'];

/**
 * Counts lead times (in hours) per histogram bucket. A bucket includes its lower bound and excludes
 * its upper one, so exactly 24 h counts as "1–7 d"; a negative lead time (clock skew between
 * sources) counts as "< 1 h" rather than being lost. Every bucket is returned, empty ones with 0.
 */
export function bucketLeadTimes(
  leadTimesHours: readonly number[],
): { key: LeadTimeBucketKey; count: number }[] {
  const counts = leadTimeBuckets.map(bucket => ({ key: bucket.key, count: 0 }));
  for (const hours of leadTimesHours) {
    if (!Number.isFinite(hours)) {
      continue;
    }
    const index = leadTimeBuckets.findIndex(bucket => hours < bucket.toHours);
    counts[index === -1 ? counts.length - 1 : index].count += 1;
  }
  return counts;
}
