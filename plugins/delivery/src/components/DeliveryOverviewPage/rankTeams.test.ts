import { PerformanceLevel } from '@delivery-insights/backstage-plugin-delivery-common';
import { scorecardFor } from '../../__testUtils__/teamScorecardFixtures';
import { countStrongKeys, rankTeams } from './rankTeams';

const levels = (
  name: string,
  [df, lt, cfr, ttr]: (PerformanceLevel | null)[],
  deploymentsPerDay: number | null,
) => ({
  name,
  scorecard: scorecardFor(`group:default/${name}`, {
    deploymentFrequency: { value: deploymentsPerDay, level: df },
    leadTime: { value: 1, level: lt },
    changeFailureRate: { value: 0.1, level: cfr },
    timeToRestore: { value: 1, level: ttr },
  }),
});

describe('countStrongKeys', () => {
  it('counts the keys at elite or high', () => {
    expect(
      countStrongKeys(
        levels('a', ['elite', 'high', 'medium', null], 1).scorecard,
      ),
    ).toBe(2);
    expect(countStrongKeys(undefined)).toBe(0);
  });
});

describe('rankTeams', () => {
  it('ranks by the count of elite or high keys, then by deployment frequency', () => {
    const ranked = rankTeams([
      levels('search', ['high', 'medium', 'medium', 'low'], 3),
      levels('payments', ['elite', 'elite', 'high', 'medium'], 0.5),
      levels('fulfilment', ['high', 'high', 'medium', 'high'], 2),
      levels('identity', ['low', 'high', 'low', 'low'], null),
      levels('mobile', ['low', 'low', 'high', 'low'], 0.1),
      { name: 'unmeasured' },
    ]);
    expect(ranked.map(team => [team.rank, team.name, team.strongKeys])).toEqual(
      [
        [1, 'fulfilment', 3],
        [2, 'payments', 3],
        [3, 'search', 1],
        [4, 'mobile', 1],
        [5, 'identity', 1],
        [6, 'unmeasured', 0],
      ],
    );
  });

  it('gives teams equal on both criteria the same rank, listed by name', () => {
    const ranked = rankTeams([
      levels('beta', ['elite', 'high', 'low', 'low'], 1),
      levels('alpha', ['high', 'low', 'elite', 'low'], 1),
      levels('gamma', ['low', 'low', 'low', 'low'], 1),
      { name: 'delta' },
      { name: 'charlie' },
    ]);
    expect(ranked.map(team => [team.rank, team.name])).toEqual([
      [1, 'alpha'],
      [1, 'beta'],
      [3, 'gamma'],
      [4, 'charlie'],
      [4, 'delta'],
    ]);
  });

  it('keeps the teams’ own fields', () => {
    const [first] = rankTeams([{ name: 'a', entityRef: 'group:default/a' }]);
    expect(first).toEqual({
      name: 'a',
      entityRef: 'group:default/a',
      rank: 1,
      strongKeys: 0,
    });
  });
});
