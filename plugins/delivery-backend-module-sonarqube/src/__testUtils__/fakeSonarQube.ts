import { http, HttpResponse } from 'msw';

// Response shapes of the SonarQube web API documentation (api/measures/search_history,
// api/qualitygates/project_status, api/components/show); SonarQube writes times as
// `2026-11-20T10:00:00+0000` and every measure value as a string.

/** One analysis of a project and the measures it computed (a measure left out has no value). */
export type FakeAnalysis = {
  date: string;
  line_coverage?: string;
  branch_coverage?: string;
  bugs?: string;
  vulnerabilities?: string;
  code_smells?: string;
  alert_status?: string;
};

type FakeProject = {
  analyses: FakeAnalysis[];
  qualityGate: string;
  organization?: string;
};

/** `days` days before now in SonarQube's form, rounded to the second. */
export const sonarDaysAgo = (days: number) =>
  new Date(Math.floor((Date.now() - days * 86_400_000) / 1000) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, '+0000');

const toMillis = (sonarDate: string) =>
  Date.parse(sonarDate.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/** SonarQube's answer for an unknown project. */
const notFound = (key: string) =>
  HttpResponse.json(
    { errors: [{ msg: `Component key '${key}' not found` }] },
    { status: 404 },
  );

/** A SonarQube instance at `baseUrl` that accepts `token`, serving its projects' analyses. */
export class FakeSonarQube {
  readonly projects = new Map<string, FakeProject>();
  readonly requests: URL[] = [];
  /** The largest page `search_history` hands out. */
  maxPageSize = 1000;
  /** Consulted first for every request; an answer replaces the normal one. */
  intercept?: (url: URL) => Response | undefined;

  constructor(readonly baseUrl: string, readonly token: string) {}

  requestsTo(path: string) {
    return this.requests.filter(url => url.pathname.endsWith(path));
  }

  handlers() {
    const authorized = (request: Request) =>
      request.headers.get('authorization') ===
      `Basic ${Buffer.from(`${this.token}:`).toString('base64')}`;
    const guard = (
      answer: (url: URL) => Response,
    ): Parameters<typeof http.get>[1] => {
      return ({ request }) => {
        const url = new URL(request.url);
        this.requests.push(url);
        const intercepted = this.intercept?.(url);
        if (intercepted) {
          return intercepted;
        }
        if (!authorized(request)) {
          return HttpResponse.json(
            { errors: [{ msg: 'Authentication required' }] },
            { status: 401 },
          );
        }
        return answer(url);
      };
    };
    return [
      http.get(
        `${this.baseUrl}/api/measures/search_history`,
        guard(url => this.history(url)),
      ),
      http.get(
        `${this.baseUrl}/api/qualitygates/project_status`,
        guard(url => {
          const key = url.searchParams.get('projectKey')!;
          const project = this.projects.get(key);
          if (!project) {
            return notFound(key);
          }
          return HttpResponse.json({
            projectStatus: {
              status: project.qualityGate,
              conditions: [
                {
                  status: project.qualityGate === 'OK' ? 'OK' : 'ERROR',
                  metricKey: 'new_coverage',
                  comparator: 'LT',
                  errorThreshold: '80',
                  actualValue: '72.5',
                },
              ],
              ignoredConditions: false,
              period: { mode: 'PREVIOUS_VERSION', date: sonarDaysAgo(30) },
            },
          });
        }),
      ),
      http.get(
        `${this.baseUrl}/api/components/show`,
        guard(url => {
          const key = url.searchParams.get('component')!;
          const project = this.projects.get(key);
          if (!project) {
            return notFound(key);
          }
          return HttpResponse.json({
            component: {
              organization: project.organization,
              key,
              name: key,
              qualifier: 'TRK',
              visibility: 'private',
              analysisDate: project.analyses.at(-1)?.date,
            },
            ancestors: [],
          });
        }),
      ),
    ];
  }

  private history(url: URL) {
    const key = url.searchParams.get('component')!;
    const project = this.projects.get(key);
    if (!project) {
      return notFound(key);
    }
    const from = url.searchParams.get('from');
    if (
      from &&
      !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{4})?$/.test(from)
    ) {
      return HttpResponse.json(
        {
          errors: [
            {
              msg: `'${from}' cannot be parsed as either a date or date+time`,
            },
          ],
        },
        { status: 400 },
      );
    }
    const since = from ? toMillis(from) : 0;
    const analyses = project.analyses
      .filter(analysis => toMillis(analysis.date) >= since)
      .sort((a, b) => toMillis(a.date) - toMillis(b.date));
    const pageSize = Math.min(
      Number(url.searchParams.get('ps') ?? 100),
      this.maxPageSize,
    );
    const pageIndex = Number(url.searchParams.get('p') ?? 1);
    const page = analyses.slice(
      (pageIndex - 1) * pageSize,
      pageIndex * pageSize,
    );
    const metrics = (url.searchParams.get('metrics') ?? '').split(',');
    return HttpResponse.json({
      paging: { pageIndex, pageSize, total: analyses.length },
      measures: metrics.map(metric => ({
        metric,
        history: page.map(analysis => {
          const value = analysis[metric as keyof FakeAnalysis];
          return value === undefined
            ? { date: analysis.date }
            : { date: analysis.date, value };
        }),
      })),
    });
  }
}
