import {
  ProviderHttpClient,
  RetryOptions,
} from '@delivery-insights/backstage-plugin-delivery-node';
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
  private readonly http: ProviderHttpClient;

  constructor(options: {
    domain: string;
    apiKey: string;
    retry?: RetryOptions;
  }) {
    this.http = new ProviderHttpClient({
      baseUrl: options.domain,
      headers: { Authorization: `GenieKey ${options.apiKey}` },
      retry: options.retry,
      errorDetail,
    });
  }

  /** One page of the alerts or incidents matching the search query, oldest first. */
  list(
    source: OpsgenieRecordSource,
    request: { query: string; offset: number },
  ): Promise<OpsgenieList<OpsgenieRecord>> {
    return this.http.get<OpsgenieList<OpsgenieRecord>>(PATHS[source], {
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
    const body = await this.http.get<{ data?: OpsgenieRecord }>(
      `${PATHS[source]}/${encodeURIComponent(id)}`,
      { identifierType: 'id' },
      { allowNotFound: true },
    );
    return body?.data;
  }

  async listSchedules(): Promise<OpsgenieSchedule[]> {
    const body = await this.http.get<OpsgenieList<OpsgenieSchedule>>(
      '/v2/schedules',
      { expand: 'rotation' },
    );
    return body.data ?? [];
  }

  async getOnCalls(scheduleId: string): Promise<OpsgenieOnCalls['data']> {
    const body = await this.http.get<OpsgenieOnCalls>(
      `/v2/schedules/${encodeURIComponent(scheduleId)}/on-calls`,
      { scheduleIdentifierType: 'id', flat: 'false' },
    );
    return body.data;
  }
}

/** Opsgenie's own explanation of an error, e.g. an invalid query or key. */
function errorDetail(body: string): string | undefined {
  return (JSON.parse(body) as { message?: string }).message;
}
