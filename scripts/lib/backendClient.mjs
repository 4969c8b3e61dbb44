// Talking to a delivery backend that a script started: the bench and the load test share these.

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** JSON over HTTP with a static token; a non-2xx answer throws with the start of its body. */
export function apiClient(baseUrl, token) {
  return async (pathname, init = {}) => {
    const response = await fetch(`${baseUrl}${pathname}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `${init.method ?? 'GET'} ${pathname}: ${response.status} ${text.slice(
          0,
          500,
        )}`,
      );
    }
    return text ? JSON.parse(text) : null;
  };
}

/**
 * Polls `check` until it answers true. Any other truthy answer is progress, told to `onProgress`
 * when it changes; a thrown error is kept for the timeout's message.
 */
export async function waitFor(
  what,
  check,
  { timeoutMs, intervalMs = 1000, onProgress = () => {} },
) {
  const started = Date.now();
  let last = '';
  for (;;) {
    try {
      const result = await check();
      if (result === true) return;
      if (result && result !== last) onProgress(`${what}: ${result}`);
      last = result || last;
    } catch (error) {
      last = String(error.message);
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what} (${last})`);
    }
    await sleep(intervalMs);
  }
}
