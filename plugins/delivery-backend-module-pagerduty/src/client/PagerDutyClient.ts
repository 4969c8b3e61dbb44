import {
  ProviderHttpClient,
  RetryOptions,
} from '@delivery-insights/backstage-plugin-delivery-node';
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

/** A small client for the parts of PagerDuty's REST API v2 the module needs. */
export class PagerDutyClient {
  private readonly http: ProviderHttpClient;

  constructor(options: {
    baseUrl: string;
    token: string;
    retry?: RetryOptions;
  }) {
    this.http = new ProviderHttpClient({
      baseUrl: options.baseUrl,
      headers: { Authorization: `Token token=${options.token}` },
      retry: options.retry,
      errorDetail,
    });
  }

  /** One page of the services' incidents created in [since, until), oldest first. */
  listIncidents(request: {
    serviceIds: string[];
    since: string;
    until: string;
    offset: number;
  }): Promise<PagerDutyIncidentList> {
    return this.http.get<PagerDutyIncidentList>('/incidents', {
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
    const body = await this.http.get<{ incident?: PagerDutyIncident }>(
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
      const body = await this.http.get<PagerDutyLogEntryList>(
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
    const body = await this.http.get<PagerDutyService>(
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
      const body = await this.http.get<PagerDutyOnCallList>('/oncalls', {
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
}

/** PagerDuty's own explanation of an error, e.g. an invalid token or filter. */
function errorDetail(body: string): string | undefined {
  const { error } = JSON.parse(body) as {
    error?: { message?: string; errors?: string[] };
  };
  return [error?.message, ...(error?.errors ?? [])].filter(Boolean).join('; ');
}
