import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describeRequest, ProviderHttpClient } from './ProviderHttpClient';

const BASE_URL = 'https://api.example.com/v2/';
const server = setupServer();
registerMswTestHooks(server);

const client = new ProviderHttpClient({
  baseUrl: BASE_URL,
  headers: { Authorization: 'Token token=secret' },
  retry: { retries: 1, baseDelayMs: 1 },
  errorDetail: body => JSON.parse(body).error?.message,
});

describe('ProviderHttpClient', () => {
  it('builds URLs under the base URL with repeated and omitted parameters', () => {
    expect(
      client.url('/incidents', {
        'service_ids[]': ['A', 'B'],
        offset: 0,
        until: undefined,
      }),
    ).toBe(
      'https://api.example.com/v2/incidents?service_ids%5B%5D=A&service_ids%5B%5D=B&offset=0',
    );
  });

  it('sends the credentials and reads the JSON body', async () => {
    const seen: (string | null)[] = [];
    server.use(
      http.get('https://api.example.com/v2/incidents', ({ request }) => {
        seen.push(
          request.headers.get('authorization'),
          request.headers.get('accept'),
        );
        return HttpResponse.json({ incidents: [{ id: 'P1' }] });
      }),
    );

    await expect(client.get('/incidents')).resolves.toEqual({
      incidents: [{ id: 'P1' }],
    });
    expect(seen).toEqual(['Token token=secret', 'application/json']);
  });

  it('answers undefined for a 404 only when asked to', async () => {
    server.use(
      http.get('https://api.example.com/v2/incidents/P9', () =>
        HttpResponse.json({ error: { message: 'Not Found' } }, { status: 404 }),
      ),
    );

    await expect(
      client.get('/incidents/P9', {}, { allowNotFound: true }),
    ).resolves.toBeUndefined();
    await expect(client.get('/incidents/P9')).rejects.toThrow(
      'GET https://api.example.com/v2/incidents/P9 answered 404 Not Found: Not Found',
    );
  });

  it("names the request and the API's explanation, never the query or credentials", async () => {
    server.use(
      http.get('https://api.example.com/v2/incidents', () =>
        HttpResponse.json(
          { error: { message: 'Invalid Input Provided' } },
          { status: 400, statusText: 'Bad Request' },
        ),
      ),
    );

    const error = (await client
      .get('/incidents', { since: 'never' })
      .catch(e => e)) as Error;

    expect(error).toMatchObject({
      name: 'UpstreamError',
      status: 400,
      message:
        'GET https://api.example.com/v2/incidents answered 400 Bad Request: Invalid Input Provided',
    });
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain('never');
  });

  it('leaves out an explanation it cannot read', async () => {
    server.use(
      http.get(
        'https://api.example.com/v2/incidents',
        () =>
          new HttpResponse('<html>Forbidden</html>', {
            status: 403,
            statusText: 'Forbidden',
          }),
      ),
    );

    await expect(client.get('/incidents')).rejects.toThrow(
      /^GET https:\/\/api\.example\.com\/v2\/incidents answered 403 Forbidden$/,
    );
  });

  it('refuses a body that is not JSON', async () => {
    server.use(
      http.get(
        'https://api.example.com/v2/incidents',
        () => new HttpResponse('<html>', { status: 200 }),
      ),
    );

    await expect(client.get('/incidents')).rejects.toThrow(
      'GET https://api.example.com/v2/incidents answered with a body that is not JSON',
    );
  });

  it('retries a 5xx answer through fetchWithRetry', async () => {
    let calls = 0;
    server.use(
      http.get('https://api.example.com/v2/incidents', () => {
        calls++;
        return calls === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ incidents: [] });
      }),
    );

    await expect(client.get('/incidents')).resolves.toEqual({ incidents: [] });
    expect(calls).toBe(2);
  });

  it('returns the response with the body, for paging headers', async () => {
    server.use(
      http.get('https://api.example.com/v2/items', () =>
        HttpResponse.json([1, 2], { headers: { 'x-next-page': '2' } }),
      ),
    );

    const { body, response } = await client.request(client.url('/items'));

    expect(body).toEqual([1, 2]);
    expect(response.headers.get('x-next-page')).toBe('2');
  });
});

describe('describeRequest', () => {
  it('names the method, origin and path only', () => {
    expect(describeRequest('https://api.example.com/a/b?token=x#y')).toBe(
      'GET https://api.example.com/a/b',
    );
    expect(describeRequest('https://api.example.com/a', 'POST')).toBe(
      'POST https://api.example.com/a',
    );
  });
});
