import { Comparison, GithubRepository } from './GithubRepository';
import { DeploymentCandidate, ReworkReason } from './mapping';

/** A merged pull request by its merge commit: the change id it was stored under. */
export type MergedPull = {
  changeId: string;
  mergedAt: string;
  /** Set when its labels or branch mark it as a hotfix or a rollback. */
  reason?: ReworkReason;
};

/** Merged pull requests keyed by the sha of their merge (or squash) commit. */
export type MergedPulls = Record<string, MergedPull>;

export type ShippedChanges = {
  /** How the deployed commit relates to the previous production deployment's. */
  relation: Comparison['status'] | 'unknown';
  changeIds: string[];
  /** The merge commit shas of the shipped pull requests. */
  mergeShas: string[];
  /** A rollback when one of them is one, else a hotfix when one of them is. */
  reason?: ReworkReason;
};

const isMissingCommit = (error: unknown) =>
  [404, 422].includes((error as { status?: number }).status ?? 0);

/**
 * The pull requests a production deployment shipped: those whose merge commit is among the
 * commits between the previous production deployment's sha and this one's (compare API). Without a
 * previous deployment (or when its commit is gone, e.g. after a force push), every known pull
 * request merged before the deployment was created counts as shipped by it.
 */
export async function shippedChanges(
  repository: GithubRepository,
  base: { sha: string } | undefined,
  head: DeploymentCandidate,
  merged: MergedPulls,
): Promise<ShippedChanges> {
  const pick = (shas: string[]) => {
    const mergeShas = shas.filter(sha => merged[sha]);
    const reasons = new Set(mergeShas.map(sha => merged[sha].reason));
    let reason: ReworkReason | undefined;
    if (reasons.has('rollback')) reason = 'rollback';
    else if (reasons.has('hotfix')) reason = 'hotfix';
    return {
      mergeShas,
      changeIds: [...new Set(mergeShas.map(sha => merged[sha].changeId))],
      ...(reason && { reason }),
    };
  };
  const mergedBefore = () =>
    pick(
      Object.keys(merged).filter(
        sha => Date.parse(merged[sha].mergedAt) <= head.createdAt,
      ),
    );
  if (!base) {
    return { relation: 'unknown', ...mergedBefore() };
  }
  if (base.sha === head.sha) {
    return { relation: 'identical', changeIds: [], mergeShas: [] };
  }
  let comparison: Comparison;
  try {
    comparison = await repository.compare(base.sha, head.sha);
  } catch (error) {
    if (isMissingCommit(error)) {
      return { relation: 'unknown', ...mergedBefore() };
    }
    throw error;
  }
  if (comparison.status === 'behind' || comparison.status === 'identical') {
    return { relation: comparison.status, changeIds: [], mergeShas: [] };
  }
  return { relation: comparison.status, ...pick(comparison.shas) };
}
