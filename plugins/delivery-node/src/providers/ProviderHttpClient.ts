import { fetchWithRetry, RetryOptions, UpstreamError } from './fetchWithRetry';

/** Query parameters; a list repeats the parameter, undefined leaves it out. @public */
export type ProviderQuery = Record<
  string,
  string | number | string[] | undefined
>;

/** @public */
export type ProviderHttpClientOptions = {
  /** The API's base URL; paths are appended to it. */
  baseUrl: string;
  /** Sent with every request, typically the credentials (`Authorization`, `PRIVATE-TOKEN`). */
  headers: Record<string, string>;
  retry?: RetryOptions;
  /**
   * The API's own explanation of an error answer from its body (e.g. `message`), added to the
   * error; undefined or empty when the body has none.
   */
  errorDetail?: (body: string) => string | undefined;
};

/**
 * The JSON `GET` every provider API client shares: the credentials in headers, rate limits, 5xx
 * and timeouts handled by {@link fetchWithRetry}, and any other failure thrown as an
 * {@link UpstreamError} that names the request (never its credentials or query) and the API's
 * explanation.
 *
 * @public
 */
export class ProviderHttpClient {
  constructor(private readonly options: ProviderHttpClientOptions) {}

  /** The URL of a path under the base URL, with the query. */
  url(path: string, query: ProviderQuery = {}): string {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined) {
          url.searchParams.append(name, String(item));
        }
      }
    }
    return url.toString();
  }

  /** The JSON body of a path; with `allowNotFound`, undefined for a 404. */
  get<T>(path: string, query?: ProviderQuery): Promise<T>;
  get<T>(
    path: string,
    query: ProviderQuery,
    options: { allowNotFound: true },
  ): Promise<T | undefined>;
  async get<T>(
    path: string,
    query: ProviderQuery = {},
    options: { allowNotFound?: boolean } = {},
  ): Promise<T | undefined> {
    const answer = await this.request(this.url(path, query), options);
    return answer?.body as T | undefined;
  }

  /** The JSON body and the response (for its paging headers) of a full URL. */
  request(url: string): Promise<{ body: unknown; response: Response }>;
  request(
    url: string,
    options: { allowNotFound?: boolean },
  ): Promise<{ body: unknown; response: Response } | undefined>;
  async request(
    url: string,
    options: { allowNotFound?: boolean } = {},
  ): Promise<{ body: unknown; response: Response } | undefined> {
    const response = await fetchWithRetry(
      url,
      { headers: { Accept: 'application/json', ...this.options.headers } },
      this.options.retry,
    );
    if (response.status === 404 && options.allowNotFound) {
      return undefined;
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let detail: string | undefined;
      try {
        detail = this.options.errorDetail?.(text);
      } catch {
        detail = undefined;
      }
      throw new UpstreamError(
        `${describeRequest(url)} answered ${response.status} ${
          response.statusText
        }${detail ? `: ${detail}` : ''}`,
        response.status,
      );
    }
    try {
      return { body: (await response.json()) as unknown, response };
    } catch {
      throw new UpstreamError(
        `${describeRequest(url)} answered with a body that is not JSON`,
        response.status,
      );
    }
  }
}

/** `GET origin/path` of a URL, without its query. @public */
export function describeRequest(url: string, method = 'GET'): string {
  const { origin, pathname } = new URL(url);
  return `${method} ${origin}${pathname}`;
}
