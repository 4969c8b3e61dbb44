import { coefficientOfVariation, median, percentile } from './statistics';

describe('percentile', () => {
  it('returns null for no samples', () => {
    expect(percentile([], 0.9)).toBeNull();
  });

  it('returns the only sample whatever the percentile', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 0.5)).toBe(7);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([7], 1)).toBe(7);
  });

  it('interpolates linearly between the closest ranks like percentile_cont', () => {
    const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(oneToTen, 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile(oneToTen, 0.85)).toBeCloseTo(8.65, 10);
    expect(percentile(oneToTen, 0.25)).toBeCloseTo(3.25, 10);
    expect(percentile([10, 20], 0.9)).toBeCloseTo(19, 10);
    expect(percentile([0, 100], 0.33)).toBeCloseTo(33, 10);
  });

  it('returns the smallest and largest sample at 0 and 1', () => {
    expect(percentile([5, 3, 9, 1], 0)).toBe(1);
    expect(percentile([5, 3, 9, 1], 1)).toBe(9);
  });

  it('returns a sample exactly when the rank is whole', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.75)).toBe(4);
  });

  it('sorts numerically, not as strings', () => {
    expect(percentile([100, 9, 20], 0.5)).toBe(20);
  });

  it('handles ties', () => {
    expect(percentile([2, 2, 2, 2], 0.9)).toBe(2);
    expect(percentile([1, 2, 2, 3], 0.5)).toBe(2);
  });

  it('handles negative and fractional samples', () => {
    expect(percentile([-1.5, 0.5], 0.5)).toBeCloseTo(-0.5, 10);
  });

  it('does not mutate its input', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it.each([-0.1, 1.1, NaN])('rejects the percentile %p', p => {
    expect(() => percentile([1, 2], p)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('returns null for no samples', () => {
    expect(median([])).toBeNull();
  });

  it('returns the only sample', () => {
    expect(median([42])).toBe(42);
  });

  it('returns the middle sample of an odd count', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the two middle samples of an even count', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('handles ties', () => {
    expect(median([1, 3, 3, 3, 10])).toBe(3);
  });

  it('is not pulled by outliers', () => {
    expect(median([1, 2, 3, 1000])).toBe(2.5);
  });

  it('does not mutate its input', () => {
    const values = [4, 3, 2, 1];
    median(values);
    expect(values).toEqual([4, 3, 2, 1]);
  });
});

describe('coefficientOfVariation', () => {
  it('returns null for no samples', () => {
    expect(coefficientOfVariation([])).toBeNull();
  });

  it('returns null when the mean is 0', () => {
    expect(coefficientOfVariation([0, 0, 0])).toBeNull();
  });

  it('returns 0 for one sample or identical samples', () => {
    expect(coefficientOfVariation([20])).toBe(0);
    expect(coefficientOfVariation([20, 20, 20])).toBe(0);
  });

  it('divides the population standard deviation by the mean', () => {
    // mean 5, population variance 4, standard deviation 2
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(
      0.4,
      10,
    );
    // mean 20, deviations ±2: population standard deviation 2 (the sample one would be 2.83)
    expect(coefficientOfVariation([18, 22])).toBeCloseTo(0.1, 10);
  });

  it('does not depend on the order of the samples', () => {
    expect(coefficientOfVariation([9, 2, 5, 7])).toBeCloseTo(
      coefficientOfVariation([2, 5, 7, 9])!,
      12,
    );
  });
});
