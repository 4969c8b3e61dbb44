import { http, HttpResponse, delay } from 'msw';

/*
 * GitHub's REST answers, abridged to the fields the provider reads plus enough of the rest to look
 * like the real thing (shapes from docs.github.com/en/rest: pulls, deployments, actions, commits).
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export type FakePull = {
  number: number;
  mergedAt: number | null;
  updatedAt: number;
  createdAt: number;
  firstCommitAt: number;
  base?: string;
  mergeSha: string;
  /** Replaces merged_at as GitHub would never send it, to test a malformed record. */
  rawMergedAt?: string;
};

export type FakeDeployment = {
  id: number;
  sha: string;
  environment: string;
  createdAt: number;
  /** Newest first, as GitHub lists them. */
  statuses: { state: string; at: number }[];
};

export type FakeRun = {
  id: number;
  workflowFile: string;
  headSha: string;
  branch?: string;
  status?: 'completed' | 'in_progress';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
};

export type FakeRepository = {
  owner: string;
  repo: string;
  defaultBranch?: string;
  pulls: FakePull[];
  deployments: FakeDeployment[];
  runs: FakeRun[];
  /** Commits reachable from each deployed sha, oldest first: compare answers from these. */
  history: string[];
};

const iso = (ms: number) => new Date(ms).toISOString();

const user = {
  login: 'octocat',
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  avatar_url: 'https://github.com/images/error/octocat_happy.gif',
  html_url: 'https://github.com/octocat',
  type: 'User',
  site_admin: false,
};

export function pullJson(repo: FakeRepository, pull: FakePull) {
  const api = `https://api.github.com/repos/${repo.owner}/${repo.repo}`;
  return {
    url: `${api}/pulls/${pull.number}`,
    id: 1_000_000 + pull.number,
    node_id: `PR_kwDO${pull.number}`,
    html_url: `https://github.com/${repo.owner}/${repo.repo}/pull/${pull.number}`,
    diff_url: `https://github.com/${repo.owner}/${repo.repo}/pull/${pull.number}.diff`,
    number: pull.number,
    state: 'closed',
    locked: false,
    title: `Change number ${pull.number}`,
    user,
    body: 'Please pull these awesome changes in!',
    labels: [],
    created_at: iso(pull.createdAt),
    updated_at: iso(pull.updatedAt),
    closed_at: iso(pull.mergedAt ?? pull.updatedAt),
    merged_at:
      pull.rawMergedAt ?? (pull.mergedAt === null ? null : iso(pull.mergedAt)),
    merge_commit_sha: pull.mergeSha,
    assignee: null,
    requested_reviewers: [],
    head: {
      label: `octocat:feature-${pull.number}`,
      ref: `feature-${pull.number}`,
      sha: `head${pull.number}`,
      user,
    },
    base: {
      label: `${repo.owner}:${pull.base ?? 'main'}`,
      ref: pull.base ?? 'main',
      sha: 'basesha',
      user,
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
  };
}

export function pullCommitsJson(pull: FakePull) {
  const commit = (sha: string, at: number) => ({
    url: `https://api.github.com/repos/acme/shop/commits/${sha}`,
    sha,
    node_id: `C_${sha}`,
    html_url: `https://github.com/acme/shop/commit/${sha}`,
    commit: {
      url: `https://api.github.com/repos/acme/shop/git/commits/${sha}`,
      author: {
        name: 'Monalisa Octocat',
        email: 'm@example.com',
        date: iso(at),
      },
      committer: {
        name: 'Monalisa Octocat',
        email: 'm@example.com',
        date: iso(at + HOUR_MS),
      },
      message: 'Fix all the bugs',
      comment_count: 0,
    },
    author: user,
    committer: user,
    parents: [],
  });
  return [
    commit(`c${pull.number}a`, pull.firstCommitAt),
    commit(`c${pull.number}b`, pull.firstCommitAt + 2 * HOUR_MS),
  ];
}

export function deploymentJson(repo: FakeRepository, d: FakeDeployment) {
  const api = `https://api.github.com/repos/${repo.owner}/${repo.repo}`;
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: 'main',
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: 'Deploy request from hubot',
    creator: user,
    created_at: iso(d.createdAt),
    updated_at: iso(d.statuses[0]?.at ?? d.createdAt),
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: false,
    production_environment: true,
  };
}

export function deploymentStatusJson(
  repo: FakeRepository,
  d: FakeDeployment,
  status: { state: string; at: number },
  index: number,
) {
  const api = `https://api.github.com/repos/${repo.owner}/${repo.repo}`;
  return {
    url: `${api}/deployments/${d.id}/statuses/${d.id * 10 + index}`,
    id: d.id * 10 + index,
    node_id: `DES_${d.id}_${index}`,
    state: status.state,
    creator: user,
    description: 'Deployment finished successfully.',
    environment: d.environment,
    target_url: `https://example.com/deployment/${d.id}/output`,
    created_at: iso(status.at),
    updated_at: iso(status.at),
    deployment_url: `${api}/deployments/${d.id}`,
    repository_url: api,
    environment_url: 'https://shop.example.com',
    log_url: `https://example.com/deployment/${d.id}/output`,
  };
}

export function runJson(repo: FakeRepository, run: FakeRun) {
  return {
    id: run.id,
    name: 'Deploy',
    node_id: `WFR_${run.id}`,
    head_branch: run.branch ?? 'main',
    head_sha: run.headSha,
    path: `.github/workflows/${run.workflowFile}`,
    display_title: 'Deploy to production',
    run_number: run.id % 1000,
    event: 'push',
    status: run.status ?? 'completed',
    conclusion: run.conclusion,
    workflow_id: 161335,
    url: `https://api.github.com/repos/${repo.owner}/${repo.repo}/actions/runs/${run.id}`,
    html_url: `https://github.com/${repo.owner}/${repo.repo}/actions/runs/${run.id}`,
    created_at: iso(run.createdAt),
    updated_at: iso(run.updatedAt),
    run_attempt: 1,
    run_started_at: iso(run.startedAt),
    actor: user,
    triggering_actor: user,
  };
}

/** Serves `items` in pages of `pageSize` with GitHub's `Link` header. */
function paged<T>(url: URL, items: T[], pageSize: number) {
  const page = Number(url.searchParams.get('page') ?? '1');
  const last = Math.max(1, Math.ceil(items.length / pageSize));
  const headers = new Headers({
    'content-type': 'application/json; charset=utf-8',
  });
  const links = [];
  const linkTo = (target: number) => {
    const next = new URL(url);
    next.searchParams.set('page', String(target));
    return next.toString();
  };
  if (page < last) {
    links.push(
      `<${linkTo(page + 1)}>; rel="next"`,
      `<${linkTo(last)}>; rel="last"`,
    );
  }
  if (page > 1) {
    links.push(
      `<${linkTo(1)}>; rel="first"`,
      `<${linkTo(page - 1)}>; rel="prev"`,
    );
  }
  if (links.length > 0) {
    headers.set('link', links.join(', '));
  }
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    headers,
    page,
  };
}

export type FaultPlan = {
  /** Answers per request key (`pulls:2` = page 2 of pulls, `statuses:<id>`, `repo`, ...). */
  [key: string]: Array<'429' | '502' | 'slow' | '500'> | undefined;
};

/**
 * msw handlers for one repository on a GitHub API base URL; `faults` lets a test make a given
 * request fail a few times first, and `calls` counts requests per key (and their auth headers).
 */
export function fakeGithub(
  repo: FakeRepository,
  options: {
    apiBaseUrl?: string;
    pageSize?: number;
    faults?: FaultPlan;
  } = {},
) {
  const base = `${options.apiBaseUrl ?? 'https://api.github.com'}/repos/${
    repo.owner
  }/${repo.repo}`;
  const pageSize = options.pageSize ?? 3;
  const faults = options.faults ?? {};
  const calls: Record<string, number> = {};
  const authorizations = new Set<string>();

  const fault = async (key: string) => {
    calls[key] = (calls[key] ?? 0) + 1;
    const next = faults[key]?.shift();
    if (next === '429') {
      return HttpResponse.json(
        {
          message: 'You have exceeded a secondary rate limit.',
          documentation_url: 'https://docs.github.com/rest',
        },
        { status: 429, headers: { 'retry-after': '1' } },
      );
    }
    if (next === '502' || next === '500') {
      return HttpResponse.json(
        { message: 'Server Error' },
        { status: Number(next) },
      );
    }
    if (next === 'slow') {
      await delay(2000);
    }
    return undefined;
  };
  const json = (body: unknown, headers?: Headers) =>
    HttpResponse.json(body as any, { headers });

  const handlers = [
    http.get(base, async ({ request }) => {
      authorizations.add(request.headers.get('authorization') ?? '');
      return (
        (await fault('repo')) ??
        json({
          id: 1296269,
          node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
          name: repo.repo,
          full_name: `${repo.owner}/${repo.repo}`,
          owner: { ...user, login: repo.owner },
          private: false,
          html_url: `https://github.com/${repo.owner}/${repo.repo}`,
          default_branch: repo.defaultBranch ?? 'main',
        })
      );
    }),
    http.get(`${base}/pulls`, async ({ request }) => {
      const url = new URL(request.url);
      const sorted = [...repo.pulls]
        .filter(() => url.searchParams.get('state') === 'closed')
        .sort((a, b) => b.updatedAt - a.updatedAt);
      const { items, headers, page } = paged(url, sorted, pageSize);
      return (
        (await fault(`pulls:${page}`)) ??
        json(
          items.map(pull => pullJson(repo, pull)),
          headers,
        )
      );
    }),
    http.get(`${base}/pulls/:number/commits`, async ({ params }) => {
      const pull = repo.pulls.find(p => p.number === Number(params.number));
      return (
        (await fault(`commits:${params.number}`)) ??
        (pull
          ? json(pullCommitsJson(pull))
          : HttpResponse.json({ message: 'Not Found' }, { status: 404 }))
      );
    }),
    http.get(`${base}/deployments`, async ({ request }) => {
      const url = new URL(request.url);
      const environment = url.searchParams.get('environment');
      const sorted = repo.deployments
        .filter(d => !environment || d.environment === environment)
        .sort((a, b) => b.createdAt - a.createdAt);
      const { items, headers, page } = paged(url, sorted, pageSize);
      return (
        (await fault(`deployments:${page}`)) ??
        json(
          items.map(d => deploymentJson(repo, d)),
          headers,
        )
      );
    }),
    http.get(`${base}/deployments/:id/statuses`, async ({ params }) => {
      const d = repo.deployments.find(x => x.id === Number(params.id));
      return (
        (await fault(`statuses:${params.id}`)) ??
        json(
          (d?.statuses ?? []).map((status, index) =>
            deploymentStatusJson(repo, d!, status, index),
          ),
        )
      );
    }),
    http.get(
      `${base}/actions/workflows/:workflow/runs`,
      async ({ request, params }) => {
        const url = new URL(request.url);
        const branch = url.searchParams.get('branch');
        const status = url.searchParams.get('status');
        const created = url.searchParams.get('created') ?? '';
        const [, op, at] = /^([<>]=?)(.*)$/.exec(created) ?? [];
        const bound = at ? Date.parse(at) : NaN;
        const runs = repo.runs
          .filter(run => run.workflowFile === params.workflow)
          .filter(run => !branch || (run.branch ?? 'main') === branch)
          .filter(run => !status || run.conclusion === status)
          .filter(run => {
            if (op === '>=') return run.createdAt >= bound;
            if (op === '<') return run.createdAt < bound;
            return true;
          })
          .sort((a, b) => b.createdAt - a.createdAt);
        const { items, headers, page } = paged(url, runs, pageSize);
        return (
          (await fault(`runs:${page}`)) ??
          json(
            {
              total_count: runs.length,
              workflow_runs: items.map(run => runJson(repo, run)),
            },
            headers,
          )
        );
      },
    ),
    http.get(`${base}/compare/:basehead`, async ({ params }) => {
      const [baseSha, headSha] = String(params.basehead).split('...');
      const b = repo.history.indexOf(baseSha);
      const h = repo.history.indexOf(headSha);
      calls[`compare:${baseSha}...${headSha}`] =
        (calls[`compare:${baseSha}...${headSha}`] ?? 0) + 1;
      if (b < 0 || h < 0) {
        return HttpResponse.json(
          {
            message: 'Not Found',
            documentation_url: 'https://docs.github.com',
          },
          { status: 404 },
        );
      }
      let status = 'identical';
      if (h > b) {
        status = 'ahead';
      } else if (h < b) {
        status = 'behind';
      }
      const ahead = h > b ? repo.history.slice(b + 1, h + 1) : [];
      return json({
        url: `${base}/compare/${params.basehead}`,
        html_url: `https://github.com/${repo.owner}/${repo.repo}/compare/${params.basehead}`,
        status,
        ahead_by: ahead.length,
        behind_by: h < b ? b - h : 0,
        total_commits: ahead.length,
        commits: ahead.map(sha => ({
          sha,
          node_id: `C_${sha}`,
          commit: {
            author: {
              name: 'Monalisa',
              email: 'm@example.com',
              date: '2026-01-01T00:00:00Z',
            },
            committer: {
              name: 'Monalisa',
              email: 'm@example.com',
              date: '2026-01-01T00:00:00Z',
            },
            message: `commit ${sha}`,
          },
          parents: [],
        })),
        files: [],
      });
    }),
  ];
  return { handlers, calls, authorizations };
}
