/** The `source` of every record this provider delivers. */
export const GITHUB_SOURCE = 'github';

/** A deployment event as `POST /api/delivery/events` accepts it. */
export type DeploymentEvent = {
  type: 'deployment';
  source: string;
  id: string;
  entityRef: string;
  environment: string;
  status: 'success' | 'failure' | 'rolled_back';
  startedAt?: string;
  finishedAt?: string;
  changeIds: string[];
  url?: string;
  reason?: 'planned' | 'hotfix' | 'rollback';
};

/** A change (merged pull request) event as `POST /api/delivery/events` accepts it. */
export type ChangeEvent = {
  type: 'change';
  source: string;
  id: string;
  entityRef: string;
  firstCommitAt: string;
  mergedAt: string;
  title?: string;
  author?: string;
  url?: string;
  /** The pull request's `updated_at`: a late delivery of an older state does not overwrite. */
  updatedAt?: string;
};

/** An upstream record that cannot become a delivery record; it is skipped and reported. */
export class MalformedRecordError extends Error {
  constructor(readonly recordId: string | undefined, reason: string) {
    super(reason);
    this.name = 'MalformedRecordError';
  }
}

const MAX_ID_LENGTH = 255;

function checkedId(value: string) {
  if (value.length > MAX_ID_LENGTH) {
    throw new MalformedRecordError(
      value.slice(0, 80),
      `id longer than ${MAX_ID_LENGTH} characters`,
    );
  }
  return value;
}

/*
 * Ids carry the entity: several components of one monorepo may share a repository, and each keeps
 * its own copy of the repository's records (ids are unique per source).
 */
export const changeIdOf = (entityRef: string, slug: string, pull: number) =>
  checkedId(`${slug}/pull/${pull}@${entityRef}`);

export const deploymentIdOf = (
  entityRef: string,
  slug: string,
  deploymentId: number,
) => checkedId(`${slug}/deployments/${deploymentId}@${entityRef}`);

export const runIdOf = (entityRef: string, slug: string, runId: number) =>
  checkedId(`${slug}/actions/runs/${runId}@${entityRef}`);

/** The value as an ISO 8601 instant; a record without a valid one is malformed. */
export function instantOf(
  value: unknown,
  field: string,
  id: string | undefined,
): string {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) {
    throw new MalformedRecordError(
      id,
      `${field} is not a valid time: ${JSON.stringify(value ?? null)}`,
    );
  }
  return new Date(time).toISOString();
}

const optionalInstant = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? new Date(Date.parse(value)).toISOString()
    : undefined;

const httpUrl = (value: unknown) =>
  typeof value === 'string' && /^https?:\/\//.test(value) ? value : undefined;

/** Commit dates as the PR commits endpoint and webhook payloads give them. */
export type CommitDates = {
  commit?: {
    author?: { date?: string } | null;
    committer?: { date?: string } | null;
  } | null;
};

/** The earliest author or committer date among the commits, if any has one. */
export function firstCommitTime(commits: CommitDates[]): string | undefined {
  let earliest: number | undefined;
  for (const { commit } of commits) {
    for (const date of [commit?.author?.date, commit?.committer?.date]) {
      const time = date ? Date.parse(date) : NaN;
      if (!Number.isNaN(time) && (earliest === undefined || time < earliest)) {
        earliest = time;
      }
    }
  }
  return earliest === undefined ? undefined : new Date(earliest).toISOString();
}

/** Why a deployment was made, when its pull requests say it fixed production. */
export type ReworkReason = 'hotfix' | 'rollback';

/**
 * Labels and branch-name prefixes that mark a pull request as an unplanned fix: `hotfix` as a
 * hotfix, `revert` (GitHub's own revert branches are named `revert-<n>-...`) as a rollback.
 */
export const defaultReworkMarkers: Record<ReworkReason, string[]> = {
  hotfix: ['hotfix'],
  rollback: ['revert'],
};

/**
 * A pull request's rework reason from its labels (equal to a marker, ignoring case) and its head
 * branch (starting with one); a rollback wins over a hotfix.
 */
export function reworkReasonOf(
  pull: { labels?: unknown; head?: { ref?: unknown } | null },
  markers: Record<ReworkReason, string[]> = defaultReworkMarkers,
): ReworkReason | undefined {
  const labels = Array.isArray(pull.labels)
    ? pull.labels
        .map(label =>
          typeof label === 'string'
            ? label
            : (label as { name?: unknown })?.name,
        )
        .filter((name): name is string => typeof name === 'string')
        .map(name => name.toLowerCase())
    : [];
  const branch =
    typeof pull.head?.ref === 'string' ? pull.head.ref.toLowerCase() : '';
  const matches = (reason: ReworkReason) =>
    markers[reason].some(marker => {
      const lower = marker.toLowerCase();
      return labels.includes(lower) || branch.startsWith(lower);
    });
  if (matches('rollback')) return 'rollback';
  if (matches('hotfix')) return 'hotfix';
  return undefined;
}

/** The parts of a pull request (REST list item or webhook payload) a change is made of. */
export type PullRequestFields = {
  number?: unknown;
  title?: unknown;
  html_url?: unknown;
  merged_at?: unknown;
  created_at?: unknown;
  updated_at?: unknown;
  user?: { login?: unknown } | null;
};

/**
 * A merged pull request as a change. The first commit time comes from its commits; without them,
 * the pull request's creation time stands in (never later than the merge).
 */
export function toChangeEvent(options: {
  entityRef: string;
  slug: string;
  pull: PullRequestFields;
  firstCommitAt?: string;
}): ChangeEvent {
  const { entityRef, slug, pull } = options;
  if (typeof pull.number !== 'number' || !Number.isInteger(pull.number)) {
    throw new MalformedRecordError(
      undefined,
      `pull request without a number in ${slug}`,
    );
  }
  const id = changeIdOf(entityRef, slug, pull.number);
  const mergedAt = instantOf(pull.merged_at, 'merged_at', id);
  const firstCommitAt =
    options.firstCommitAt ?? instantOf(pull.created_at, 'created_at', id);
  return {
    type: 'change',
    source: GITHUB_SOURCE,
    id,
    entityRef,
    // A commit dated after the merge (a skewed clock) must not make the lead time negative.
    firstCommitAt:
      Date.parse(firstCommitAt) > Date.parse(mergedAt)
        ? mergedAt
        : firstCommitAt,
    mergedAt,
    ...(typeof pull.title === 'string' && { title: pull.title.slice(0, 1000) }),
    ...(typeof pull.user?.login === 'string' && {
      author: pull.user.login.slice(0, 255),
    }),
    ...(httpUrl(pull.html_url) && { url: httpUrl(pull.html_url) }),
    ...(optionalInstant(pull.updated_at) && {
      updatedAt: optionalInstant(pull.updated_at),
    }),
  };
}

/**
 * A production deployment (GitHub deployment or deploy workflow run) on its way to becoming a
 * deployment record: where its outcome stands and which commit it deployed.
 */
export type DeploymentCandidate = {
  id: string;
  sha: string;
  /** Epoch milliseconds; deployments are linked in this order. */
  createdAt: number;
  outcome: 'success' | 'failure' | 'pending' | 'ignored';
  environment: string;
  startedAt?: string;
  finishedAt?: string;
  url?: string;
};

/** The parts of a GitHub deployment (REST or webhook payload) a candidate is made of. */
export type DeploymentFields = {
  id?: unknown;
  sha?: unknown;
  environment?: unknown;
  created_at?: unknown;
};

/** The parts of a deployment status used to decide the outcome. */
export type DeploymentStatusFields = {
  state?: unknown;
  created_at?: unknown;
  target_url?: unknown;
  log_url?: unknown;
  environment_url?: unknown;
};

const FINAL_STATES: Record<string, 'success' | 'failure'> = {
  success: 'success',
  failure: 'failure',
  error: 'failure',
};

/**
 * The outcome of a deployment from its statuses (newest first): the newest success, failure or
 * error decides. `inactive` comes after a success when a later deployment replaced this one, so it
 * is passed over; without any final state the deployment is still pending.
 */
export function toDeploymentCandidate(options: {
  entityRef: string;
  slug: string;
  deployment: DeploymentFields;
  statuses: DeploymentStatusFields[];
  environment: string;
}): DeploymentCandidate {
  const { entityRef, slug, deployment, statuses, environment } = options;
  if (typeof deployment.id !== 'number') {
    throw new MalformedRecordError(
      undefined,
      `deployment without an id in ${slug}`,
    );
  }
  const id = deploymentIdOf(entityRef, slug, deployment.id);
  if (typeof deployment.sha !== 'string' || deployment.sha === '') {
    throw new MalformedRecordError(id, 'deployment without a sha');
  }
  const createdAt = instantOf(deployment.created_at, 'created_at', id);
  const final = statuses.find(
    status =>
      typeof status.state === 'string' &&
      Object.hasOwn(FINAL_STATES, status.state),
  );
  const started = [...statuses]
    .reverse()
    .find(status => status.state === 'in_progress');
  return {
    id,
    sha: deployment.sha,
    createdAt: Date.parse(createdAt),
    outcome: final ? FINAL_STATES[final.state as string] : 'pending',
    environment,
    startedAt: optionalInstant(started?.created_at) ?? createdAt,
    finishedAt: final
      ? instantOf(final.created_at, 'status created_at', id)
      : undefined,
    url:
      httpUrl(final?.log_url) ??
      httpUrl(final?.target_url) ??
      httpUrl(final?.environment_url),
  };
}

/** The parts of a workflow run (REST or webhook payload) a candidate is made of. */
export type WorkflowRunFields = {
  id?: unknown;
  head_sha?: unknown;
  status?: unknown;
  conclusion?: unknown;
  created_at?: unknown;
  run_started_at?: unknown;
  updated_at?: unknown;
  html_url?: unknown;
};

/**
 * A deploy workflow run: a completed run that succeeded deployed to production, one that failed
 * did not; cancelled, skipped and other conclusions are no deployment.
 */
export function toRunCandidate(options: {
  entityRef: string;
  slug: string;
  run: WorkflowRunFields;
}): DeploymentCandidate {
  const { entityRef, slug, run } = options;
  if (typeof run.id !== 'number') {
    throw new MalformedRecordError(
      undefined,
      `workflow run without an id in ${slug}`,
    );
  }
  const id = runIdOf(entityRef, slug, run.id);
  if (typeof run.head_sha !== 'string' || run.head_sha === '') {
    throw new MalformedRecordError(id, 'workflow run without a head_sha');
  }
  const createdAt = instantOf(run.created_at, 'created_at', id);
  let outcome: DeploymentCandidate['outcome'] = 'ignored';
  if (run.status !== 'completed') {
    outcome = 'pending';
  } else if (run.conclusion === 'success') {
    outcome = 'success';
  } else if (run.conclusion === 'failure') {
    outcome = 'failure';
  }
  const startedAt = optionalInstant(run.run_started_at) ?? createdAt;
  return {
    id,
    sha: run.head_sha,
    createdAt: Date.parse(createdAt),
    outcome,
    environment: 'production',
    startedAt,
    finishedAt:
      outcome === 'success' || outcome === 'failure'
        ? instantOf(run.updated_at, 'updated_at', id)
        : undefined,
    url: httpUrl(run.html_url),
  };
}

/** The deployment record of a finished candidate. */
export function toDeploymentEvent(
  entityRef: string,
  candidate: DeploymentCandidate,
  changeIds: string[],
  reason?: ReworkReason,
): DeploymentEvent {
  if (candidate.outcome !== 'success' && candidate.outcome !== 'failure') {
    throw new Error(`Deployment ${candidate.id} has not finished`);
  }
  return {
    type: 'deployment',
    source: GITHUB_SOURCE,
    id: candidate.id,
    entityRef,
    environment: candidate.environment,
    status: candidate.outcome,
    // A start reported after the finish (clock skew) would make the record invalid.
    startedAt:
      candidate.startedAt &&
      candidate.finishedAt &&
      Date.parse(candidate.startedAt) > Date.parse(candidate.finishedAt)
        ? candidate.finishedAt
        : candidate.startedAt,
    finishedAt: candidate.finishedAt,
    changeIds,
    ...(candidate.url && { url: candidate.url }),
    ...(reason && { reason }),
  };
}
