import { scorecardFor } from '../../__testUtils__/teamScorecardFixtures';
import { levelDistribution } from './levelDistribution';

describe('levelDistribution', () => {
  it('counts services per level of each key, with no value as no data', () => {
    const distribution = levelDistribution([
      scorecardFor('component:default/a', {
        deploymentFrequency: { value: 2, level: 'elite' },
        leadTime: { value: 10, level: 'elite' },
      }),
      scorecardFor('component:default/b', {
        deploymentFrequency: { value: 0.5, level: 'high' },
        leadTime: { value: 100, level: 'high' },
        changeFailureRate: { value: 0.3, level: 'low' },
      }),
      scorecardFor('component:default/c', {
        deploymentFrequency: { value: 0.5, level: 'high' },
        leadTime: { value: 500, level: 'medium' },
        timeToRestore: { value: 200, level: 'low' },
      }),
      scorecardFor('component:default/d'),
      undefined,
    ]);
    expect(distribution).toEqual({
      deploymentFrequency: { elite: 1, high: 2, medium: 0, low: 0, none: 2 },
      leadTime: { elite: 1, high: 1, medium: 1, low: 0, none: 2 },
      changeFailureRate: { elite: 0, high: 0, medium: 0, low: 1, none: 4 },
      timeToRestore: { elite: 0, high: 0, medium: 0, low: 1, none: 4 },
    });
  });

  it('has every bucket at zero without services', () => {
    expect(levelDistribution([]).leadTime).toEqual({
      elite: 0,
      high: 0,
      medium: 0,
      low: 0,
      none: 0,
    });
  });
});
