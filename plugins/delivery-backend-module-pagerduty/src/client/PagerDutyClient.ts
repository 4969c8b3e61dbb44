import {
  fetchWithRetry,
  RetryOptions,
  UpstreamError,
} from '@internal/backstage-plugin-delivery-node';
import {
  PagerDutyIncident,
  PagerDutyIncidentList,
  PagerDutyLogEntryList,
  PagerDutyOnCall,
  PagerDutyOnCallList,
  PagerDutyService,
} from './types';

/** PagerDuty's largest page. */
export const PAGE_SIZE = 100;

/** Log entry pages read per incident when looking for its first acknowledgement. */
const MAX_LOG_ENTRY_PAGES = 5;

type Query = Record<string, string | number | string[] | undefined>;

/** A small client for the parts of PagerDuty's REST API v2 the module needs. */
export class PagerDutyClient {
  constructor(
    private readonly options: {
      baseUrl: string;
      token: string;
      retry?: RetryOptions;
    },
  ) {}

  /** One page of the services' incidents created in [since, until), oldest first. */
  listIncidents(request: {
    serviceIds: string[];
    since: string;
    until: string;
    offset: number;
  }): Promise<PagerDutyIncidentList> {
    return this.get<PagerDutyIncidentList>('/incidents', {
      'service_ids[]': request.serviceIds,
      since: request.since,
      until: request.until,
      sort_by: 'created_at',
      offset: request.offset,
      limit: PAGE_SIZE,
    });
  }

  /** The incident, or undefined when PagerDuty does not know it (any more). */
  async getIncident(id: string): Promise<PagerDutyIncident | undefined> {
    const body = await this.get<{ incident?: PagerDutyIncident }>(
      `/incidents/${encodeURIComponent(id)}`,
      {},
      { allowNotFound: true },
    );
    return body?.incident;
  }

  /**
   * When the incident was first acknowledged, from its log entries: a resolved incident no longer
   * lists its acknowledgements.
   */
  async firstAcknowledgedAt(id: string): Promise<string | undefined> {
    let first: string | undefined;
    for (let page = 0; page < MAX_LOG_ENTRY_PAGES; page++) {
      const body = await this.get<PagerDutyLogEntryList>(
        `/incidents/${encodeURIComponent(id)}/log_entries`,
        { is_overview: 'true', offset: page * PAGE_SIZE, limit: PAGE_SIZE },
      );
      for (const entry of body.log_entries ?? []) {
        if (
          entry.type === 'acknowledge_log_entry' &&
          entry.created_at &&
          !Number.isNaN(Date.parse(entry.created_at)) &&
          (!first || Date.parse(entry.created_at) < Date.parse(first))
        ) {
          first = entry.created_at;
        }
      }
      if (!body.more) {
        break;
      }
    }
    return first;
  }

  async getService(id: string): Promise<PagerDutyService['service']> {
    const body = await this.get<PagerDutyService>(
      `/services/${encodeURIComponent(id)}`,
      {},
      { allowNotFound: true },
    );
    return body?.service;
  }

  /** Everyone on call now for the escalation policies, with their user records. */
  async listOnCalls(escalationPolicyIds: string[]): Promise<PagerDutyOnCall[]> {
    const oncalls: PagerDutyOnCall[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const body = await this.get<PagerDutyOnCallList>('/oncalls', {
        'escalation_policy_ids[]': escalationPolicyIds,
        'include[]': ['users'],
        offset,
        limit: PAGE_SIZE,
      });
      oncalls.push(...(body.oncalls ?? []));
      if (!body.more || (body.oncalls ?? []).length === 0) {
        return oncalls;
      }
    }
  }

  private get<T>(path: string, query: Query): Promise<T>;
  private get<T>(
    path: string,
    query: Query,
    options: { allowNotFound: true },
  ): Promise<T | undefined>;
  private async get<T>(
    path: string,
    query: Query,
    options: { allowNotFound?: boolean } = {},
  ): Promise<T | undefined> {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined) {
          url.searchParams.append(name, String(item));
        }
      }
    }
    const response = await fetchWithRetry(
      url.toString(),
      {
        headers: {
          Accept: 'application/json',
          Authorization: `Token token=${this.options.token}`,
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

/** PagerDuty's own explanation of an error, e.g. an invalid token or filter. */
async function errorDetail(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as {
      error?: { message?: string; errors?: string[] };
    };
    const parts = [body.error?.message, ...(body.error?.errors ?? [])].filter(
      Boolean,
    );
    return parts.length > 0 ? `: ${parts.join('; ')}` : '';
  } catch {
    return '';
  }
}
