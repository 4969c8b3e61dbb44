import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  DeliveryHealth,
  DeployGate,
  EntitySlos,
  PolicyException,
  OnCallResponse,
  Scorecard,
  ScorecardRecords,
  SyncStatus,
  TimeSeries,
  TimeSeriesMetric,
} from '@delivery-insights/backstage-plugin-delivery-common';
import {
  DeliveryApi,
  PolicyExceptionRequest,
  WindowQuery,
} from './DeliveryApi';
import {
  ReportFile,
  ReportQuery,
  fileNameFromDisposition,
  saveTextFile,
} from './reports';

type QueryValue = string | string[] | undefined;

const entityPath = (entityRef: string) => {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return ['entities', kind, namespace, name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/');
};

/**
 * Talks to the delivery backend over HTTP, with the signed-in user's credentials.
 *
 * @public
 */
export class DeliveryClient implements DeliveryApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  getHealth(): Promise<DeliveryHealth> {
    return this.get('/health');
  }

  getScorecard(entityRef: string, window?: WindowQuery): Promise<Scorecard> {
    return this.get(`/${entityPath(entityRef)}/scorecard`, { ...window });
  }

  async getScorecards(
    entityRefs: string[],
    window?: WindowQuery,
  ): Promise<Scorecard[]> {
    if (entityRefs.length === 0) {
      return [];
    }
    const { items } = await this.get<{ items: Scorecard[] }>('/scorecards', {
      entityRef: entityRefs,
      ...window,
    });
    return items;
  }

  getOrganizationScorecard(window?: WindowQuery): Promise<Scorecard> {
    return this.get('/organization/scorecard', { ...window });
  }

  getTimeSeries(
    entityRef: string,
    metric: TimeSeriesMetric,
    options?: WindowQuery & { bucket?: 'day' | 'week' },
  ): Promise<TimeSeries> {
    return this.get(`/${entityPath(entityRef)}/timeseries`, {
      metric,
      ...options,
    });
  }

  getRecords(
    entityRef: string,
    window?: WindowQuery,
  ): Promise<ScorecardRecords> {
    return this.get(`/${entityPath(entityRef)}/records`, { ...window });
  }

  getSlos(entityRef: string): Promise<EntitySlos> {
    return this.get(`/${entityPath(entityRef)}/slos`);
  }

  getOnCall(entityRef: string): Promise<OnCallResponse> {
    return this.get(`/${entityPath(entityRef)}/oncall`);
  }

  getDeployGate(entityRef: string): Promise<DeployGate> {
    return this.get(`/${entityPath(entityRef)}/deploy-gate`);
  }

  async getPolicyExceptions(entityRef: string): Promise<PolicyException[]> {
    const { items } = await this.get<{ items: PolicyException[] }>(
      `/${entityPath(entityRef)}/policy/exceptions`,
    );
    return items;
  }

  async requestPolicyException(
    entityRef: string,
    request: PolicyExceptionRequest,
  ): Promise<PolicyException> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('delivery');
    const response = await this.deps.fetchApi.fetch(
      `${baseUrl}/${entityPath(entityRef)}/policy/exceptions`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as PolicyException;
  }

  async getSyncStatus(entityRef: string): Promise<SyncStatus[]> {
    const { items } = await this.get<{ items: SyncStatus[] }>('/sync-status', {
      entityRef,
    });
    return items;
  }

  async getReport(query: ReportQuery): Promise<ReportFile> {
    const { report, ...params } = query;
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== '') {
        search.append(key, String(value));
      }
    }
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('delivery');
    const response = await this.deps.fetchApi.fetch(
      `${baseUrl}/reports/${encodeURIComponent(report)}?${search}`,
      { headers: { Accept: 'text/markdown' } },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return {
      fileName: fileNameFromDisposition(
        response.headers.get('Content-Disposition'),
        `${report}.md`,
      ),
      markdown: await response.text(),
    };
  }

  async downloadReport(query: ReportQuery): Promise<ReportFile> {
    const file = await this.getReport(query);
    saveTextFile(file.fileName, file.markdown, 'text/markdown;charset=utf-8');
    return file;
  }

  private async get<T>(
    path: string,
    query: Record<string, QueryValue> = {},
  ): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      for (const item of [value].flat()) {
        if (item !== undefined) {
          params.append(key, item);
        }
      }
    }
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('delivery');
    const search = params.size > 0 ? `?${params}` : '';
    const response = await this.deps.fetchApi.fetch(
      `${baseUrl}${path}${search}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
