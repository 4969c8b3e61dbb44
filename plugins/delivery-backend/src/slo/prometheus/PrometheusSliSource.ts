import { Config } from '@backstage/config';
import { SloDefinition } from '@delivery-insights/backstage-plugin-delivery-common';
import { STATUS_CODES } from 'node:http';
import type { TimeWindow } from '../../metrics';
import type { SliSample } from '../math';

/** A Prometheus server from `delivery.prometheus.instances`. */
export type PrometheusInstance = {
  name: string;
  /** Without a trailing slash; `/api/v1/query_range` is appended. */
  baseUrl: string;
  /** Sent with every request (e.g. Authorization); secret, never logged. */
  headers: Record<string, string>;
};

/** Where a Prometheus-backed SLO reads its counters. */
export type PrometheusSloSource = NonNullable<SloDefinition['source']>;

/** The bucket size of the samples: one point per 5 minutes, each the increase over its bucket. */
export const PROMETHEUS_STEP_MS = 300_000;
/** Prometheus refuses more than 11,000 points per series; stay well below. */
export const MAX_POINTS_PER_REQUEST = 10_000;
/** How long one query_range request may take, body included. */
export const PROMETHEUS_TIMEOUT_MS = 10_000;

/**
 * The SLI data of an SLO could not be read (unknown instance, Prometheus unreachable, slow or
 * answering an error). The message names the instance and the reason, never a header value.
 */
export class SliSourceError extends Error {
  readonly name = 'SliSourceError';
}

/** The good or total events of every 5-minute bucket ending at each evaluation time. */
export function increaseQuery(selector: string): string {
  return `sum(increase(${selector}[5m]))`;
}

/** One query_range request: evaluation times `start, start + step, ..., end`, in unix seconds. */
export type QueryRangeChunk = { start: number; end: number };

/**
 * The query_range requests covering the buckets that start in [from, to): buckets are aligned to
 * multiples of `stepMs` since the epoch, and each is evaluated at its end (start + step), so the
 * bucket still filling at `to` is included. Consecutive chunks neither overlap nor leave a gap;
 * each has at most `maxPoints` evaluation times.
 */
export function queryRangeChunks({
  from,
  to,
  stepMs = PROMETHEUS_STEP_MS,
  maxPoints = MAX_POINTS_PER_REQUEST,
}: {
  from: number;
  to: number;
  stepMs?: number;
  maxPoints?: number;
}): QueryRangeChunk[] {
  if (!(stepMs > 0 && stepMs % 1000 === 0)) {
    throw new RangeError(`stepMs must be whole seconds, got ${stepMs}`);
  }
  if (!(Number.isInteger(maxPoints) && maxPoints > 0)) {
    throw new RangeError(
      `maxPoints must be a positive integer, got ${maxPoints}`,
    );
  }
  const firstBucket = Math.ceil(from / stepMs) * stepMs;
  const lastBucket = Math.ceil(to / stepMs) * stepMs - stepMs;
  const chunks: QueryRangeChunk[] = [];
  for (
    let bucket = firstBucket;
    bucket <= lastBucket;
    bucket += maxPoints * stepMs
  ) {
    const lastOfChunk = Math.min(lastBucket, bucket + (maxPoints - 1) * stepMs);
    chunks.push({
      start: (bucket + stepMs) / 1000,
      end: (lastOfChunk + stepMs) / 1000,
    });
  }
  return chunks;
}

/** The `data.result` of a query_range answer: series of [unix seconds, "value"] points. */
export type PrometheusMatrix = Array<{
  metric?: Record<string, string>;
  values: Array<[number, string]>;
}>;

/** Sums the series of a matrix per evaluation time (ms), skipping values that are not finite. */
function pointsByTime(matrix: PrometheusMatrix): Map<number, number> {
  const points = new Map<number, number>();
  for (const series of matrix) {
    for (const point of series.values) {
      if (!Array.isArray(point)) continue;
      const [time, text] = point;
      const value =
        typeof text === 'string' && text !== '' ? Number(text) : NaN;
      if (typeof time !== 'number' || !Number.isFinite(value)) continue;
      const at = Math.round(time * 1000);
      points.set(at, (points.get(at) ?? 0) + value);
    }
  }
  return points;
}

/**
 * Turns the good and total matrices of `increaseQuery` into samples, oldest first: a point
 * evaluated at t covers the bucket [t - step, t), so the sample's timestamp is t - step. A time
 * where either matrix has no point, or a value that is NaN, infinite or negative, gives no sample.
 * Good is capped at total: extrapolation can make good slightly exceed total in a bucket.
 */
export function matrixToSamples(
  good: PrometheusMatrix,
  total: PrometheusMatrix,
  stepMs = PROMETHEUS_STEP_MS,
): SliSample[] {
  const goodAt = pointsByTime(good);
  const samples: SliSample[] = [];
  for (const [at, totalValue] of pointsByTime(total)) {
    const goodValue = goodAt.get(at);
    if (goodValue === undefined || goodValue < 0 || totalValue < 0) continue;
    samples.push({
      timestamp: at - stepMs,
      good: Math.min(goodValue, totalValue),
      total: totalValue,
    });
  }
  return samples.sort((a, b) => a.timestamp - b.timestamp);
}

/** Reads `delivery.prometheus.instances`; throws on a duplicate name or a baseUrl that is no URL. */
export function readPrometheusInstances(config: Config): PrometheusInstance[] {
  const key = 'delivery.prometheus.instances';
  const instances = (config.getOptionalConfigArray(key) ?? []).map(entry => {
    const name = entry.getString('name');
    const baseUrl = entry.getString('baseUrl').replace(/\/+$/, '');
    if (!URL.canParse(baseUrl)) {
      throw new Error(`${key}: the baseUrl of ${name} is not a URL`);
    }
    const headers = entry.getOptionalConfig('headers');
    return {
      name,
      baseUrl,
      headers: Object.fromEntries(
        (headers?.keys() ?? []).map(header => [
          header,
          headers!.getString(header),
        ]),
      ),
    };
  });
  const seen = new Set<string>();
  for (const { name } of instances) {
    if (seen.has(name)) {
      throw new Error(`${key}: the name ${name} is used twice`);
    }
    seen.add(name);
  }
  return instances;
}

type PrometheusAnswer = {
  status?: unknown;
  errorType?: unknown;
  error?: unknown;
  data?: { resultType?: unknown; result?: unknown };
};

const MAX_REASON_LENGTH = 300;

const reasonOf = (answer: PrometheusAnswer | undefined) => {
  if (typeof answer?.error !== 'string') return undefined;
  const reason =
    typeof answer.errorType === 'string'
      ? `${answer.errorType}: ${answer.error}`
      : answer.error;
  return reason.length > MAX_REASON_LENGTH
    ? `${reason.slice(0, MAX_REASON_LENGTH)}…`
    : reason;
};

const parseJson = (text: string): PrometheusAnswer | undefined => {
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Reads the SLI samples of Prometheus-backed SLOs through the HTTP API's range queries: for good
 * and total, `sum(increase(<selector>[5m]))` every 5 minutes, in chunks of at most 10,000 points.
 */
export class PrometheusSliSource {
  private readonly instances: Map<string, PrometheusInstance>;
  private readonly timeoutMs: number;

  static fromConfig(config: Config): PrometheusSliSource {
    return new PrometheusSliSource(readPrometheusInstances(config));
  }

  constructor(
    instances: PrometheusInstance[],
    options: { timeoutMs?: number } = {},
  ) {
    this.instances = new Map(instances.map(i => [i.name, i]));
    this.timeoutMs = options.timeoutMs ?? PROMETHEUS_TIMEOUT_MS;
  }

  /** The samples whose buckets start in [from, to); throws SliSourceError when it cannot. */
  async read(
    source: PrometheusSloSource,
    window: TimeWindow,
  ): Promise<SliSample[]> {
    const instance = this.instances.get(source.instance);
    if (!instance) {
      throw new SliSourceError(
        `Prometheus instance ${source.instance} is not configured in delivery.prometheus.instances`,
      );
    }
    const chunks = queryRangeChunks({
      from: window.from.getTime(),
      to: window.to.getTime(),
    });
    const [good, total] = await Promise.all(
      [source.goodQuery, source.totalQuery].map(async selector => {
        const matrices = await Promise.all(
          chunks.map(chunk =>
            this.queryRange(instance, increaseQuery(selector), chunk),
          ),
        );
        return matrices.flat();
      }),
    );
    return matrixToSamples(good, total);
  }

  private async queryRange(
    instance: PrometheusInstance,
    query: string,
    chunk: QueryRangeChunk,
  ): Promise<PrometheusMatrix> {
    const fail = (reason: string) =>
      new SliSourceError(`Prometheus ${instance.name}: ${reason}`);
    const url = new URL(`${instance.baseUrl}/api/v1/query_range`);
    url.search = new URLSearchParams({
      query,
      start: String(chunk.start),
      end: String(chunk.end),
      step: String(PROMETHEUS_STEP_MS / 1000),
    }).toString();
    let status: number;
    let statusText: string;
    let text: string;
    try {
      const response = await fetch(url, {
        headers: { Accept: 'application/json', ...instance.headers },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      statusText = response.statusText || STATUS_CODES[status] || '';
      text = await response.text();
    } catch (error) {
      const { name, message, cause } = error as Error & {
        cause?: { code?: unknown; message?: unknown };
      };
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw fail(`no answer within ${this.timeoutMs / 1000} s`);
      }
      const detail = cause?.code ?? cause?.message ?? message;
      throw fail(`cannot be reached (${String(detail)})`);
    }
    const answer = parseJson(text);
    if (status < 200 || status >= 300) {
      const reason = reasonOf(answer);
      throw fail(
        `${status} ${statusText}`.trim() + (reason ? `: ${reason}` : ''),
      );
    }
    if (!answer) {
      throw fail('the answer is not JSON');
    }
    if (answer.status !== 'success') {
      throw fail(reasonOf(answer) ?? `status ${String(answer.status)}`);
    }
    const result = answer.data?.result;
    if (
      answer.data?.resultType !== 'matrix' ||
      !Array.isArray(result) ||
      !result.every(series => Array.isArray(series?.values))
    ) {
      throw fail(
        `expected a matrix, got ${String(
          answer.data?.resultType ?? 'no data',
        )}`,
      );
    }
    return result as PrometheusMatrix;
  }
}
