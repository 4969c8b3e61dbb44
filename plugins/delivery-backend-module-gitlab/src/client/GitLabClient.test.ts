import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { UpstreamError } from '@delivery-insights/backstage-plugin-delivery-node';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { FakeGitLab, ago, gitlabDeployment } from '../__testUtils__/fakeGitLab';
import { GitLabClient, nextLinkOf, projectApiPath } from './GitLabClient';

const server = setupServer();
registerMswTestHooks(server);

const TOKEN = 'glpat-test-token';

function setup(options: { apiBaseUrl?: string; timeoutMs?: number } = {}) {
  const gitlab = new FakeGitLab({ apiBaseUrl: options.apiBaseUrl });
  for (let id = 1; id <= 5; id++) {
    gitlab.project.deployments.push(
      gitlabDeployment({
        id,
        status: 'success',
        environment: 'production',
        startedAt: ago(10 - id, 1),
        finishedAt: ago(10 - id),
      }),
    );
  }
  server.use(...gitlab.handlers());
  const apiBaseUrl = gitlab.apiBaseUrl;
  const client = new GitLabClient(
    { host: new URL(apiBaseUrl).host, apiBaseUrl, baseUrl: '', token: TOKEN },
    { baseDelayMs: 10, timeoutMs: options.timeoutMs ?? 2000 },
  );
  return { gitlab, client };
}

const deploymentsPath = `${projectApiPath('northwind/checkout')}/deployments`;
const ids = (items: unknown[]) =>
  items.map(item => (item as { id: number }).id);

describe('GitLabClient', () => {
  it('encodes the project path as its id', () => {
    expect(projectApiPath('northwind/payments/checkout')).toBe(
      '/projects/northwind%2Fpayments%2Fcheckout',
    );
  });

  it('reads the next page from a Link header', () => {
    expect(
      nextLinkOf(
        '<https://gitlab.com/api/v4/projects/1/deployments?page=2>; rel="next", <https://gitlab.com/api/v4/projects/1/deployments?page=1>; rel="first"',
      ),
    ).toBe('https://gitlab.com/api/v4/projects/1/deployments?page=2');
    expect(nextLinkOf('<https://x/?page=1>; rel="first"')).toBeUndefined();
    expect(nextLinkOf(null)).toBeUndefined();
  });

  it.each(['both', 'link', 'x-next-page'] as const)(
    'follows pagination headers (%s) page by page',
    async pagination => {
      const { gitlab, client } = setup();
      gitlab.pageSize = 2;
      gitlab.pagination = pagination;
      const pages: number[][] = [];
      for await (const page of client.pages(deploymentsPath, {
        order_by: 'updated_at',
        sort: 'asc',
      })) {
        pages.push(ids(page));
      }
      expect(pages).toEqual([[1, 2], [3, 4], [5]]);
      expect(gitlab.requests.map(url => url.searchParams.get('page'))).toEqual([
        null,
        '2',
        '3',
      ]);
      // The query survives every page, and the token goes with each request.
      expect(
        gitlab.requests.every(
          url => url.searchParams.get('order_by') === 'updated_at',
        ),
      ).toBe(true);
    },
  );

  it('waits out a 429 for its Retry-After and then reads the page', async () => {
    const { gitlab, client } = setup();
    gitlab.fail(
      () => true,
      () =>
        HttpResponse.json(
          { message: 'Retry later' },
          { status: 429, headers: { 'Retry-After': '1' } },
        ),
    );
    const started = Date.now();
    expect(ids(await client.all(deploymentsPath))).toEqual([1, 2, 3, 4, 5]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(gitlab.requests).toHaveLength(2);
  });

  it('retries 5xx answers with backoff until one succeeds', async () => {
    const { gitlab, client } = setup();
    gitlab.fail(
      () => true,
      () => HttpResponse.json({ message: '502 Bad Gateway' }, { status: 502 }),
      2,
    );
    expect(ids(await client.all(deploymentsPath))).toHaveLength(5);
    expect(gitlab.requests).toHaveLength(3);
  });

  it('retries a request that times out', async () => {
    const { gitlab, client } = setup({ timeoutMs: 100 });
    gitlab.fail(
      () => true,
      async () => {
        await delay(400);
        return HttpResponse.json([]);
      },
    );
    expect(ids(await client.all(deploymentsPath))).toHaveLength(5);
    expect(gitlab.requests).toHaveLength(2);
  });

  it('gives up after the retries with an error naming the request, never the token', async () => {
    const { gitlab, client } = setup();
    gitlab.fail(
      () => true,
      () => HttpResponse.json({ message: 'down' }, { status: 503 }),
      10,
    );
    const error = await client.all(deploymentsPath).catch(e => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.message).toBe(
      'GET https://gitlab.com/api/v4/projects/northwind%2Fcheckout/deployments answered 503 Service Unavailable, 5 attempts',
    );
    expect(error.message).not.toContain(TOKEN);
  });

  it("reports a 4xx with GitLab's message and does not retry it", async () => {
    const { gitlab, client } = setup();
    const error = await client
      .all(`${projectApiPath('northwind/unknown')}/deployments`)
      .catch(e => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error.status).toBe(404);
    expect(error.message).toContain(
      'answered 404 Not Found: 404 Project Not Found',
    );
    expect(gitlab.requests).toHaveLength(1);
  });

  it('talks to a self-managed instance under its own API base URL', async () => {
    const { gitlab, client } = setup({
      apiBaseUrl: 'https://git.northwind.example/gitlab/api/v4',
    });
    expect(ids(await client.all(deploymentsPath))).toHaveLength(5);
    expect(gitlab.requests[0].toString()).toMatch(
      /^https:\/\/git\.northwind\.example\/gitlab\/api\/v4\/projects\/northwind%2Fcheckout\/deployments\?/,
    );
  });

  it('refuses to follow a next link to another host with the token', async () => {
    const { client } = setup();
    server.use(
      http.get('https://gitlab.com/api/v4/projects/:id/deployments', () =>
        HttpResponse.json([], {
          headers: { link: '<https://evil.example/steal?page=2>; rel="next"' },
        }),
      ),
    );
    await expect(client.all(deploymentsPath)).rejects.toThrow(
      'linked its next page outside https://gitlab.com/api/v4',
    );
  });
});
