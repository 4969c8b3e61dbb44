import { Scorecard } from '@delivery-insights/backstage-plugin-delivery-common';
import { leveledDoraKeys } from '../ScorecardParts/scorecardMetrics';

/** A team to rank: its display name and its rolled-up scorecard, if the backend returned one. */
export type TeamStanding = {
  name: string;
  scorecard?: Scorecard;
};

/** A team with its place: equal places share a rank ("1, 2, 2, 4"). */
export type RankedTeam<T extends TeamStanding> = T & {
  rank: number;
  /** How many of the four keys are at the elite or high level. */
  strongKeys: number;
};

/** How many of the four keys of a scorecard are at the elite or high level. */
export function countStrongKeys(scorecard: Scorecard | undefined): number {
  if (!scorecard) {
    return 0;
  }
  return leveledDoraKeys.filter(key => {
    const level = scorecard.dora[key]?.level;
    return level === 'elite' || level === 'high';
  }).length;
}

const deploymentFrequency = (team: TeamStanding): number | null =>
  team.scorecard?.dora.deploymentFrequency?.value ?? null;

/** Higher deployment frequency first; a team without one after every team with one. */
const byDeploymentFrequency = (a: TeamStanding, b: TeamStanding): number => {
  const x = deploymentFrequency(a);
  const y = deploymentFrequency(b);
  if (x === y) {
    return 0;
  }
  if (x === null) {
    return 1;
  }
  if (y === null) {
    return -1;
  }
  return y - x;
};

/**
 * Ranks teams: most of the four keys at elite or high first, then the higher deployment frequency
 * (a team without one last); teams equal on both share a rank and are listed by name.
 */
export function rankTeams<T extends TeamStanding>(
  teams: readonly T[],
): RankedTeam<T>[] {
  const sorted = teams
    .map(team => ({ ...team, strongKeys: countStrongKeys(team.scorecard) }))
    .sort(
      (a, b) =>
        b.strongKeys - a.strongKeys ||
        byDeploymentFrequency(a, b) ||
        a.name.localeCompare(b.name),
    );
  const ranked: RankedTeam<T>[] = [];
  sorted.forEach((team, index) => {
    const previous = ranked[index - 1];
    const tied =
      previous !== undefined &&
      previous.strongKeys === team.strongKeys &&
      byDeploymentFrequency(previous, team) === 0;
    ranked.push({ ...team, rank: tied ? previous.rank : index + 1 });
  });
  return ranked;
}
