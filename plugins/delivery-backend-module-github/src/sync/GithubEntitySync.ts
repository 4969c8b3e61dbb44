import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  annotationValues,
  deployWorkflowsOf,
  DeliveryIngestion,
  DeliverySyncState,
  ingestInBatches,
  jsonCursor,
  normalizeEnvironment,
  PRODUCTION_ENVIRONMENTS_ANNOTATION,
  SkippedRecord,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { GithubClientFactory } from '../github/GithubClientFactory';
import { GithubRepository } from '../github/GithubRepository';
import {
  DeploymentCandidate,
  DeploymentEvent,
  firstCommitTime,
  MalformedRecordError,
  toChangeEvent,
  toDeploymentCandidate,
  toDeploymentEvent,
  reworkReasonOf,
  toRunCandidate,
} from '../github/mapping';
import { MergedPulls, shippedChanges } from '../github/shippedChanges';

const DAY_MS = 86_400_000;
/** Deployments processed between two saved progress points. */
const DEPLOYMENTS_PER_PROGRESS = 100;
/** Older deployments inspected to find the one before the backfill window. */
const BASE_SEARCH_LIMIT = 5;
/** A deployment pending for longer than this no longer holds the cursor back. */
const PENDING_GRACE_MS = DAY_MS;

/** What the provider remembers per entity between syncs (stored as JSON). */
export type GithubCursor = {
  /** Closed pull requests updated at or after this instant are read again. */
  pullsSince?: string;
  /** Deployments (or deploy runs) created at or after this instant are read again. */
  deploymentsSince?: string;
  /** Deployments at or after `deploymentsSince` already stored, by id, with their creation time. */
  done?: Record<string, number>;
  /** The newest production deployment stored: the base of the next one's changes. */
  last?: { sha: string; createdAt: number; event: DeploymentEvent };
  /** Merged pull requests no production deployment has shipped yet. */
  unshipped?: MergedPulls;
};

const githubCursor = jsonCursor<GithubCursor>(parsed =>
  typeof parsed === 'object' && parsed !== null
    ? (parsed as GithubCursor)
    : undefined,
);

const skippedOf = (error: unknown): SkippedRecord => {
  if (error instanceof MalformedRecordError) {
    return { id: error.recordId, reason: error.message };
  }
  throw error;
};

/** Each id once, a later copy winning (one upsert may not touch a row twice). */
function uniqueById<T extends { id: string }>(events: T[]): T[] {
  return [...new Map(events.map(event => [event.id, event])).values()];
}

/**
 * One entity's sync: merged pull requests, then production deployments (GitHub Deployments, or
 * the runs of the entity's deploy workflows), each linked to the pull requests it shipped.
 */
export class GithubEntitySync {
  constructor(
    private readonly options: {
      clients: GithubClientFactory;
      ingestion: DeliveryIngestion;
      syncState: DeliverySyncState;
      backfillDays: number;
      now?: () => number;
    },
  ) {}

  async run(entity: Entity): Promise<void> {
    const { clients, syncState } = this.options;
    const entityRef = stringifyEntityRef(entity);
    const ref = clients.repositoryOf(entity);
    if (!ref) {
      throw new InputError(
        `${entityRef}: github.com/project-slug must be owner/name`,
      );
    }
    const repository = new GithubRepository(
      await clients.forRepository(ref),
      ref,
    );
    const now = (this.options.now ?? Date.now)();
    const cursor =
      githubCursor.parse(await syncState.getCursor(entityRef)) ?? {};
    const backfillFrom = now - this.options.backfillDays * DAY_MS;
    const defaultBranch = await repository.defaultBranch();

    await this.syncPulls(entityRef, repository, defaultBranch, cursor, {
      since: cursor.pullsSince ? Date.parse(cursor.pullsSince) : backfillFrom,
      backfillFrom,
    });
    await this.syncDeployments(entity, repository, defaultBranch, cursor, {
      since: cursor.deploymentsSince
        ? Date.parse(cursor.deploymentsSince)
        : backfillFrom,
      now,
    });
  }

  private async ingest(events: unknown[]) {
    await ingestInBatches(this.options.ingestion, events);
  }

  private async syncPulls(
    entityRef: string,
    repository: GithubRepository,
    defaultBranch: string,
    cursor: GithubCursor,
    window: { since: number; backfillFrom: number },
  ) {
    const { syncState } = this.options;
    const { slug } = repository.ref;
    const unshipped: MergedPulls = {};
    // Pull requests merged before the backfill window will not be linked any more.
    for (const [sha, pull] of Object.entries(cursor.unshipped ?? {})) {
      if (Date.parse(pull.mergedAt) >= window.backfillFrom) {
        unshipped[sha] = pull;
      }
    }
    cursor.unshipped = unshipped;
    let newest = window.since;
    for await (const page of repository.closedPullPages()) {
      const events = [];
      const skipped: SkippedRecord[] = [];
      let seen = 0;
      let reachedOlder = false;
      for (const pull of page) {
        const updatedAt = Date.parse(pull.updated_at);
        if (updatedAt < window.since) {
          reachedOlder = true;
          continue;
        }
        seen++;
        if (updatedAt > newest) {
          newest = updatedAt;
        }
        if (!pull.merged_at || pull.base?.ref !== defaultBranch) {
          continue;
        }
        try {
          // Validates the record before spending a request on its commits.
          toChangeEvent({ entityRef, slug, pull });
          const event = toChangeEvent({
            entityRef,
            slug,
            pull,
            firstCommitAt: firstCommitTime(
              await repository.pullCommits(pull.number),
            ),
          });
          events.push(event);
          if (pull.merge_commit_sha) {
            const reason = reworkReasonOf(pull);
            unshipped[pull.merge_commit_sha] = {
              changeId: event.id,
              mergedAt: event.mergedAt,
              ...(reason && { reason }),
            };
          }
        } catch (error) {
          skipped.push(skippedOf(error));
        }
      }
      await this.ingest(events);
      await syncState.saveProgress(entityRef, {
        cursor: JSON.stringify(cursor),
        recordsSeen: seen,
        skipped,
      });
      if (reachedOlder) {
        break;
      }
    }
    cursor.pullsSince = new Date(newest).toISOString();
  }

  /** The candidates created since the cursor, and the newest success before it on a first sync. */
  private async fetchCandidates(
    entity: Entity,
    repository: GithubRepository,
    defaultBranch: string,
    since: number,
    needBase: boolean,
  ) {
    const entityRef = stringifyEntityRef(entity);
    const { slug } = repository.ref;
    const candidates: DeploymentCandidate[] = [];
    const skipped: SkippedRecord[] = [];
    let seen = 0;
    let base: { sha: string; createdAt: number } | undefined;
    const considerBase = (candidate: DeploymentCandidate) => {
      if (
        candidate.outcome === 'success' &&
        (!base || candidate.createdAt > base.createdAt)
      ) {
        base = { sha: candidate.sha, createdAt: candidate.createdAt };
      }
    };
    const workflows = deployWorkflowsOf(entity);
    const sinceIso = new Date(since).toISOString();
    for (const workflow of workflows) {
      for await (const page of repository.workflowRunPages({
        workflow,
        branch: defaultBranch,
        created: `>=${sinceIso}`,
      })) {
        for (const run of page) {
          seen++;
          try {
            candidates.push(toRunCandidate({ entityRef, slug, run }));
          } catch (error) {
            skipped.push(skippedOf(error));
          }
        }
      }
      if (needBase) {
        for await (const page of repository.workflowRunPages({
          workflow,
          branch: defaultBranch,
          created: `<${sinceIso}`,
          status: 'success',
          perPage: 1,
        })) {
          for (const run of page) {
            considerBase(toRunCandidate({ entityRef, slug, run }));
          }
          break;
        }
      }
    }
    if (workflows.length > 0) {
      return { candidates, skipped, seen, base };
    }
    const environments = annotationValues(
      entity,
      PRODUCTION_ENVIRONMENTS_ANNOTATION,
    );
    for (const environment of environments.length > 0
      ? environments
      : ['production']) {
      seen += await this.scanDeployments(entity, repository, environment, {
        since,
        needBase,
        onCandidate: candidate => candidates.push(candidate),
        onOlder: considerBase,
        onSkipped: record => skipped.push(record),
      });
    }
    return { candidates, skipped, seen, base };
  }

  /**
   * Deployments to one environment created since the cursor, newest first; on a first sync also a
   * few older ones, until one that succeeded (the base of the first linked deployment).
   */
  private async scanDeployments(
    entity: Entity,
    repository: GithubRepository,
    environment: string,
    scan: {
      since: number;
      needBase: boolean;
      onCandidate: (candidate: DeploymentCandidate) => void;
      onOlder: (candidate: DeploymentCandidate) => void;
      onSkipped: (record: SkippedRecord) => void;
    },
  ): Promise<number> {
    const entityRef = stringifyEntityRef(entity);
    let olderInspected = 0;
    let seen = 0;
    for await (const page of repository.deploymentPages(environment)) {
      for (const deployment of page) {
        const older = Date.parse(deployment.created_at) < scan.since;
        if (older && (!scan.needBase || olderInspected >= BASE_SEARCH_LIMIT)) {
          return seen;
        }
        if (!older) {
          seen++;
        }
        try {
          const statuses =
            typeof deployment.id === 'number'
              ? await repository.deploymentStatuses(deployment.id)
              : [];
          const candidate = toDeploymentCandidate({
            entityRef,
            slug: repository.ref.slug,
            deployment,
            statuses,
            environment: normalizeEnvironment(
              entity,
              deployment.environment ?? environment,
            ),
          });
          if (!older) {
            scan.onCandidate(candidate);
          } else {
            olderInspected++;
            scan.onOlder(candidate);
            if (candidate.outcome === 'success') {
              return seen;
            }
          }
        } catch (error) {
          const record = skippedOf(error);
          if (!older) {
            scan.onSkipped(record);
          }
        }
      }
    }
    return seen;
  }

  private async syncDeployments(
    entity: Entity,
    repository: GithubRepository,
    defaultBranch: string,
    cursor: GithubCursor,
    window: { since: number; now: number },
  ) {
    const { syncState } = this.options;
    const entityRef = stringifyEntityRef(entity);
    const fetched = await this.fetchCandidates(
      entity,
      repository,
      defaultBranch,
      window.since,
      !cursor.last,
    );
    const done = (cursor.done = cursor.done ?? {});
    const unshipped = (cursor.unshipped = cursor.unshipped ?? {});
    let last: { sha: string; createdAt: number } | undefined =
      cursor.last ?? fetched.base;
    let events: DeploymentEvent[] = [];
    let skipped = fetched.skipped;
    let seen = fetched.seen;
    let pendingSince: number | undefined;
    let newest = window.since;

    const saveProgress = async () => {
      await this.ingest(uniqueById(events));
      await syncState.saveProgress(entityRef, {
        cursor: JSON.stringify(cursor),
        recordsSeen: seen,
        skipped,
      });
      events = [];
      skipped = [];
      seen = 0;
    };

    const candidates = [...fetched.candidates].sort(
      (a, b) => a.createdAt - b.createdAt,
    );
    let processed = 0;
    for (const candidate of candidates) {
      newest = Math.max(newest, candidate.createdAt);
      if (done[candidate.id] !== undefined) {
        continue;
      }
      if (candidate.outcome === 'pending') {
        if (candidate.createdAt >= window.now - PENDING_GRACE_MS) {
          pendingSince = Math.min(
            pendingSince ?? candidate.createdAt,
            candidate.createdAt,
          );
        }
        continue;
      }
      if (
        candidate.outcome === 'success' &&
        !(last && candidate.createdAt < last.createdAt)
      ) {
        const shipped = await shippedChanges(
          repository,
          last,
          candidate,
          unshipped,
        );
        if (shipped.relation === 'behind' && cursor.last) {
          // The older code went back out: the previous deployment was rolled back.
          events.push({ ...cursor.last.event, status: 'rolled_back' });
        }
        const event = toDeploymentEvent(
          entityRef,
          candidate,
          shipped.changeIds,
          shipped.reason,
        );
        events.push(event);
        for (const sha of shipped.mergeShas) {
          delete unshipped[sha];
        }
        last = { sha: candidate.sha, createdAt: candidate.createdAt };
        cursor.last = { ...last, event };
      } else if (candidate.outcome !== 'ignored') {
        // A failed deployment never reached production, and one that finished after a newer one
        // was already stored shipped nothing that one has not.
        events.push(toDeploymentEvent(entityRef, candidate, []));
      }
      done[candidate.id] = candidate.createdAt;
      if (++processed % DEPLOYMENTS_PER_PROGRESS === 0) {
        await saveProgress();
      }
    }

    const nextSince = pendingSince ?? newest;
    cursor.deploymentsSince = new Date(nextSince).toISOString();
    for (const [id, createdAt] of Object.entries(done)) {
      if (createdAt < nextSince) {
        delete done[id];
      }
    }
    await saveProgress();
  }
}
