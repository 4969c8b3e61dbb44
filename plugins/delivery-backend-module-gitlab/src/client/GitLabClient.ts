import {
  GitLabIntegrationConfig,
  getGitLabRequestOptions,
} from '@backstage/integration';
import {
  ProviderHttpClient,
  RetryOptions,
  UpstreamError,
  describeRequest,
} from '@delivery-insights/backstage-plugin-delivery-node';

/** Items per page; GitLab's maximum. */
const PER_PAGE = '100';

/** `/projects/:id` with the project's full path URL-encoded as its id. */
export const projectApiPath = (projectSlug: string) =>
  `/projects/${encodeURIComponent(projectSlug)}`;

/** The `rel="next"` target of a `Link` header, if any. */
export function nextLinkOf(link: string | null): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) {
      return match[1];
    }
  }
  return undefined;
}

/**
 * GitLab REST API v4 of one instance (gitlab.com or self-managed), with the token and API base URL
 * of its `integrations.gitlab` entry. Every request goes through `fetchWithRetry`, which waits out
 * a 429 for its `Retry-After` and retries 5xx answers, network errors and timeouts with backoff.
 */
export class GitLabClient {
  private readonly http: ProviderHttpClient;

  constructor(
    private readonly integration: GitLabIntegrationConfig,
    retry: RetryOptions,
  ) {
    this.http = new ProviderHttpClient({
      baseUrl: integration.apiBaseUrl,
      headers: getGitLabRequestOptions(integration).headers ?? {},
      retry,
      errorDetail,
    });
  }

  get host(): string {
    return this.integration.host;
  }

  /** One resource, e.g. `/projects/group%2Fapp/deployments/42`. */
  async get(path: string): Promise<unknown> {
    return this.http.get(path);
  }

  /**
   * The pages of a list endpoint in order, following GitLab's pagination: the `Link` header's
   * `next` (keyset pagination) or else `x-next-page` (offset pagination).
   */
  async *pages(
    path: string,
    query: Record<string, string>,
    options: { maxPages?: number } = {},
  ): AsyncGenerator<unknown[]> {
    let url: string | undefined = this.http.url(path, {
      per_page: PER_PAGE,
      ...query,
    });
    for (let page = 1; url; page++) {
      const { body, response } = await this.http.request(url);
      if (!Array.isArray(body)) {
        throw new UpstreamError(
          `${describeRequest(url)} did not answer a list`,
          response.status,
        );
      }
      yield body;
      if (options.maxPages !== undefined && page >= options.maxPages) {
        return;
      }
      url = this.nextPageUrl(url, response.headers);
    }
  }

  /** Every item of a list endpoint. */
  async all(
    path: string,
    query: Record<string, string> = {},
    options: { maxPages?: number } = {},
  ): Promise<unknown[]> {
    const items: unknown[] = [];
    for await (const page of this.pages(path, query, options)) {
      items.push(...page);
    }
    return items;
  }

  private nextPageUrl(current: string, headers: Headers): string | undefined {
    const link = nextLinkOf(headers.get('link'));
    if (link) {
      // The token goes with every request: follow links to this API only.
      if (!link.startsWith(`${this.integration.apiBaseUrl}/`)) {
        throw new UpstreamError(
          `${describeRequest(current)} linked its next page outside ${
            this.integration.apiBaseUrl
          }`,
        );
      }
      return link;
    }
    const nextPage = headers.get('x-next-page');
    if (!nextPage) {
      return undefined;
    }
    const url = new URL(current);
    url.searchParams.set('page', nextPage);
    return url.toString();
  }
}

/** GitLab's own explanation of an error (`message` or `error`), at most 200 characters. */
function errorDetail(body: string): string | undefined {
  let message: unknown = body;
  try {
    const parsed = JSON.parse(body);
    message = parsed.message ?? parsed.error;
  } catch {
    // not JSON: the text itself
  }
  return message === undefined ? undefined : String(message).slice(0, 200);
}
