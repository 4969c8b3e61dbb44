import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  fetchWithRetry,
  RetryOptions,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { Octokit } from '@octokit/rest';

/** The annotation that names an entity's repository, `owner/name`. */
export const GITHUB_PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

/** One repository on one GitHub host. */
export type GithubRepositoryRef = {
  host: string;
  owner: string;
  repo: string;
  /** `owner/name` as the annotation and webhook payloads spell it. */
  slug: string;
};

/**
 * Octokit clients authenticated from `integrations.github` (a token or a GitHub App, whichever the
 * integration of the host has), talking to the host's API base URL (GitHub Enterprise too), with
 * every request going through `fetchWithRetry`: rate limits waited out, 5xx and timeouts retried.
 */
export class GithubClientFactory {
  private readonly integrations: ScmIntegrations;
  private readonly credentials: GithubCredentialsProvider;

  constructor(
    config: Config,
    private readonly options: {
      defaultHost: string;
      retry: Omit<RetryOptions, 'onRetry'>;
      logger: LoggerService;
    },
  ) {
    this.integrations = ScmIntegrations.fromConfig(config);
    this.credentials = DefaultGithubCredentialsProvider.fromIntegrations(
      this.integrations,
    );
  }

  /**
   * The entity's repository: its `github.com/project-slug` on the configured host, or on the host
   * of its source location when that host is another configured GitHub integration.
   */
  repositoryOf(entity: Entity): GithubRepositoryRef | undefined {
    const slug =
      entity.metadata.annotations?.[GITHUB_PROJECT_SLUG_ANNOTATION]?.trim();
    const [owner, repo, ...rest] = (slug ?? '').split('/');
    if (!owner || !repo || rest.length > 0) {
      return undefined;
    }
    let host = this.options.defaultHost;
    const location = entity.metadata.annotations?.[SOURCE_LOCATION_ANNOTATION];
    const url = location?.replace(/^url:/, '');
    if (url && URL.canParse(url)) {
      const sourceHost = new URL(url).host;
      if (this.integrations.github.byHost(sourceHost)) {
        host = sourceHost;
      }
    }
    return { host, owner, repo, slug: `${owner}/${repo}` };
  }

  async forRepository(repository: GithubRepositoryRef): Promise<Octokit> {
    const integration = this.integrations.github.byHost(repository.host);
    if (!integration) {
      throw new Error(
        `No integrations.github entry for the host ${repository.host}`,
      );
    }
    const baseUrl = integration.config.apiBaseUrl;
    if (!baseUrl) {
      throw new Error(
        `integrations.github for ${repository.host} has no apiBaseUrl`,
      );
    }
    const { token } = await this.credentials.getCredentials({
      url: `https://${repository.host}/${repository.slug}`,
    });
    const { retry, logger } = this.options;
    return new Octokit({
      baseUrl,
      auth: token,
      userAgent: 'backstage-delivery-insights',
      request: {
        fetch: (url: string, init: RequestInit) =>
          fetchWithRetry(url, init, {
            ...retry,
            onRetry: (reason, delayMs) =>
              logger.warn(`${reason}; retrying in ${delayMs} ms`),
          }),
      },
    });
  }
}
