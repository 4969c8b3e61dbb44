import { http, HttpResponse, JsonBodyType } from 'msw';

// Response shapes copied from docs.gitlab.com (api/deployments, api/merge_requests,
// api/commits); only ids, times, statuses and environments vary between records.

/** An ISO instant `days` days and `hours` hours before now, rounded to the minute. */
export const ago = (days: number, hours = 0) =>
  new Date(
    Math.floor((Date.now() - (days * 24 + hours) * 3_600_000) / 60_000) *
      60_000,
  ).toISOString();

const user = {
  id: 1,
  name: 'Administrator',
  username: 'root',
  state: 'active',
  avatar_url:
    'http://www.gravatar.com/avatar/e64c7d89f26bd1972efa854d13d7dd61?s=80&d=identicon',
  web_url: 'http://localhost:3000/root',
};

/** A deployment as `GET /projects/:id/deployments` lists it. */
export function gitlabDeployment(options: {
  id: number;
  iid?: number;
  status: string;
  environment: string;
  startedAt: string;
  finishedAt: string;
  updatedAt?: string;
}) {
  const sha = '99d03678b90d914dbb1b109132516d71a4a03ea8';
  return {
    created_at: options.startedAt,
    updated_at: options.updatedAt ?? options.finishedAt,
    status: options.status,
    deployable: {
      commit: {
        author_email: 'admin@example.com',
        author_name: 'Administrator',
        created_at: options.startedAt,
        id: sha,
        message:
          "Merge branch 'new-title' into 'main'\r\n\r\nUpdate README\r\n\r\n\r\n\r\nSee merge request !1",
        short_id: '99d03678',
        title: "Merge branch 'new-title' into 'main'\r",
      },
      coverage: null,
      created_at: options.startedAt,
      finished_at: options.finishedAt,
      id: 600 + options.id,
      name: 'deploy',
      ref: 'main',
      runner: null,
      stage: 'deploy',
      started_at: options.startedAt,
      status: options.status === 'canceled' ? 'canceled' : options.status,
      tag: false,
      web_url: `https://gitlab.com/northwind/checkout/-/jobs/${
        600 + options.id
      }`,
      project: { ci_job_token_scope_enabled: false },
      user: { ...user, created_at: '2015-12-21T13:14:24.077Z', bio: null },
      pipeline: {
        created_at: options.startedAt,
        id: 36,
        ref: 'main',
        sha,
        status: 'success',
        updated_at: options.startedAt,
        web_url: 'https://gitlab.com/northwind/checkout/pipelines/12',
      },
    },
    environment: {
      external_url: 'https://checkout.example.com',
      id: 9,
      name: options.environment,
    },
    id: options.id,
    iid: options.iid ?? options.id,
    ref: 'main',
    sha,
    user,
  };
}

/** A merged merge request as `GET /projects/:id/merge_requests` lists it. */
export function gitlabMergeRequest(options: {
  id: number;
  iid: number;
  title?: string;
  createdAt: string;
  mergedAt: string | null;
  updatedAt?: string;
  author?: string;
}) {
  return {
    id: options.id,
    iid: options.iid,
    project_id: 3,
    title: options.title ?? `Change ${options.iid}`,
    description: 'fixed login page css paddings',
    state: 'merged',
    merged_by: { ...user, id: 87854, username: 'DouweM', name: 'Douwe Maan' },
    merged_at: options.mergedAt,
    closed_by: null,
    closed_at: null,
    created_at: options.createdAt,
    updated_at: options.updatedAt ?? options.mergedAt ?? options.createdAt,
    target_branch: 'main',
    source_branch: `change-${options.iid}`,
    upvotes: 0,
    downvotes: 0,
    author: { ...user, username: options.author ?? 'admin' },
    assignee: null,
    assignees: [],
    source_project_id: 3,
    target_project_id: 3,
    labels: [],
    draft: false,
    work_in_progress: false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: 'can_be_merged',
    sha: '8888888888888888888888888888888888888888',
    merge_commit_sha: null,
    squash_commit_sha: null,
    user_notes_count: 1,
    discussion_locked: null,
    should_remove_source_branch: true,
    force_remove_source_branch: false,
    web_url: `https://gitlab.com/northwind/checkout/-/merge_requests/${options.iid}`,
    references: {
      short: `!${options.iid}`,
      relative: `!${options.iid}`,
      full: `northwind/checkout!${options.iid}`,
    },
    time_stats: {
      time_estimate: 0,
      total_time_spent: 0,
      human_time_estimate: null,
      human_total_time_spent: null,
    },
    squash: false,
    task_completion_status: { count: 0, completed_count: 0 },
  };
}

/** A commit as `GET /projects/:id/merge_requests/:iid/commits` lists it. */
export function gitlabCommit(options: {
  authoredAt: string;
  committedAt?: string;
}) {
  return {
    id: 'ed899a2f4b50b4370feeea94676502b42383c746',
    short_id: 'ed899a2f4b5',
    title: 'Replace sanitize with escape once',
    author_name: 'Example User',
    author_email: 'user@example.com',
    authored_date: options.authoredAt,
    committer_name: 'Example User',
    committer_email: 'user@example.com',
    committed_date: options.committedAt ?? options.authoredAt,
    created_at: options.committedAt ?? options.authoredAt,
    message: 'Replace sanitize with escape once',
    parent_ids: ['6104942438c14ec7bd21c6cd5bd995272b3faff6'],
    web_url:
      'https://gitlab.com/northwind/checkout/-/commit/ed899a2f4b50b4370feeea94676502b42383c746',
  };
}

type Fault = {
  match: (url: URL) => boolean;
  times: number;
  respond: () => Response | Promise<Response>;
};

type Project = {
  deployments: ReturnType<typeof gitlabDeployment>[];
  mergeRequests: ReturnType<typeof gitlabMergeRequest>[];
  /** Commits per merge request iid. */
  commits: Map<number, ReturnType<typeof gitlabCommit>[]>;
  /** Merge request ids shipped per deployment id. */
  shipped: Map<number, number[]>;
};

const byUpdate = (a: { updated_at: string }, b: { updated_at: string }) =>
  Date.parse(a.updated_at) - Date.parse(b.updated_at);

/**
 * A GitLab instance behind msw: one project's deployments and merge requests with GitLab's filters,
 * ordering and offset pagination headers, a token check, a request log and injectable faults.
 */
export class FakeGitLab {
  readonly project: Project = {
    deployments: [],
    mergeRequests: [],
    commits: new Map(),
    shipped: new Map(),
  };
  readonly requests: URL[] = [];
  /** Items per page regardless of `per_page`, to exercise pagination with few records. */
  pageSize?: number;
  /** Which pagination headers to send: GitLab sends both for offset pagination. */
  pagination: 'both' | 'link' | 'x-next-page' = 'both';
  private faults: Fault[] = [];

  constructor(
    readonly options: {
      apiBaseUrl?: string;
      projectSlug?: string;
      token?: string;
    } = {},
  ) {}

  get apiBaseUrl() {
    return this.options.apiBaseUrl ?? 'https://gitlab.com/api/v4';
  }

  /** Answers the next `times` requests matching with `respond` instead of the data. */
  fail(
    match: (url: URL) => boolean,
    respond: () => Response | Promise<Response>,
    times = 1,
  ) {
    this.faults.push({ match, respond, times });
  }

  /** Requests made to a path ending, e.g. `/deployments`. */
  requestsTo(suffix: string) {
    return this.requests.filter(url => url.pathname.endsWith(suffix));
  }

  handlers() {
    return [
      http.get(`${this.apiBaseUrl}/*`, ({ request }) => this.route(request)),
    ];
  }

  private async route(request: Request) {
    const url = new URL(request.url);
    this.requests.push(url);
    const fault = this.faults.find(f => f.times > 0 && f.match(url));
    if (fault) {
      fault.times--;
      return fault.respond();
    }
    const token = this.options.token ?? 'glpat-test-token';
    if (request.headers.get('authorization') !== `Bearer ${token}`) {
      return HttpResponse.json(
        { message: '401 Unauthorized' },
        { status: 401 },
      );
    }
    const prefix = `${
      new URL(this.apiBaseUrl).pathname
    }/projects/${encodeURIComponent(
      this.options.projectSlug ?? 'northwind/checkout',
    )}`;
    if (!url.pathname.startsWith(prefix)) {
      return HttpResponse.json(
        { message: '404 Project Not Found' },
        { status: 404 },
      );
    }
    const path = url.pathname.slice(prefix.length);
    const { deployments, mergeRequests, commits, shipped } = this.project;
    const updatedAfter = url.searchParams.get('updated_after');
    if (path === '/deployments') {
      // Deployments: "updated after the specified date" (exclusive).
      return this.page(
        url,
        deployments
          .filter(
            d =>
              !updatedAfter ||
              Date.parse(d.updated_at) > Date.parse(updatedAfter),
          )
          .sort(byUpdate),
      );
    }
    const deploymentMatch = /^\/deployments\/(\d+)$/.exec(path);
    if (deploymentMatch) {
      const deployment = deployments.find(
        d => d.id === Number(deploymentMatch[1]),
      );
      return deployment
        ? HttpResponse.json(deployment)
        : HttpResponse.json({ message: '404 Not found' }, { status: 404 });
    }
    const shippedMatch = /^\/deployments\/(\d+)\/merge_requests$/.exec(path);
    if (shippedMatch) {
      const ids = shipped.get(Number(shippedMatch[1])) ?? [];
      return this.page(
        url,
        mergeRequests.filter(mr => ids.includes(mr.id)),
      );
    }
    if (path === '/merge_requests') {
      // Merge requests: "updated on or after the given time" (inclusive).
      return this.page(
        url,
        mergeRequests
          .filter(
            mr =>
              url.searchParams.get('state') !== 'merged' ||
              mr.state === 'merged',
          )
          .filter(
            mr =>
              !updatedAfter ||
              Date.parse(mr.updated_at) >= Date.parse(updatedAfter),
          )
          .sort(byUpdate),
      );
    }
    const mergeRequestMatch = /^\/merge_requests\/(\d+)$/.exec(path);
    if (mergeRequestMatch) {
      const mergeRequest = mergeRequests.find(
        mr => mr.iid === Number(mergeRequestMatch[1]),
      );
      return mergeRequest
        ? HttpResponse.json(mergeRequest)
        : HttpResponse.json({ message: '404 Not found' }, { status: 404 });
    }
    const commitsMatch = /^\/merge_requests\/(\d+)\/commits$/.exec(path);
    if (commitsMatch) {
      return this.page(url, commits.get(Number(commitsMatch[1])) ?? []);
    }
    return HttpResponse.json({ error: '404 Not Found' }, { status: 404 });
  }

  private page(url: URL, items: JsonBodyType[]) {
    const perPage =
      this.pageSize ?? Number(url.searchParams.get('per_page') ?? 20);
    const page = Number(url.searchParams.get('page') ?? 1);
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const next = page < totalPages ? String(page + 1) : '';
    const pageUrl = (n: number) => {
      const target = new URL(url);
      target.searchParams.set('page', String(n));
      return target.toString();
    };
    const links = [
      ...(next ? [`<${pageUrl(page + 1)}>; rel="next"`] : []),
      `<${pageUrl(1)}>; rel="first"`,
      `<${pageUrl(totalPages)}>; rel="last"`,
    ];
    const headers: Record<string, string> = {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-total': String(items.length),
      'x-total-pages': String(totalPages),
      'x-prev-page': page > 1 ? String(page - 1) : '',
    };
    if (this.pagination !== 'link') {
      headers['x-next-page'] = next;
    }
    if (this.pagination !== 'x-next-page') {
      headers.link = links.join(', ');
    }
    return HttpResponse.json(
      items.slice((page - 1) * perPage, page * perPage),
      { headers },
    );
  }
}
