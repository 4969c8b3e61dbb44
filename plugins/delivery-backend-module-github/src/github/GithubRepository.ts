import { Octokit, RestEndpointMethodTypes } from '@octokit/rest';
import { GithubRepositoryRef } from './GithubClientFactory';

export type PullRequest =
  RestEndpointMethodTypes['pulls']['list']['response']['data'][number];
export type PullRequestCommit =
  RestEndpointMethodTypes['pulls']['listCommits']['response']['data'][number];
export type Deployment =
  RestEndpointMethodTypes['repos']['listDeployments']['response']['data'][number];
export type DeploymentStatus =
  RestEndpointMethodTypes['repos']['listDeploymentStatuses']['response']['data'][number];
export type WorkflowRun =
  RestEndpointMethodTypes['actions']['listWorkflowRuns']['response']['data']['workflow_runs'][number];

/** How `head` relates to `base`, and the commits it has that `base` has not. */
export type Comparison = {
  status: 'ahead' | 'behind' | 'diverged' | 'identical';
  shas: string[];
};

const PER_PAGE = 100;
/** Compare pages read at most: 1,000 commits, as many changes as one deployment may link. */
const MAX_COMPARE_PAGES = 10;

/** The REST calls the provider makes on one repository; pages follow the `Link` headers. */
export class GithubRepository {
  constructor(
    private readonly octokit: Octokit,
    readonly ref: GithubRepositoryRef,
  ) {}

  private get params() {
    return { owner: this.ref.owner, repo: this.ref.repo };
  }

  async defaultBranch(): Promise<string> {
    const { data } = await this.octokit.rest.repos.get(this.params);
    return data.default_branch;
  }

  /** Closed pull requests, the most recently updated first. */
  closedPullPages(perPage = PER_PAGE): AsyncGenerator<PullRequest[]> {
    return this.follow(
      this.octokit.rest.pulls.list({
        ...this.params,
        state: 'closed',
        sort: 'updated',
        direction: 'desc',
        per_page: perPage,
      }),
    );
  }

  /** The pull request's commits, oldest first (the first page is enough for the first commit). */
  async pullCommits(pullNumber: number): Promise<PullRequestCommit[]> {
    const { data } = await this.octokit.rest.pulls.listCommits({
      ...this.params,
      pull_number: pullNumber,
      per_page: PER_PAGE,
    });
    return data;
  }

  /** Deployments to the environment, the newest first. */
  deploymentPages(
    environment: string,
    perPage = PER_PAGE,
  ): AsyncGenerator<Deployment[]> {
    return this.follow(
      this.octokit.rest.repos.listDeployments({
        ...this.params,
        environment,
        per_page: perPage,
      }),
    );
  }

  /** The deployment's statuses, the newest first. */
  async deploymentStatuses(deploymentId: number): Promise<DeploymentStatus[]> {
    const { data } = await this.octokit.rest.repos.listDeploymentStatuses({
      ...this.params,
      deployment_id: deploymentId,
      per_page: PER_PAGE,
    });
    return data;
  }

  /** Runs of a workflow (file name or id) on a branch, the newest first. */
  async *workflowRunPages(options: {
    workflow: string;
    branch: string;
    /** GitHub's `created` filter, e.g. `>=2024-01-01T00:00:00Z`. */
    created?: string;
    status?: 'success';
    perPage?: number;
  }): AsyncGenerator<WorkflowRun[]> {
    for await (const page of this.follow(
      this.octokit.rest.actions.listWorkflowRuns({
        ...this.params,
        workflow_id: options.workflow,
        branch: options.branch,
        per_page: options.perPage ?? PER_PAGE,
        ...(options.status && { status: options.status }),
        ...(options.created && { created: options.created }),
      }),
    )) {
      yield page.workflow_runs;
    }
  }

  async compare(base: string, head: string): Promise<Comparison> {
    const shas: string[] = [];
    let status: Comparison['status'] = 'identical';
    let pages = 0;
    for await (const page of this.follow(
      this.octokit.rest.repos.compareCommitsWithBasehead({
        ...this.params,
        basehead: `${base}...${head}`,
        per_page: PER_PAGE,
      }),
    )) {
      status = page.status;
      shas.push(...page.commits.map(commit => commit.sha));
      if (++pages >= MAX_COMPARE_PAGES) {
        break;
      }
    }
    return { status, shas };
  }

  /** The pages of a list, following the `rel="next"` links GitHub sends. */
  private async *follow<T>(
    first: Promise<{ data: T; headers: { link?: string } }>,
  ): AsyncGenerator<T> {
    let response = await first;
    for (;;) {
      yield response.data;
      const next = nextPageUrl(response.headers.link);
      if (!next) {
        return;
      }
      response = (await this.octokit.request({
        method: 'GET',
        url: next,
      })) as { data: T; headers: { link?: string } };
    }
  }
}

/** The `rel="next"` target of a `Link` header. */
export function nextPageUrl(link: string | undefined): string | undefined {
  return link
    ?.split(',')
    .map(part => /<([^>]+)>\s*;\s*rel="next"/.exec(part)?.[1])
    .find(Boolean);
}
