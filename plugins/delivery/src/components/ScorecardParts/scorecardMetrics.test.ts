import { scorecardFor } from '../../__testUtils__/teamScorecardFixtures';
import {
  chunk,
  compareNullsLast,
  hasAnyData,
  metricOf,
  teamScorecardMetricKeys,
} from './scorecardMetrics';

describe('chunk', () => {
  it('cuts a list into pieces of at most the given size, in order', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 200)).toEqual([]);
    const refs = Array.from(
      { length: 401 },
      (_, i) => `component:default/s${i}`,
    );
    expect(chunk(refs, 200).map(piece => piece.length)).toEqual([200, 200, 1]);
    expect(chunk(refs, 200).flat()).toEqual(refs);
  });

  it('refuses a size below one', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});

describe('compareNullsLast', () => {
  /** Sorts as material-table does: descending swaps the arguments and says so. */
  const sortLikeMaterialTable = (
    values: (number | null)[],
    direction: 'asc' | 'desc',
  ) =>
    [...values].sort((a, b) =>
      direction === 'desc'
        ? compareNullsLast(b, a, 'desc')
        : compareNullsLast(a, b),
    );

  it('sorts ascending with missing values last', () => {
    expect(sortLikeMaterialTable([3, null, 1, 2], 'asc')).toEqual([
      1,
      2,
      3,
      null,
    ]);
  });

  it('sorts descending with missing values still last', () => {
    expect(sortLikeMaterialTable([3, null, 1, null, 2], 'desc')).toEqual([
      3,
      2,
      1,
      null,
      null,
    ]);
  });
});

describe('metricOf and hasAnyData', () => {
  it('reads the four keys, cycle time and quality from their groups', () => {
    const scorecard = scorecardFor('group:default/a', {
      leadTime: { value: 12 },
      cycleTime: { value: 36 },
      lineCoverage: { value: 84.5 },
      incidentsPer30Days: { value: 3 },
    });
    expect(metricOf(scorecard, 'leadTime').value).toBe(12);
    expect(metricOf(scorecard, 'cycleTime').value).toBe(36);
    expect(metricOf(scorecard, 'lineCoverage').value).toBe(84.5);
    expect(metricOf(scorecard, 'incidentsPer30Days').value).toBe(3);
  });

  it('counts a value now or in the previous window as data', () => {
    expect(
      hasAnyData(scorecardFor('group:default/a'), teamScorecardMetricKeys),
    ).toBe(false);
    expect(
      hasAnyData(
        scorecardFor('group:default/a', { leadTime: { previous: 10 } }),
        teamScorecardMetricKeys,
      ),
    ).toBe(true);
  });
});
