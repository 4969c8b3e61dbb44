import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  ScmIntegrationRegistry,
  ScmIntegrations,
} from '@backstage/integration';
import { RetryOptions } from '@delivery-insights/backstage-plugin-delivery-node';
import { GitLabClient } from './client/GitLabClient';

/** The GitLab project of an entity, `group/subgroup/project` (the ecosystem's usual annotation). */
export const GITLAB_PROJECT_SLUG_ANNOTATION = 'gitlab.com/project-slug';
/** The GitLab host of an entity, as the community GitLab plugin names it. */
export const GITLAB_INSTANCE_ANNOTATION = 'gitlab.com/instance';

const LOCATION_ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/managed-by-location',
];

/** A GitLab project on one instance. */
export type GitLabProject = { host: string; slug: string };

const hostOfLocation = (location: string | undefined) => {
  const target = location?.replace(/^url:/, '');
  try {
    return target ? new URL(target).host : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Which GitLab instance and project an entity names, and a client for each instance configured
 * under `integrations.gitlab` (gitlab.com is always there; self-managed hosts with their own
 * `apiBaseUrl` and token).
 */
export class GitLabProjects {
  static fromConfig(config: Config, retry: RetryOptions) {
    return new GitLabProjects(
      ScmIntegrations.fromConfig(config),
      config.getOptionalString('delivery.gitlab.host') ?? 'gitlab.com',
      retry,
    );
  }

  constructor(
    private readonly integrations: ScmIntegrationRegistry,
    private readonly defaultHost: string,
    private readonly retry: RetryOptions,
  ) {}

  /**
   * The entity's project: the host is `gitlab.com/instance`, else the host of its source or
   * catalog location when that is a configured GitLab, else `delivery.gitlab.host`.
   */
  projectOf(entity: Entity): GitLabProject | undefined {
    const annotations = entity.metadata.annotations ?? {};
    const slug = annotations[GITLAB_PROJECT_SLUG_ANNOTATION]?.trim().replace(
      /^\/+|\/+$/g,
      '',
    );
    if (!slug) {
      return undefined;
    }
    const instance = annotations[GITLAB_INSTANCE_ANNOTATION]?.trim();
    const fromLocation = LOCATION_ANNOTATIONS.map(name =>
      hostOfLocation(annotations[name]),
    ).find(host => host && this.integrations.gitlab.byHost(host));
    return { host: instance || fromLocation || this.defaultHost, slug };
  }

  /** True when the project is the one a webhook names (GitLab paths are case-insensitive). */
  static sameProject(a: GitLabProject, b: GitLabProject) {
    return (
      a.host.toLowerCase() === b.host.toLowerCase() &&
      a.slug.toLowerCase() === b.slug.toLowerCase()
    );
  }

  /** The API client of a host; throws when `integrations.gitlab` has no entry for it. */
  clientFor(host: string): GitLabClient {
    const integration = this.integrations.gitlab.byHost(host);
    if (!integration) {
      throw new Error(
        `No integrations.gitlab entry for host ${host}; add one with its apiBaseUrl and token`,
      );
    }
    return new GitLabClient(integration.config, this.retry);
  }
}
