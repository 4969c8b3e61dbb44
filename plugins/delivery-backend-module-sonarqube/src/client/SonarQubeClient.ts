import {
  ProviderHttpClient,
  RetryOptions,
  UpstreamError,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { z } from 'zod';
import { SonarQubeInstance } from '../config';

/** The metrics read per analysis; `alert_status` is the quality gate's status then. */
export const HISTORY_METRICS = [
  'line_coverage',
  'branch_coverage',
  'bugs',
  'vulnerabilities',
  'code_smells',
  'alert_status',
] as const;

export type HistoryMetric = (typeof HISTORY_METRICS)[number];

/** Analyses per page of `search_history`; SonarQube's maximum. */
const PAGE_SIZE = 1000;

const historyPageSchema = z.object({
  paging: z.object({
    pageIndex: z.number(),
    pageSize: z.number(),
    total: z.number(),
  }),
  measures: z.array(
    z.object({
      metric: z.string(),
      history: z.array(
        z.object({ date: z.string(), value: z.string().optional() }),
      ),
    }),
  ),
});

export type HistoryPage = z.infer<typeof historyPageSchema>;

const projectStatusSchema = z.object({
  projectStatus: z.object({ status: z.string() }),
});

const componentSchema = z.object({
  component: z.object({ key: z.string(), organization: z.string().optional() }),
});

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(
      `SonarQube answered ${what} in an unexpected shape`,
    );
  }
  return parsed.data;
}

/**
 * SonarQube's date-time form (`2026-12-01T10:00:00+0000`): its web services do not read the
 * `Z` of ISO 8601.
 */
export const toSonarDateTime = (iso: string) =>
  new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+0000');

/**
 * The web API of one SonarQube Server or SonarQube Cloud instance, with its token as the login of
 * HTTP Basic authentication; every request goes through `fetchWithRetry`.
 */
export class SonarQubeClient {
  private readonly http: ProviderHttpClient;

  constructor(readonly instance: SonarQubeInstance, retry: RetryOptions) {
    this.http = new ProviderHttpClient({
      baseUrl: instance.baseUrl,
      headers: instance.token
        ? {
            Authorization: `Basic ${Buffer.from(`${instance.token}:`).toString(
              'base64',
            )}`,
          }
        : {},
      retry,
      errorDetail,
    });
  }

  /** The pages of `/api/measures/search_history` of the project since `from`, oldest analysis first. */
  async *history(
    projectKey: string,
    from: string,
  ): AsyncGenerator<HistoryPage> {
    for (let page = 1; ; page++) {
      const body = parseBody(
        historyPageSchema,
        await this.http.get('/api/measures/search_history', {
          component: projectKey,
          metrics: HISTORY_METRICS.join(','),
          from: toSonarDateTime(from),
          p: page,
          ps: PAGE_SIZE,
        }),
        `the measures history of ${projectKey}`,
      );
      yield body;
      const { pageIndex, pageSize, total } = body.paging;
      if (pageIndex * pageSize >= total || pageSize === 0) {
        return;
      }
    }
  }

  /** The quality gate's status now (`OK`, `WARN`, `ERROR` or `NONE`), from `/api/qualitygates/project_status`. */
  async qualityGateStatus(projectKey: string): Promise<string> {
    const body = parseBody(
      projectStatusSchema,
      await this.http.get('/api/qualitygates/project_status', { projectKey }),
      `the quality gate status of ${projectKey}`,
    );
    return body.projectStatus.status;
  }

  /** Throws unless the project belongs to the configured SonarQube Cloud organization. */
  async checkOrganization(projectKey: string): Promise<void> {
    const { organization } = this.instance;
    if (!organization) {
      return;
    }
    const body = parseBody(
      componentSchema,
      await this.http.get('/api/components/show', { component: projectKey }),
      `the component ${projectKey}`,
    );
    if (body.component.organization !== organization) {
      throw new UpstreamError(
        `SonarQube project ${projectKey} belongs to the organization ${
          body.component.organization ?? '(none)'
        }, not ${organization}`,
      );
    }
  }
}

/** SonarQube's own explanation of an error (`errors[].msg`), at most 200 characters. */
function errorDetail(body: string): string | undefined {
  const parsed = JSON.parse(body) as { errors?: { msg?: unknown }[] };
  const messages = (parsed.errors ?? [])
    .map(error => error.msg)
    .filter((msg): msg is string => typeof msg === 'string');
  return messages.length ? messages.join('; ').slice(0, 200) : undefined;
}
