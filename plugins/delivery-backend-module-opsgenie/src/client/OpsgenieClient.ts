import {
  fetchWithRetry,
  RetryOptions,
  UpstreamError,
} from '@internal/backstage-plugin-delivery-node';
import { OpsgenieRecordSource } from '../config';
import {
  OpsgenieAlert,
  OpsgenieIncident,
  OpsgenieList,
  OpsgenieOnCalls,
  OpsgenieSchedule,
} from './types';

/** Opsgenie's largest page. */
export const PAGE_SIZE = 100;

const PATHS: Record<OpsgenieRecordSource, string> = {
  alerts: '/v2/alerts',
  incidents: '/v1/incidents',
};

export type OpsgenieRecord = OpsgenieAlert | OpsgenieIncident;

/** A small client for the parts of Opsgenie's REST API the module needs. */
export class OpsgenieClient {
  constructor(
    private readonly options: {
      domain: string;
      apiKey: string;
      retry?: RetryOptions;
    },
  ) {}

  /** One page of the alerts or incidents matching the search query, oldest first. */
  list(
    source: OpsgenieRecordSource,
    request: { query: string; offset: number },
  ): Promise<OpsgenieList<OpsgenieRecord>> {
    return this.get<OpsgenieList<OpsgenieRecord>>(PATHS[source], {
      query: request.query,
      offset: String(request.offset),
      limit: String(PAGE_SIZE),
      sort: 'createdAt',
      order: 'asc',
    });
  }

  /** The alert or incident, or undefined when Opsgenie does not know it (any more). */
  async getRecord(
    source: OpsgenieRecordSource,
    id: string,
  ): Promise<OpsgenieRecord | undefined> {
    const body = await this.get<{ data?: OpsgenieRecord }>(
      `${PATHS[source]}/${encodeURIComponent(id)}`,
      { identifierType: 'id' },
      { allowNotFound: true },
    );
    return body?.data;
  }

  async listSchedules(): Promise<OpsgenieSchedule[]> {
    const body = await this.get<OpsgenieList<OpsgenieSchedule>>(
      '/v2/schedules',
      { expand: 'rotation' },
    );
    return body.data ?? [];
  }

  async getOnCalls(scheduleId: string): Promise<OpsgenieOnCalls['data']> {
    const body = await this.get<OpsgenieOnCalls>(
      `/v2/schedules/${encodeURIComponent(scheduleId)}/on-calls`,
      { scheduleIdentifierType: 'id', flat: 'false' },
    );
    return body.data;
  }

  private get<T>(path: string, query: Record<string, string>): Promise<T>;
  private get<T>(
    path: string,
    query: Record<string, string>,
    options: { allowNotFound: true },
  ): Promise<T | undefined>;
  private async get<T>(
    path: string,
    query: Record<string, string>,
    options: { allowNotFound?: boolean } = {},
  ): Promise<T | undefined> {
    const url = new URL(`${this.options.domain.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) {
      url.searchParams.set(name, value);
    }
    const response = await fetchWithRetry(
      url.toString(),
      {
        headers: {
          Accept: 'application/json',
          Authorization: `GenieKey ${this.options.apiKey}`,
        },
      },
      this.options.retry,
    );
    if (response.status === 404 && options.allowNotFound) {
      return undefined;
    }
    if (!response.ok) {
      throw new UpstreamError(
        `GET ${url.origin}${url.pathname} answered ${response.status} ${
          response.statusText
        }${await errorDetail(response)}`,
        response.status,
      );
    }
    try {
      return (await response.json()) as T;
    } catch {
      throw new UpstreamError(
        `GET ${url.origin}${url.pathname} answered with a body that is not JSON`,
        response.status,
      );
    }
  }
}

/** Opsgenie's own explanation of an error, e.g. an invalid query or key. */
async function errorDetail(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: string };
    return body.message ? `: ${body.message}` : '';
  } catch {
    return '';
  }
}
