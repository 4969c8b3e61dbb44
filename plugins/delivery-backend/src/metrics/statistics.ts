/**
 * The value below which a share `p` of the samples fall, interpolating linearly between the two
 * closest ranks (the same as PostgreSQL's `percentile_cont`, so numbers computed in SQL and here
 * agree). Returns null for no samples.
 */
export function percentile(values: number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`Percentile must be between 0 and 1, got ${p}`);
  }
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** The middle sample, or the mean of the two middle samples; null for no samples. */
export function median(values: number[]): number | null {
  return percentile(values, 0.5);
}

/** The arithmetic mean; null for no samples. */
export function mean(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Population standard deviation divided by the mean: how much the samples vary relative to their
 * size. Null for no samples or a mean of 0, where the ratio is undefined.
 */
export function coefficientOfVariation(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const average = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (average === 0) {
    return null;
  }
  const variance =
    values.reduce((sum, value) => sum + (value - average) ** 2, 0) /
    values.length;
  return Math.sqrt(variance) / average;
}
