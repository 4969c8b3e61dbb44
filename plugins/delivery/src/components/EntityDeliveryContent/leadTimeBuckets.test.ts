import { bucketLeadTimes } from './leadTimeBuckets';

const countsOf = (hours: number[]) =>
  bucketLeadTimes(hours).map(bucket => bucket.count);

describe('bucketLeadTimes', () => {
  it('returns every bucket, shortest first, even without changes', () => {
    expect(bucketLeadTimes([])).toEqual([
      { key: 'lessThan1h', count: 0 },
      { key: 'from1hTo24h', count: 0 },
      { key: 'from1dTo7d', count: 0 },
      { key: 'from7dTo30d', count: 0 },
      { key: 'atLeast30d', count: 0 },
    ]);
  });

  it('counts each lead time in the bucket that includes its lower bound', () => {
    expect(
      countsOf([0.5, 1, 23.9, 24, 48, 167.9, 168, 719, 720, 5000]),
    ).toEqual([1, 2, 3, 2, 2]);
  });

  it('counts a negative lead time as under an hour and skips values that are not numbers', () => {
    expect(countsOf([-2, NaN, Infinity])).toEqual([1, 0, 0, 0, 0]);
  });
});
