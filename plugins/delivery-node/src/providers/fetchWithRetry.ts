/** Retry behaviour of {@link fetchWithRetry}. @public */
export type RetryOptions = {
  /** Further attempts after the first (default 4). */
  retries?: number;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** First backoff after a 5xx or timeout, doubled per attempt (default 1 s). */
  baseDelayMs?: number;
  /** Longest wait, also for a rate limit's reset time (default 60 s). */
  maxDelayMs?: number;
  /** Told about each retry, e.g. to log it. */
  onRetry?: (reason: string, delayMs: number) => void;
};

/** An upstream system that kept failing; the message names the request, never its credentials. @public */
export class UpstreamError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'UpstreamError';
  }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * The wait a rate-limited answer asks for, from `Retry-After` or `x-ratelimit-reset`.
 *
 * @public
 */
export function rateLimitDelayMs(
  headers: Headers,
  now: number,
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) {
      return Math.max(0, seconds * 1000);
    }
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) {
      return Math.max(0, date - now);
    }
  }
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  if (Number.isFinite(reset)) {
    // GitHub and GitLab send epoch seconds, Opsgenie a number of seconds to wait
    return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
  }
  return undefined;
}

const isRateLimited = (response: Response) =>
  response.status === 429 ||
  (response.status === 403 &&
    response.headers.get('x-ratelimit-remaining') === '0');

/**
 * `fetch` for provider APIs: waits out rate limits (`Retry-After`, `x-ratelimit-reset`), retries
 * 5xx answers, network errors and timeouts with exponential backoff, and throws
 * {@link UpstreamError} when the attempts are used up. Other answers (2xx, 4xx) are returned.
 *
 * @public
 */
export async function fetchWithRetry(
  url: string,
  init: RequestInit = {},
  options: RetryOptions = {},
): Promise<Response> {
  const {
    retries = 4,
    timeoutMs = 30_000,
    baseDelayMs = 1000,
    maxDelayMs = 60_000,
    onRetry,
  } = options;
  const { origin, pathname } = new URL(url);
  const target = `${init.method ?? 'GET'} ${origin}${pathname}`;
  for (let attempt = 0; ; attempt++) {
    let reason: string;
    let delayMs = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
    try {
      const response = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (isRateLimited(response)) {
        reason = `${target} was rate limited (${response.status})`;
        delayMs = Math.min(
          maxDelayMs,
          rateLimitDelayMs(response.headers, Date.now()) ?? delayMs,
        );
      } else if (response.status >= 500) {
        reason = `${target} answered ${response.status} ${response.statusText}`;
      } else {
        return response;
      }
      if (attempt >= retries) {
        throw new UpstreamError(
          `${reason}, ${attempt + 1} attempts`,
          response.status,
        );
      }
    } catch (error) {
      if (error instanceof UpstreamError) {
        throw error;
      }
      reason =
        (error as Error).name === 'TimeoutError'
          ? `${target} timed out after ${timeoutMs} ms`
          : `${target} failed: ${(error as Error).message}`;
      if (attempt >= retries) {
        throw new UpstreamError(`${reason}, ${attempt + 1} attempts`);
      }
    }
    onRetry?.(reason, delayMs);
    await sleep(delayMs);
  }
}
