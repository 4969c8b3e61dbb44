import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  MAX_POINTS_PER_REQUEST,
  PROMETHEUS_STEP_MS,
  PrometheusMatrix,
  PrometheusSliSource,
  SliSourceError,
  increaseQuery,
  matrixToSamples,
  queryRangeChunks,
  readPrometheusInstances,
} from './PrometheusSliSource';

const STEP = PROMETHEUS_STEP_MS;
const DAY_MS = 86_400_000;
/** A 5-minute boundary: 2023-11-14T22:15:00Z. */
const T0 = 1_700_000_100_000;

const series = (...values: Array<[number, string]>): PrometheusMatrix => [
  { metric: {}, values },
];

describe('increaseQuery', () => {
  it('sums the 5-minute increase of the selector', () => {
    expect(increaseQuery('http_requests_total{code!~"5.."}')).toBe(
      'sum(increase(http_requests_total{code!~"5.."}[5m]))',
    );
  });
});

describe('queryRangeChunks', () => {
  it('evaluates each bucket starting in [from, to) at its end, the filling bucket included', () => {
    // from and to in the middle of buckets: the first bucket starts at the next boundary, the
    // last one is the bucket containing `to`.
    expect(queryRangeChunks({ from: T0 - 2 * STEP - 1, to: T0 + 1 })).toEqual([
      { start: (T0 - STEP) / 1000, end: (T0 + STEP) / 1000 },
    ]);
  });

  it('keeps a bucket starting exactly at from and drops one starting exactly at to', () => {
    expect(queryRangeChunks({ from: T0, to: T0 + 3 * STEP })).toEqual([
      { start: (T0 + STEP) / 1000, end: (T0 + 3 * STEP) / 1000 },
    ]);
  });

  it('splits 60 days of 5-minute points into contiguous chunks of at most 10,000', () => {
    const chunks = queryRangeChunks({ from: T0 - 60 * DAY_MS, to: T0 });
    const points = chunks.map(c => (c.end - c.start) / (STEP / 1000) + 1);
    expect(points).toEqual([MAX_POINTS_PER_REQUEST, 17_280 - 10_000]);
    expect(chunks[0].start).toBe((T0 - 60 * DAY_MS + STEP) / 1000);
    expect(chunks[1].start).toBe(chunks[0].end + STEP / 1000);
    expect(chunks[1].end).toBe(T0 / 1000);
  });

  it('makes exactly full chunks when the points divide evenly', () => {
    const chunks = queryRangeChunks({
      from: T0,
      to: T0 + 6 * STEP,
      maxPoints: 3,
    });
    expect(chunks).toEqual([
      { start: (T0 + STEP) / 1000, end: (T0 + 3 * STEP) / 1000 },
      { start: (T0 + 4 * STEP) / 1000, end: (T0 + 6 * STEP) / 1000 },
    ]);
  });

  it('asks for nothing when no bucket starts in the window', () => {
    expect(queryRangeChunks({ from: T0 + 1, to: T0 + STEP })).toEqual([]);
    expect(queryRangeChunks({ from: T0, to: T0 })).toEqual([]);
  });
});

describe('matrixToSamples', () => {
  const t = (buckets: number) => (T0 + buckets * STEP) / 1000;

  it('dates each sample at the start of the bucket that ends at the point', () => {
    expect(
      matrixToSamples(
        series([t(1), '99'], [t(2), '98.5']),
        series([t(1), '100'], [t(2), '100']),
      ),
    ).toEqual([
      { timestamp: T0, good: 99, total: 100 },
      { timestamp: T0 + STEP, good: 98.5, total: 100 },
    ]);
  });

  it('skips times missing from either matrix and values that are not numbers', () => {
    expect(
      matrixToSamples(
        series([t(1), '1'], [t(3), 'NaN'], [t(4), '4'], [t(5), '+Inf']),
        series([t(2), '2'], [t(3), '3'], [t(4), '4'], [t(5), '5']),
      ),
    ).toEqual([{ timestamp: T0 + 3 * STEP, good: 4, total: 4 }]);
  });

  it('gives nothing for empty matrices (no series matched)', () => {
    expect(matrixToSamples([], series([t(1), '10']))).toEqual([]);
    expect(matrixToSamples([], [])).toEqual([]);
  });

  it('sums several series, orders by time and caps good at total', () => {
    expect(
      matrixToSamples(
        [
          { metric: { pod: 'a' }, values: [[t(2), '6']] },
          { metric: { pod: 'b' }, values: [[t(2), '5']] },
          { metric: {}, values: [[t(1), '-1']] },
        ],
        series([t(2), '10'], [t(1), '10']),
      ),
    ).toEqual([{ timestamp: T0 + STEP, good: 10, total: 10 }]);
  });
});

describe('readPrometheusInstances', () => {
  it('reads the instances with their headers and trims the base URL', () => {
    const config = new ConfigReader({
      delivery: {
        prometheus: {
          instances: [
            {
              name: 'default',
              baseUrl: 'https://prometheus.example.com/',
              headers: { Authorization: 'Bearer x' },
            },
            { name: 'eu', baseUrl: 'http://eu:9090/prom' },
          ],
        },
      },
    });
    expect(readPrometheusInstances(config)).toEqual([
      {
        name: 'default',
        baseUrl: 'https://prometheus.example.com',
        headers: { Authorization: 'Bearer x' },
      },
      { name: 'eu', baseUrl: 'http://eu:9090/prom', headers: {} },
    ]);
    expect(readPrometheusInstances(new ConfigReader({}))).toEqual([]);
  });

  it('refuses a name used twice and a base URL that is no URL', () => {
    const instances = (...list: object[]) =>
      new ConfigReader({ delivery: { prometheus: { instances: list } } });
    expect(() =>
      readPrometheusInstances(
        instances(
          { name: 'a', baseUrl: 'http://a' },
          { name: 'a', baseUrl: 'http://b' },
        ),
      ),
    ).toThrow('the name a is used twice');
    expect(() =>
      readPrometheusInstances(instances({ name: 'a', baseUrl: 'prometheus' })),
    ).toThrow('the baseUrl of a is not a URL');
  });
});

describe('PrometheusSliSource', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const baseUrl = 'http://prometheus.test';
  const secret = 'Bearer very-secret-token';
  const source = new PrometheusSliSource(
    [{ name: 'default', baseUrl, headers: { Authorization: secret } }],
    { timeoutMs: 200 },
  );
  const prometheusSource = {
    type: 'prometheus' as const,
    instance: 'default',
    goodQuery: 'requests_total{code!~"5.."}',
    totalQuery: 'requests_total',
  };
  // Three buckets: T0, T0 + 5m, T0 + 10m.
  const window = { from: new Date(T0), to: new Date(T0 + 3 * STEP - 1) };

  /** Answers every point of the requested range, good = total - 1. */
  const matrixHandler = (seen: URL[] = []) =>
    http.get(`${baseUrl}/api/v1/query_range`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      if (request.headers.get('authorization') !== secret) {
        return HttpResponse.json({}, { status: 401 });
      }
      const start = Number(url.searchParams.get('start'));
      const end = Number(url.searchParams.get('end'));
      const step = Number(url.searchParams.get('step'));
      const good = url.searchParams.get('query')!.includes('code!~');
      const values: Array<[number, string]> = [];
      for (let time = start; time <= end; time += step) {
        values.push([time, good ? '9' : '10']);
      }
      return HttpResponse.json({
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: {}, values }] },
      });
    });

  const readError = async () => {
    const error = await source.read(prometheusSource, window).then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(SliSourceError);
    expect(error.message).not.toContain('very-secret-token');
    return error.message as string;
  };

  it('reads good and total with range queries carrying the configured headers', async () => {
    const seen: URL[] = [];
    server.use(matrixHandler(seen));
    await expect(source.read(prometheusSource, window)).resolves.toEqual([
      { timestamp: T0, good: 9, total: 10 },
      { timestamp: T0 + STEP, good: 9, total: 10 },
      { timestamp: T0 + 2 * STEP, good: 9, total: 10 },
    ]);
    expect(
      seen
        .map(url => Object.fromEntries(url.searchParams))
        .sort((a, b) => a.query.localeCompare(b.query)),
    ).toEqual([
      {
        query: 'sum(increase(requests_total[5m]))',
        start: String((T0 + STEP) / 1000),
        end: String((T0 + 3 * STEP) / 1000),
        step: '300',
      },
      {
        query: 'sum(increase(requests_total{code!~"5.."}[5m]))',
        start: String((T0 + STEP) / 1000),
        end: String((T0 + 3 * STEP) / 1000),
        step: '300',
      },
    ]);
  });

  it('reads 60 days in two chunks per query', async () => {
    const seen: URL[] = [];
    server.use(matrixHandler(seen));
    const samples = await source.read(prometheusSource, {
      from: new Date(T0 - 60 * DAY_MS),
      to: new Date(T0),
    });
    expect(seen).toHaveLength(4);
    expect(samples).toHaveLength(17_280);
    expect(new Set(samples.map(s => s.timestamp)).size).toBe(17_280);
    expect(samples[0].timestamp).toBe(T0 - 60 * DAY_MS);
    expect(samples[samples.length - 1].timestamp).toBe(T0 - STEP);
  });

  it('names an instance that is not configured', async () => {
    await expect(
      source.read({ ...prometheusSource, instance: 'eu' }, window),
    ).rejects.toThrow(
      new SliSourceError(
        'Prometheus instance eu is not configured in delivery.prometheus.instances',
      ),
    );
  });

  it('reports an HTTP error with its status', async () => {
    server.use(
      http.get(`${baseUrl}/api/v1/query_range`, () =>
        HttpResponse.text('down', { status: 503 }),
      ),
    );
    expect(await readError()).toBe(
      'Prometheus default: 503 Service Unavailable',
    );
  });

  it("adds Prometheus' own reason to an HTTP error", async () => {
    server.use(
      http.get(`${baseUrl}/api/v1/query_range`, () =>
        HttpResponse.json(
          {
            status: 'error',
            errorType: 'bad_data',
            error:
              'exceeded maximum resolution of 11,000 points per timeseries',
          },
          { status: 400 },
        ),
      ),
    );
    expect(await readError()).toBe(
      'Prometheus default: 400 Bad Request: bad_data: exceeded maximum resolution of 11,000 points per timeseries',
    );
  });

  it('reports status error, answers that are no matrix and answers that are no JSON', async () => {
    server.use(
      http.get(`${baseUrl}/api/v1/query_range`, () =>
        HttpResponse.json({
          status: 'error',
          errorType: 'timeout',
          error: 'query timed out',
        }),
      ),
    );
    expect(await readError()).toBe(
      'Prometheus default: timeout: query timed out',
    );
    server.use(
      http.get(`${baseUrl}/api/v1/query_range`, () =>
        HttpResponse.json({
          status: 'success',
          data: { resultType: 'vector', result: [] },
        }),
      ),
    );
    expect(await readError()).toBe(
      'Prometheus default: expected a matrix, got vector',
    );
    server.use(
      http.get(`${baseUrl}/api/v1/query_range`, () =>
        HttpResponse.text('<html>login</html>'),
      ),
    );
    expect(await readError()).toBe(
      'Prometheus default: the answer is not JSON',
    );
  });

  it('gives up on a slow answer', async () => {
    let answer = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    server.use(
      http.get(`${baseUrl}/api/v1/query_range`, async () => {
        await answered;
        return HttpResponse.json({});
      }),
    );
    try {
      expect(await readError()).toBe(
        'Prometheus default: no answer within 0.2 s',
      );
    } finally {
      answer();
    }
  });

  it('reports a network error', async () => {
    server.use(
      http.get(`${baseUrl}/api/v1/query_range`, () => HttpResponse.error()),
    );
    expect(await readError()).toMatch(/^Prometheus default: cannot be reached/);
  });
});
